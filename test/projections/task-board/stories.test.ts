/** The task board as Longtanzi's "云号手" list shows it: public and directed tasks, slots, deadlines. */
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createGovernance, type Governance } from '../../../src/commands/governance.js';
import type { LinliCommandInput } from '../../../src/domain/linli.js';
import type { CommandContextInput } from '../../../src/domain/shared/context.js';
import { ProjectionRunner } from '../../../src/projections/runner.js';
import { openTasks, taskBoardProjection, taskCard } from '../../../src/projections/task-board/index.js';
import { recordOrganisations } from '../../../src/testing/organisations.js';
import { recordDirectory } from '../../../src/testing/directory.js';
import { parseLinli } from '../support/replay.js';

type Actor = CommandContextInput['actor'];
const staff: Actor = { id: 'staff-1', role: 'community-staff', scope: ['longtanzi'] };
const resident = (id: string, organisations: string[] = []): Actor => ({
  id,
  role: 'resident',
  organisations,
});
const electrician = resident('res-electrician', ['org-electrical-coop']);

let n = 0;
const ok = async (governance: Governance, command: LinliCommandInput, actor: Actor, now: string) => {
  const result = await governance.execute(command, { actor, now, commandId: `cmd-${++n}` });
  if (isLeft(result)) throw new Error(`${result.left.code}: ${result.left.message}`);
};

const board = async (governance: Governance) => {
  const runner = new ProjectionRunner(governance.store, taskBoardProjection, { parse: parseLinli });
  const rebuilt = await runner.rebuild();
  if (isLeft(rebuilt)) throw new Error(rebuilt.left.message);
  return rebuilt.right;
};

const ids = (cards: readonly { taskId: string }[]) => cards.map((card) => card.taskId);

/** A facade whose directory records Longtanzi and its grid g3, where the month's tasks are published. */
const inLongtanzi = async (): Promise<Governance> => {
  const governance = createGovernance();
  await recordDirectory(governance, [{ street: 'wuhou', community: 'longtanzi', grids: ['longtanzi.g3'] }]);
  await recordOrganisations(governance, [
    {
      organisationId: 'org-electrical-coop',
      kind: 'enterprise',
      community: 'longtanzi',
      members: { 'res-electrician': 'member' },
    },
  ]);
  return governance;
};

/** The first of the month's list: two public tasks, one directed to the electrical co-operative. */
const publishMonthlyList = async (governance: Governance) => {
  const now = '2026-05-01T09:00:00+08:00';
  const publish = (data: Extract<LinliCommandInput, { type: 'PublishTask' }>['data']) =>
    ok(governance, { type: 'PublishTask', data }, staff, now);
  await publish({
    taskId: 'bulb-3',
    community: 'longtanzi',
    unit: 'longtanzi.g3',
    title: 'Replace the stairwell light bulb',
    difficulty: 'easy',
    slots: 2,
    deadline: '2026-05-10T18:00:00+08:00',
  });
  await publish({
    taskId: 'adverts-1',
    community: 'longtanzi',
    title: 'Remove illegal adverts from the lane',
    difficulty: 'medium',
    deadline: '2026-05-10T18:00:00+08:00',
  });
  await publish({
    taskId: 'wiring-9',
    community: 'longtanzi',
    unit: 'longtanzi.g3',
    title: 'Electrical equipment maintenance',
    difficulty: 'hard',
    audience: { kind: 'directed', organisationId: 'org-electrical-coop' },
    deadline: '2026-05-08T18:00:00+08:00',
  });
};

