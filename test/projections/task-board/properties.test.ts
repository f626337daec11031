/** The task board over random governance timelines: replay properties, and slots recounted from raw events. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Recorded } from '../../../src/commands/aggregate.js';
import type { LinliEvent } from '../../../src/domain/linli.js';
import { toMillis } from '../../../src/domain/shared/time.js';
import { evolveTask } from '../../../src/domain/task/decider.js';
import type { TaskEvent } from '../../../src/domain/task/events.js';
import { initialTaskState, isComplete, type TaskState } from '../../../src/domain/task/state.js';
import {
  openTasks,
  taskBoardProjection,
  taskCard,
  type OpenTasksQuery,
  type TaskBoardState,
} from '../../../src/projections/task-board/index.js';
import { expectRebuildEqualsIncremental } from '../support/replay.js';
import { EPOCHS, record, timelineArb } from '../support/timeline.js';
import { itKeepsTheReplayLaws, timelineWorlds } from '../support/replay-laws.js';

const TASK_TYPES = new Set<string>([
  'TaskPublished',
  'TaskClaimed',
  'TaskProofSubmitted',
  'TaskVerified',
  'TaskProofRejected',
  'TaskClaimReleased',
  'TaskCancelled',
  'TaskExpired',
]);
const isTaskEvent = (event: Recorded<LinliEvent>): event is Recorded<TaskEvent> => TASK_TYPES.has(event.type);

/** Who holds a slot of each task, replayed by hand from the raw events. */
const recountClaims = (events: readonly Recorded<TaskEvent>[]): Map<string, Map<string, string>> => {
  const claims = new Map<string, Map<string, string>>();
  for (const event of events) {
    const { taskId } = event.data;
    if (event.type === 'TaskPublished') {
      claims.set(taskId, new Map());
      continue;
    }
    const held = claims.get(taskId)!;
    if (event.type === 'TaskCancelled' || event.type === 'TaskExpired') {
      for (const [who, status] of held) if (status !== 'TaskVerified') held.delete(who);
    } else if (event.type === 'TaskClaimReleased') {
      held.delete(event.data.residentId);
    } else {
      held.set(event.data.residentId, event.type);
    }
  }
  return claims;
};

const check = (board: TaskBoardState, events: readonly Recorded<LinliEvent>[]) => {
  const taskEvents = events.filter(isTaskEvent);
  const claims = recountClaims(taskEvents);
  expect(Object.keys(board.tasks).sort()).toEqual([...claims.keys()].sort());
  for (const [taskId, held] of claims) {
    const card = taskCard(board, taskId)!;
    const verified = [...held.values()].filter((s) => s === 'TaskVerified').length;
    expect(card.activeClaims).toBe(held.size);
    expect(card.verifiedClaims).toBe(verified);
    expect(Object.keys(card.claims).sort()).toEqual([...held.keys()].sort());
    const closed = card.status === 'cancelled' || card.status === 'expired' || card.status === 'completed';
    expect(card.freeSlots).toBe(closed ? 0 : card.slots - held.size);
    expect(card.freeSlots).toBeGreaterThanOrEqual(0);

    // And the Task aggregate's own fold agrees on the status.
    const state = taskEvents
      .filter((e) => e.data.taskId === taskId)
      .reduce<TaskState>((s, e) => evolveTask(s, e), initialTaskState);
    if (state.status === 'unpublished') throw new Error('published tasks fold to a published state');
    const expected =
      state.status !== 'open'
        ? state.status
        : isComplete(state)
          ? 'completed'
          : state.claims.size >= state.slots
            ? 'full'
            : 'open';
    expect(card.status).toBe(expected);
    expect(card.activeClaims).toBe(state.claims.size);
  }
};

const queryArb: fc.Arbitrary<OpenTasksQuery> = fc.record(
  {
    community: fc.constantFrom('bairuijing', 'longtanzi', 'elsewhere'),
    unit: fc.constantFrom('bairuijing.g1', 'longtanzi.g2'),
    audience: fc.constantFrom<OpenTasksQuery['audience']>(
      'public',
      { organisationId: 'org-electrical-coop' },
      { organisationId: 'org-greening' },
    ),
    asOf: fc
      .tuple(fc.constantFrom(...EPOCHS), fc.integer({ min: -24, max: 24 * 10 }))
      .map(([epoch, hours]) => new Date(toMillis(epoch) + hours * 3_600_000).toISOString()),
  },
  { requiredKeys: [] },
);

describe('task board properties', () => {
  itKeepsTheReplayLaws(taskBoardProjection, {
    worlds: timelineWorlds,
    rebuildTitle: 'rebuilt from scratch equals applied in any batches, and its slots match a recount',
    rebuildRuns: 40,
    recount: check,
  });

  it('lists exactly the claimable tasks matching a query, by deadline then id', async () => {
    let listings = 0;
    await fc.assert(
      fc.asyncProperty(
        timelineArb,
        fc.array(queryArb, { minLength: 1, maxLength: 5 }),
        async (steps, queries) => {
          const { store } = await record(steps);
          const board = await expectRebuildEqualsIncremental(store, taskBoardProjection, [], 1000);
          // The unfiltered query first: it lists several tasks in most histories.
          for (const query of [{}, ...queries]) {
            const listed = openTasks(board, query);
            // A brute-force scan of every card ever published.
            const expected = Object.values(board.tasks).filter(
              (card) =>
                card.status === 'open' &&
                card.freeSlots > 0 &&
                (query.community === undefined || card.community === query.community) &&
                (query.unit === undefined || card.unit === query.unit) &&
                (query.audience === undefined ||
                  (query.audience === 'public'
                    ? card.audience.kind === 'public'
                    : card.audience.kind === 'directed' &&
                      card.audience.organisationId === query.audience.organisationId)) &&
                (query.asOf === undefined || toMillis(card.deadline) > toMillis(query.asOf)),
            );
            expect(listed.map((c) => c.taskId).sort()).toEqual(expected.map((c) => c.taskId).sort());
            if (listed.length > 1) listings += 1;
            for (let i = 1; i < listed.length; i++) {
              const [a, b] = [listed[i - 1]!, listed[i]!];
              const order = toMillis(a.deadline) - toMillis(b.deadline);
              expect(order < 0 || (order === 0 && a.taskId < b.taskId)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 30 },
    );
    // Guards the generator: queries that always came back empty would prove nothing about the order.
    expect(listings).toBeGreaterThan(0);
  });
});
