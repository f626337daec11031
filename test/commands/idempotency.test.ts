/**
 * The command id as an idempotency key: a true retry answers the first result, the same key with another
 * command is refused with `idempotency-conflict`, on a warm handler and on a fresh one over the same store.
 */
import fc from 'fast-check';
import { isLeft, isRight, type Either } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { CommandHandler, type CommandResult } from '../../src/commands/command-handler.js';
import type { DomainError } from '../../src/domain/shared/errors.js';
import { GENESIS_HASH } from '../../src/domain/shared/events.js';
import { InMemoryEventStore } from '../../src/store/memory.js';
import { testContext } from '../../src/testing/context.js';
import { collect } from '../store/contract.js';
import { counterAggregate } from '../support/counter.js';

const counter = counterAggregate();
const open = (id = 'c1', limit = 100) => ({ type: 'OpenCounter', data: { counterId: id, limit } });
const inc = (id = 'c1', by?: number) => ({
  type: 'Increment',
  data: by === undefined ? { counterId: id } : { counterId: id, by },
});
const admin = { id: 'admin-1', role: 'administrator', scope: ['*'] } as const;
const other = { id: 'admin-2', role: 'administrator', scope: ['*'] } as const;

const ok = <T>(result: Either<DomainError, T>): T => {
  if (isLeft(result)) throw new Error(`expected Right, got ${result.left.code}: ${result.left.message}`);
  return result.right;
};
const codeOf = <T>(result: Either<DomainError, T>): string | undefined =>
  isLeft(result) ? result.left.code : undefined;

describe('the command id as an idempotency key', () => {
  it('answers a true retry with the first result and refuses the key reused for another command', async () => {
    const store = new InMemoryEventStore();
    const handler = new CommandHandler(store);
    ok(await handler.handle(counter, open(), testContext({ commandId: 'k-open' })));
    const ctx = testContext({ commandId: 'k1' });
    const first = ok(await handler.handle(counter, inc('c1', 3), ctx));
    expect(first.events[0]?.metadata.commandDigest).toMatch(/^[0-9a-f]{64}$/);

    const retry = ok(await handler.handle(counter, inc('c1', 3), { ...ctx, now: '2026-03-02T08:00:00Z' }));
    expect(retry).toEqual({ ...first, duplicate: true });

    const reused = await handler.handle(counter, inc('c1', 4), ctx);
    expect(isLeft(reused) && reused.left).toMatchObject({
      code: 'idempotency-conflict',
      details: { streamId: 'counter-c1', commandId: 'k1' },
    });
    // The same payload sent by someone else under the same key is someone else's command.
    expect(codeOf(await handler.handle(counter, inc('c1', 3), { ...ctx, actor: other }))).toBe(
      'idempotency-conflict',
    );
    expect((await collect(store.readAll())).map((e) => e.type)).toEqual([
      'CounterOpened',
      'CounterIncremented',
    ]);
  });

  it('compares commands as parsed: a field left to its default is the same command', async () => {
    const handler = new CommandHandler(new InMemoryEventStore());
    ok(await handler.handle(counter, open(), testContext()));
    const ctx = testContext({ commandId: 'k-default' });
    ok(await handler.handle(counter, inc('c1'), ctx));
    expect(ok(await handler.handle(counter, inc('c1', 1), ctx)).duplicate).toBe(true);
  });

  it('tells a retry from a reused key after a restart, from the history alone', async () => {
    const store = new InMemoryEventStore();
    ok(await new CommandHandler(store).handle(counter, open(), testContext()));
    const ctx = testContext({ commandId: 'k-restart' });
    const first = ok(await new CommandHandler(store).handle(counter, inc('c1', 2), ctx));
    const fresh = new CommandHandler(store);
    expect(codeOf(await fresh.handle(counter, inc('c1', 5), ctx))).toBe('idempotency-conflict');
    const retry = ok(await new CommandHandler(store).handle(counter, inc('c1', 2), ctx));
    expect(retry.duplicate).toBe(true);
    expect(retry.events).toEqual(first.events);
    expect(await collect(store.readStream('counter-c1'))).toHaveLength(2);
  });

  it('scopes the key to the stream: the same id on another stream is another command', async () => {
    const store = new InMemoryEventStore();
    const handler = new CommandHandler(store);
    const ctx = testContext({ commandId: 'k-shared' });
    ok(await handler.handle(counter, open('c1'), ctx));
    const second = ok(await handler.handle(counter, open('c2'), ctx));
    expect(second.duplicate).toBe(false);
    expect(second.events.map((e) => e.streamId)).toEqual(['counter-c2']);
  });

  it('takes events recorded before digests existed as matching: their retries still answer', async () => {
    const store = new InMemoryEventStore();
    // An event as an older linli wrote it: no commandDigest in its metadata.
    await store.appendToStream(
      'counter-c1',
      [
        {
          type: 'CounterOpened',
          data: { counterId: 'c1', limit: 10 },
          metadata: {
            eventId: 'old-1',
            occurredAt: '2025-01-01T00:00:00.000Z',
            actor: { id: 'admin-1', role: 'administrator' },
            commandId: 'k-old',
            correlationId: 'k-old',
            causationId: 'k-old',
            schemaVersion: 1,
            previousHash: GENESIS_HASH,
            hash: 'a'.repeat(64),
          },
        },
      ],
      { expectedRevision: 'no-stream' },
    );
    const retry = ok(
      await new CommandHandler(store).handle(counter, open('c1', 10), testContext({ commandId: 'k-old' })),
    );
    expect(retry.duplicate).toBe(true);
    expect(retry.events.map((e) => e.metadata.eventId)).toEqual(['old-1']);
  });

  it('leaves the key of a command that decided nothing or was refused free: nothing recorded it', async () => {
    const handler = new CommandHandler(new InMemoryEventStore());
    ok(await handler.handle(counter, open('c1', 1), testContext()));
    const ctx = testContext({ commandId: 'k-refused' });
    expect(codeOf(await handler.handle(counter, inc('c1', 2), ctx))).toBe('limit-exceeded');
    const next = ok(await handler.handle(counter, inc('c1', 1), ctx));
    expect(next.duplicate).toBe(false);
    expect(next.events).toHaveLength(1);
  });

  it('refuses anything that is not a command or a context with invalid-command, never throwing', async () => {
    const store = new InMemoryEventStore();
    const handler = new CommandHandler(store);
    for (const bad of [null, undefined, 42, 'OpenCounter', [], true]) {
      expect(codeOf(await handler.handle(counter, bad, testContext()))).toBe('invalid-command');
      expect(codeOf(await handler.handle(counter, open(), bad))).toBe('invalid-command');
    }
    expect(await collect(store.readAll())).toEqual([]);
  });
});