describe('task board stories', () => {
  it("lists the month's open tasks by deadline, public and directed, per unit", async () => {
    const governance = await inLongtanzi();
    await publishMonthlyList(governance);
    const state = await board(governance);
    // Deadline first (the directed task is due two days earlier), then task id on equal deadlines.
    expect(ids(openTasks(state, { community: 'longtanzi' }))).toEqual(['wiring-9', 'adverts-1', 'bulb-3']);
    expect(ids(openTasks(state, { community: 'longtanzi', audience: 'public' }))).toEqual([
      'adverts-1',
      'bulb-3',
    ]);
    expect(ids(openTasks(state, { audience: { organisationId: 'org-electrical-coop' } }))).toEqual([
      'wiring-9',
    ]);
    expect(ids(openTasks(state, { audience: { organisationId: 'org-greening' } }))).toEqual([]);
    expect(ids(openTasks(state, { unit: 'longtanzi.g3' }))).toEqual(['wiring-9', 'bulb-3']);
    expect(ids(openTasks(state, { community: 'bairuijing' }))).toEqual([]);
    expect(taskCard(state, 'bulb-3')).toMatchObject({ status: 'open', slots: 2, freeSlots: 2, points: 5 });
  });

  it('hides a task whose slots are all claimed, and shows it again when a claim is released', async () => {
    const governance = await inLongtanzi();
    await publishMonthlyList(governance);
    await ok(
      governance,
      { type: 'ClaimTask', data: { taskId: 'bulb-3' } },
      resident('res-1'),
      '2026-05-02T10:00:00+08:00',
    );
    expect(taskCard(await board(governance), 'bulb-3')).toMatchObject({ freeSlots: 1, activeClaims: 1 });
    await ok(
      governance,
      { type: 'ClaimTask', data: { taskId: 'bulb-3' } },
      resident('res-2'),
      '2026-05-02T11:00:00+08:00',
    );
    let state = await board(governance);
    expect(taskCard(state, 'bulb-3')).toMatchObject({ status: 'full', freeSlots: 0, activeClaims: 2 });
    expect(ids(openTasks(state, { community: 'longtanzi' }))).toEqual(['wiring-9', 'adverts-1']);

    await ok(
      governance,
      { type: 'ReleaseClaim', data: { taskId: 'bulb-3' } },
      resident('res-2'),
      '2026-05-03T09:00:00+08:00',
    );
    state = await board(governance);
    expect(taskCard(state, 'bulb-3')).toMatchObject({
      status: 'open',
      freeSlots: 1,
      claims: { 'res-1': 'claimed' },
    });
    expect(ids(openTasks(state, { community: 'longtanzi' }))).toEqual(['wiring-9', 'adverts-1', 'bulb-3']);
  });

  it('drops tasks past their deadline at asOf, before anyone records the expiry', async () => {
    const governance = await inLongtanzi();
    await publishMonthlyList(governance);
    const state = await board(governance);
    expect(ids(openTasks(state, { asOf: '2026-05-08T17:59:59+08:00' }))).toEqual([
      'wiring-9',
      'adverts-1',
      'bulb-3',
    ]);
    // At the deadline itself a claim is refused, so the task is no longer listed.
    expect(ids(openTasks(state, { asOf: '2026-05-08T18:00:00+08:00' }))).toEqual(['adverts-1', 'bulb-3']);
    expect(ids(openTasks(state, { asOf: '2026-05-11T00:00:00+08:00' }))).toEqual([]);
    expect(() => openTasks(state, { asOf: 'next Tuesday' })).toThrow(RangeError);

    await ok(
      governance,
      { type: 'ExpireTask', data: { taskId: 'wiring-9' } },
      { id: 'scheduler', role: 'system' },
      '2026-05-08T18:00:00+08:00',
    );
    expect(taskCard(await board(governance), 'wiring-9')).toMatchObject({ status: 'expired', freeSlots: 0 });
  });

  it('marks a task completed once every slot is verified, and a cancelled one as cancelled', async () => {
    const governance = await inLongtanzi();
    await publishMonthlyList(governance);
    const proof = [{ kind: 'photo' as const, ref: 'media:wiring.jpg' }];
    await ok(
      governance,
      { type: 'ClaimTask', data: { taskId: 'wiring-9' } },
      electrician,
      '2026-05-02T10:00:00+08:00',
    );
    await ok(
      governance,
      { type: 'SubmitProof', data: { taskId: 'wiring-9', proof } },
      electrician,
      '2026-05-03T10:00:00+08:00',
    );
    await ok(
      governance,
      { type: 'VerifyTask', data: { taskId: 'wiring-9', residentId: 'res-electrician' } },
      staff,
      '2026-05-03T15:00:00+08:00',
    );
    await ok(
      governance,
      { type: 'CancelTask', data: { taskId: 'adverts-1', reason: 'the problem was solved another way' } },
      staff,
      '2026-05-04T09:00:00+08:00',
    );
    const state = await board(governance);
    expect(taskCard(state, 'wiring-9')).toMatchObject({
      status: 'completed',
      verifiedClaims: 1,
      freeSlots: 0,
    });
    expect(taskCard(state, 'adverts-1')).toMatchObject({ status: 'cancelled', freeSlots: 0 });
    expect(ids(openTasks(state))).toEqual(['bulb-3']);
    // Closed tasks leave the live index: listing never walks the board's history.
    expect(Object.keys(state.live['longtanzi']!)).toEqual(['bulb-3']);
  });
});
