/**
 * Issue 20, item 4: 50 residents claim one task at once, each through a command handler of their own (its own
 * cache, as separate processes would have) over one store. With the backoff defaults every claim must land,
 * and no slot may be sold twice. Run on each store by its own test file (the PostgreSQL one lives in
 * test/store/ so that the shared server starts for it).
 */
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { CommandHandler, type CommandHandlerOptions } from '../../src/commands/command-handler.js';
import { taskAggregate } from '../../src/domain/task/index.js';
import {
  isConcurrencyError,
  type AppendOptions,
  type EventStore,
  type EventToAppend,
} from '../../src/store/event-store.js';
import { collect } from '../store/contract.js';
import { claimRushTask, publishRushTask, rushResident } from '../support/claim-rush.js';

/** Claimants in each rush. */
export const CLAIMANTS = 50;

/** Counts the appends a store refused with a concurrency error: proof that the claims really collided. */
const countingConflicts = (store: EventStore): EventStore & { conflicts: number } => {
  const counted = Object.assign(Object.create(store) as EventStore, { conflicts: 0 });
  counted.appendToStream = async (
    streamId: string,
    events: readonly EventToAppend[],
    options?: AppendOptions,
  ) => {
    try {
      return await store.appendToStream(streamId, events, options);
    } catch (error) {
      if (isConcurrencyError(error)) counted.conflicts += 1;
      throw error;
    }
  };
  return counted;
};

/** Publishes a task with `slots` slots, then lets every claimant claim it at once from a handler of its own. */
export const rush = async (
  store: EventStore,
  taskId: string,
  slots: number,
  options: CommandHandlerOptions = {},
) => {
  const publish = publishRushTask(taskId, slots);
  const published = await new CommandHandler(store).handle(taskAggregate, publish.command, publish.context);
  expect(isRight(published)).toBe(true);
  const handlers = Array.from({ length: CLAIMANTS }, () => new CommandHandler(store, options));
  const results = await Promise.all(
    handlers.map((handler, i) => {
      const { command, context } = claimRushTask(taskId, i);
      return handler.handle(taskAggregate, command, context);
    }),
  );
  const history = await collect(store.readStream(`task-${taskId}`));
  const claimed = history.filter((event) => event.type === 'TaskClaimed');
  return {
    results,
    failures: results.flatMap((result) => (isLeft(result) ? [result.left.code] : [])),
    claimants: claimed.map((event) => (event.data as { residentId: string }).residentId),
    revisions: history.map((event) => event.revision),
  };
};

const everyone = Array.from({ length: CLAIMANTS }, (_, i) => rushResident(i)).sort();

/** The contention tests on the stores `open` makes (one per test, closed after the file). */
export const contention = (name: string, open: () => Promise<EventStore>) => {
  describe(`50 claimants on one task, 50 handlers (${name})`, () => {
    const stores: EventStore[] = [];
    const store = async () => {
      const opened = countingConflicts(await open());
      stores.push(opened);
      return opened;
    };
    afterAll(async () => {
      await Promise.all(stores.map((opened) => opened.close()));
    });

    it('lands every claim of a 50-slot task with the default backoff, each exactly once', async () => {
      const opened = await store();
      const outcome = await rush(opened, 'rush-50', CLAIMANTS);
      expect(outcome.failures).toEqual([]);
      expect([...outcome.claimants].sort()).toEqual(everyone);
      expect(outcome.revisions).toEqual(Array.from({ length: CLAIMANTS + 1 }, (_, i) => BigInt(i)));
      // The claims did collide: the retries, not luck, landed them.
      expect(opened.conflicts).toBeGreaterThan(0);
    });

    it('sells no slot twice: 50 claimants on 40 slots give 40 claims and 10 limit-exceeded', async () => {
      const opened = await store();
      const outcome = await rush(opened, 'rush-40', 40);
      expect(outcome.claimants).toHaveLength(40);
      expect(new Set(outcome.claimants).size).toBe(40);
      expect(outcome.failures).toEqual(Array.from({ length: 10 }, () => 'limit-exceeded'));
    });
  });
};
