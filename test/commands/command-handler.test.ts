import { isLeft, isRight, type Either } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { eventHash } from '../../src/audit/hash-chain.js';
import { CommandHandler } from '../../src/commands/command-handler.js';
import { MessageCatalogue } from '../../src/domain/shared/catalogue.js';
import type { DomainError } from '../../src/domain/shared/errors.js';
import { GENESIS_HASH } from '../../src/domain/shared/events.js';
import { testContext } from '../../src/testing/context.js';
import { collect, testEvent } from '../store/contract.js';
import { counterAggregate, counterEventSchemas } from '../support/counter.js';
import { InstrumentedStore } from '../support/instrumented-store.js';

const counter = counterAggregate();
const open = (id = 'c1', limit = 100) => ({ type: 'OpenCounter', data: { counterId: id, limit } });
const inc = (id = 'c1', by = 1) => ({ type: 'Increment', data: { counterId: id, by } });

const ok = <T>(result: Either<DomainError, T>): T => {
  if (isLeft(result)) throw new Error(`expected Right, got ${result.left.code}: ${result.left.message}`);
  return result.right;
};
const err = <T>(result: Either<DomainError, T>): DomainError => {
  if (isRight(result)) throw new Error('expected Left');
  return result.left;
};

describe('CommandHandler', () => {
  it('rejects an invalid command with invalid-command and the zod issues, appending nothing', async () => {
    const store = new InstrumentedStore();
    const handler = new CommandHandler(store);
    const error = err(await handler.handle(counter, open('c1', -5), testContext()));
    expect(error.code).toBe('invalid-command');
    expect(Array.isArray(error.details)).toBe(true);
    expect(err(await handler.handle(counter, { type: 'Nope', data: {} }, testContext())).code).toBe(
      'invalid-command',
    );
    expect(err(await handler.handle(counter, open(), { actor: { id: 'x' } })).code).toBe('invalid-command');
    expect(store.appends).toBe(0);
  });

  it('returns a rejection as Left and appends nothing', async () => {
    const store = new InstrumentedStore();
    const handler = new CommandHandler(store);
    expect(err(await handler.handle(counter, inc(), testContext())).code).toBe('not-found');
    expect(store.appends).toBe(0);
  });

  it('appends the decision with full metadata and a hash chain', async () => {
    const store = new InstrumentedStore();
    const handler = new CommandHandler(store);
    const ctx = testContext({ actor: { id: 'staff-7', role: 'community-staff' }, correlationId: 'corr-9' });
    const first = ok(await handler.handle(counter, open(), ctx));
    ok(await handler.handle(counter, inc('c1', 2), testContext()));
    expect(first.events).toHaveLength(1);
    expect(first.revision).toBe(0n);
    const [e0, e1] = await collect(store.readStream('counter-c1'));
    expect(e0?.metadata).toMatchObject({
      occurredAt: ctx.now,
      actor: { id: 'staff-7', role: 'community-staff' },
      commandId: ctx.commandId,
      correlationId: 'corr-9',
      causationId: ctx.commandId,
      schemaVersion: 1,
      previousHash: GENESIS_HASH,
    });
    expect(e1?.metadata.previousHash).toBe(e0?.metadata.hash);
    for (const e of [e0!, e1!]) {
      const { hash, ...rest } = e.metadata;
      expect(
        eventHash({ streamId: e.streamId, revision: e.revision, type: e.type, data: e.data, metadata: rest }),
      ).toBe(hash);
    }
  });

  it('is idempotent: a command re-sent with the same commandId appends nothing and returns the first result', async () => {
    const store = new InstrumentedStore();
    const handler = new CommandHandler(store);
    ok(await handler.handle(counter, open(), testContext()));
    const ctx = testContext();
    const first = ok(await handler.handle(counter, inc('c1', 3), ctx));
    const again = ok(await handler.handle(counter, inc('c1', 3), ctx));
    expect(again.duplicate).toBe(true);
    expect(again.events).toEqual(first.events);
    // A fresh handler (another process) recognises the command id from the history itself.
    const other = ok(await new CommandHandler(store).handle(counter, inc('c1', 3), ctx));
    expect(other.duplicate).toBe(true);
    expect(other.events.map((e) => e.metadata.eventId)).toEqual(first.events.map((e) => e.metadata.eventId));
    expect(await collect(store.readStream('counter-c1'))).toHaveLength(2);
  });

  it('reloads and decides again after a concurrency conflict', async () => {
    const store = new InstrumentedStore();
    const handler = new CommandHandler(store);
    const rival = new CommandHandler(store);
    ok(await handler.handle(counter, open('c1', 5), testContext()));
    store.beforeNextAppend = async () => {
      ok(await rival.handle(counter, inc('c1', 4), testContext()));
    };
    // Decided on value 0, conflicts with the rival's +4, decided again on value 4: +1 still fits.
    const result = ok(await handler.handle(counter, inc('c1', 1), testContext()));
    expect(result.revision).toBe(2n);
    // Here the retry changes the answer: the rival fills the counter, and the re-decision must refuse.
    ok(await handler.handle(counter, open('c2', 5), testContext()));
    store.beforeNextAppend = async () => {
      ok(await rival.handle(counter, inc('c2', 5), testContext()));
    };
    expect(err(await handler.handle(counter, inc('c2', 1), testContext())).code).toBe('limit-exceeded');
    expect((await collect(store.readStream('counter-c2'))).map((e) => e.type)).toEqual([
      'CounterOpened',
      'CounterIncremented',
    ]);
  });

  it('gives up with concurrency-conflict after the configured number of retries', async () => {
    const store = new InstrumentedStore();
    const handler = new CommandHandler(store, { maxRetries: 2 });
    const rival = new CommandHandler(store);
    ok(await handler.handle(counter, open('c1', 100), testContext()));
    let rivalWrites = 0;
    const interfere = async () => {
      rivalWrites += 1;
      ok(await rival.handle(counter, inc('c1', 1), testContext()));
      store.beforeNextAppend = rivalWrites < 10 ? interfere : undefined;
    };
    store.beforeNextAppend = interfere;
    const error = err(await handler.handle(counter, inc('c1', 1), testContext()));
    expect(error.code).toBe('concurrency-conflict');
    // One first try and two retries, each beaten by the rival.
    expect(rivalWrites).toBe(3);
  });

  it('reads only the events it has not folded yet: command cost does not grow with history', async () => {
    const store = new InstrumentedStore();
    const handler = new CommandHandler(store);
    ok(await handler.handle(counter, open('c1', 1_000_000), testContext()));
    for (let i = 0; i < 500; i++) ok(await handler.handle(counter, inc(), testContext()));
    // Everything this handler appended it folded itself: nothing had to be read back.
    expect(store.eventsRead).toBe(0);
    // Another process appends; this handler reads just that one event.
    ok(await new CommandHandler(store).handle(counter, inc(), testContext()));
    store.eventsRead = 0;
    ok(await handler.handle(counter, inc(), testContext()));
    expect(store.eventsRead).toBe(1);
    // A cold handler folds the history once, then never again.
    const cold = new CommandHandler(store);
    store.eventsRead = 0;
    ok(await cold.handle(counter, inc(), testContext()));
    expect(store.eventsRead).toBe(503);
    store.eventsRead = 0;
    ok(await cold.handle(counter, inc(), testContext()));
    expect(store.eventsRead).toBe(0);
  });

  it('refolds a stream after its cache entry was evicted', async () => {
    const store = new InstrumentedStore();
    const handler = new CommandHandler(store, { cacheSize: 1 });
    ok(await handler.handle(counter, open('a', 10), testContext()));
    ok(await handler.handle(counter, open('b', 10), testContext()));
    store.eventsRead = 0;
    ok(await handler.handle(counter, inc('a', 10), testContext()));
    expect(store.eventsRead).toBe(1);
    expect(err(await handler.handle(counter, inc('a', 1), testContext())).code).toBe('limit-exceeded');
  });

  it('serialises concurrent commands of one process on one stream instead of failing them', async () => {
    const store = new InstrumentedStore();
    const handler = new CommandHandler(store, { maxRetries: 0 });
    ok(await handler.handle(counter, open('c1', 1000), testContext()));
    const results = await Promise.all(
      Array.from({ length: 50 }, () => handler.handle(counter, inc(), testContext())),
    );
    expect(results.every(isRight)).toBe(true);
    expect(await collect(store.readStream('counter-c1'))).toHaveLength(51);
  });

  it('returns invalid-event, not a crash, when a stored event fails its schema', async () => {
    const store = new InstrumentedStore();
    await store.inner.appendToStream('counter-c1', [
      testEvent('CounterOpened', { counterId: 'c1', limit: 'lots' }),
    ]);
    const error = err(await new CommandHandler(store).handle(counter, inc(), testContext()));
    expect(error.code).toBe('invalid-event');
    expect(error.message).toContain('counter-c1@0');
  });

  it('replays a history written by an older schema version through the upcasters', async () => {
    const store = new InstrumentedStore();
    // Version 1 of CounterOpened called the limit `max`; version 2 (current here) calls it `limit`.
    const old = testEvent('CounterOpened', { counterId: 'c1', max: 2 });
    await store.inner.appendToStream('counter-c1', [old]);
    const v2 = new MessageCatalogue(counterEventSchemas, { CounterOpened: 2 }).registerUpcaster({
      type: 'CounterOpened',
      fromVersion: 1,
      upcast: (data) => {
        const { max, ...rest } = data as { max: number };
        return { ...rest, limit: max };
      },
    });
    const upcasting = counterAggregate(v2);
    const handler = new CommandHandler(store);
    ok(await handler.handle(upcasting, inc('c1', 2), testContext()));
    expect(err(await handler.handle(upcasting, inc('c1', 1), testContext())).code).toBe('limit-exceeded');
    const [, appended] = await collect(store.readStream('counter-c1'));
    expect(appended?.metadata.schemaVersion).toBe(1);
    // Without the upcaster the old event does not pass the schema.
    const strict = counterAggregate(new MessageCatalogue(counterEventSchemas, { CounterOpened: 2 }));
    expect(err(await new CommandHandler(store).handle(strict, inc(), testContext())).code).toBe(
      'invalid-event',
    );
  });
});