/**
 * One step of the property below: a command under one of a few keys, the same as an earlier step (`pick`
 * counts back among the earlier commands), or a restart of the handler.
 */
type Step =
  | { readonly kind: 'restart' }
  | { readonly kind: 'repeat'; readonly pick: number }
  | {
      readonly kind: 'send';
      readonly key: string;
      readonly counterId: string;
      readonly type: 'OpenCounter' | 'Increment';
      readonly amount: number | undefined;
      readonly actor: 0 | 1;
    };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' } as const) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('repeat' as const), pick: fc.nat() }) },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('send' as const),
      key: fc.constantFrom('k1', 'k2', 'k3', 'k4'),
      counterId: fc.constantFrom('c1', 'c2'),
      type: fc.constantFrom('OpenCounter' as const, 'Increment' as const),
      amount: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
      actor: fc.constantFrom(0 as const, 1 as const),
    }),
  },
);

/** What identifies a step's command as parsed: the increment's default applied, the limit required. */
const payloadOf = (step: Extract<Step, { kind: 'send' }>): string =>
  JSON.stringify([step.type, step.counterId, step.amount ?? (step.type === 'Increment' ? 1 : 5), step.actor]);

describe('the command id as an idempotency key, for any sequence of commands with reused keys', () => {
  it('refuses every reuse with another payload and answers every true retry with the first result', async () => {
    const seen = { retries: 0, conflicts: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { maxLength: 30 }), async (steps) => {
        const store = new InMemoryEventStore();
        let handler = new CommandHandler(store);
        // What each key recorded on each stream: the payload and the first result.
        const recorded = new Map<string, { payload: string; result: CommandResult<unknown> }>();
        const sent: Extract<Step, { kind: 'send' }>[] = [];
        for (const [i, next] of steps.entries()) {
          if (next.kind === 'restart') {
            handler = new CommandHandler(store);
            continue;
          }
          const step = next.kind === 'send' ? next : sent[sent.length - 1 - (next.pick % sent.length)];
          if (step === undefined) continue;
          sent.push(step);
          const command =
            step.type === 'OpenCounter'
              ? open(step.counterId, step.amount ?? 5)
              : inc(step.counterId, step.amount);
          const context = testContext({ commandId: step.key, actor: step.actor === 0 ? admin : other });
          const before = (await collect(store.readAll())).length;
          const result = await handler.handle(counter, command, {
            ...context,
            now: `2026-03-01T08:00:${String(i).padStart(2, '0')}Z`,
          });
          const earlier = recorded.get(`counter-${step.counterId}/${step.key}`);
          if (earlier !== undefined && earlier.payload === payloadOf(step)) {
            seen.retries += 1;
            expect(ok(result)).toEqual({ ...earlier.result, duplicate: true });
          } else if (earlier !== undefined) {
            seen.conflicts += 1;
            expect(codeOf(result)).toBe('idempotency-conflict');
          } else {
            expect(codeOf(result)).not.toBe('idempotency-conflict');
            if (isRight(result) && result.right.events.length > 0) {
              expect(result.right.duplicate).toBe(false);
              const key = `counter-${step.counterId}/${step.key}`;
              recorded.set(key, { payload: payloadOf(step), result: result.right });
            }
          }
          if (earlier !== undefined) expect(await collect(store.readAll())).toHaveLength(before);
        }
      }),
      { numRuns: 200 },
    );
    // The generator reaches both kinds of reuse, often.
    expect(seen.retries).toBeGreaterThan(50);
    expect(seen.conflicts).toBeGreaterThan(50);
  });
});
