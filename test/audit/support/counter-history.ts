/** Small histories of the kernel's test counter aggregate, for the audit's generic (domain-free) parts. */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { AuditRules } from '../../../src/audit/auditor.js';
import { CommandHandler } from '../../../src/commands/command-handler.js';
import { InMemoryEventStore } from '../../../src/store/memory.js';
import { testContext } from '../../../src/testing/context.js';
import { counterAggregate } from '../../support/counter.js';

/** Audit rules for counter histories: the counter catalogue, no domain checks. */
export const counterRules: AuditRules = {
  catalogues: [{ prefix: 'counter-', events: counterAggregate().events }],
  checks: () => [],
};

/**
 * Opens `counters` counters and increments them round-robin, `increments` times in all, so that streams
 * interleave. Counter ids may hold any text (a multi-byte one tests the line splitter).
 */
export const buildCounterHistory = async (
  counterIds: readonly string[],
  increments: number,
): Promise<InMemoryEventStore> => {
  const store = new InMemoryEventStore();
  const handler = new CommandHandler(store);
  const aggregate = counterAggregate();
  const run = async (type: string, data: Record<string, unknown>): Promise<void> => {
    const result = await handler.handle(aggregate, { type, data }, testContext());
    if (isLeft(result)) throw new Error(`${type}: ${result.left.message}`);
  };
  for (const counterId of counterIds) await run('OpenCounter', { counterId, limit: 1_000_000 });
  for (let i = 0; i < increments; i++) {
    await run('Increment', { counterId: counterIds[i % counterIds.length]!, by: 1 + (i % 3) });
  }
  return store;
};
