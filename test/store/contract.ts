/**
 * The event store contract: every adapter of the EventStore port must pass it. Written once, parameterised
 * by a factory, so the in-memory, PostgreSQL and EventStoreDB adapters are held to the same semantics.
 * Tests use fresh stream names, so a store shared between tests (one database) is fine.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH, type EventMetadata } from '../../src/domain/shared/events.js';
import type { ConcurrencyError } from '../../src/store/event-store.js';
import {
  isConcurrencyError,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type RecordedEvent,
} from '../../src/store/event-store.js';

/** Options of {@link eventStoreContract}. */
export interface ContractOptions {
  /** Runs of the concurrent-writers property; real servers want fewer. */
  readonly propertyRuns?: number;
}

const metadata = (i = 0): EventMetadata => ({
  eventId: randomUUID(),
  occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
  actor: { id: 'tester', role: 'administrator' },
  commandId: `cmd-${randomUUID()}`,
  correlationId: 'corr-1',
  causationId: 'cause-1',
  schemaVersion: 1,
  previousHash: GENESIS_HASH,
  hash: 'a'.repeat(64),
});

export const testEvent = (type: string, data: unknown, i = 0): EventToAppend => ({
  type,
  data,
  metadata: metadata(i),
});

export const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
};

const uniqueStream = (prefix = 'contract'): string => `${prefix}-${randomUUID().replaceAll('-', '')}`;

/** The position just past the current end of the log (found by reading it). */
const endOfLog = async (store: EventStore): Promise<bigint> => {
  let last = -1n;
  for await (const event of store.readAll()) last = event.position;
  return last + 1n;
};

const expectConflict = async (promise: Promise<unknown>, expected: ExpectedRevision, actual: string) => {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isConcurrencyError(error)).toBe(true);
  const conflict = error as ConcurrencyError;
  expect(conflict.code).toBe('concurrency-conflict');
  expect(String(conflict.expected)).toBe(String(expected));
  expect(String(conflict.actual)).toBe(actual);
};

/** Takes events from a subscription until `count` arrived (or fails after a timeout). */
const take = async (
  iterable: AsyncIterable<RecordedEvent>,
  count: number,
  timeoutMs = 10_000,
): Promise<RecordedEvent[]> => {
  const out: RecordedEvent[] = [];
  if (count === 0) return out;
  const iterator = iterable[Symbol.asyncIterator]();
  const deadline = Date.now() + timeoutMs;
  while (out.length < count) {
    const remaining = deadline - Date.now();
    let timer: NodeJS.Timeout | undefined;
    const next = await Promise.race([
      iterator.next(),
      new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), Math.max(0, remaining));
      }),
    ]);
    clearTimeout(timer);
    if (next === 'timeout') throw new Error(`subscription delivered ${out.length} of ${count} events`);
    if (next.done === true) break;
    out.push(next.value);
  }
  return out;
};

/** Registers the contract suite for one adapter. */
export const eventStoreContract = (
  name: string,
  factory: () => Promise<EventStore>,
  options: ContractOptions = {},
): void => {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    beforeAll(async () => {
      store = await factory();
    });
    afterAll(async () => {
      await store.close();
    });

    it('round-trips type, data and metadata with revisions from 0', async () => {
      const stream = uniqueStream();
      const events = [
        testEvent(
          'ProblemReported',
          { id: 'p1', nested: { list: [1, 'two', null, true] }, text: '井盖 丢失' },
          1,
        ),
        testEvent('ProblemTriaged', { tier: 'grid' }, 2),
      ];
      const result = await store.appendToStream(stream, events, { expectedRevision: 'no-stream' });
      expect(result.nextExpectedRevision).toBe(1n);
      const read = await collect(store.readStream(stream));
      expect(read.map((e) => e.revision)).toEqual([0n, 1n]);
      expect(read.map((e) => e.streamId)).toEqual([stream, stream]);
      expect(read.map(({ type, data, metadata }) => ({ type, data, metadata }))).toEqual(events);
      expect(read[1]?.position).toBe(result.position);
      expect(read[0]!.position < read[1]!.position).toBe(true);
    });

    it('reads a stream that does not exist as empty', async () => {
      expect(await collect(store.readStream(uniqueStream()))).toEqual([]);
    });

    it('reads a stream from a revision, at most maxCount events', async () => {
      const stream = uniqueStream();
      await store.appendToStream(
        stream,
        [0, 1, 2, 3, 4].map((i) => testEvent('E', { i }, i)),
      );
      const read = await collect(store.readStream(stream, { fromRevision: 2n, maxCount: 2 }));
      expect(read.map((e) => (e.data as { i: number }).i)).toEqual([2, 3]);
      expect(await collect(store.readStream(stream, { fromRevision: 5n }))).toEqual([]);
    });

    it("enforces 'no-stream'", async () => {
      const stream = uniqueStream();
      await store.appendToStream(stream, [testEvent('E', {})], { expectedRevision: 'no-stream' });
      await expectConflict(
        store.appendToStream(stream, [testEvent('E', {})], { expectedRevision: 'no-stream' }),
        'no-stream',
        '0',
      );
    });

    it("enforces 'stream-exists'", async () => {
      const stream = uniqueStream();
      await expectConflict(
        store.appendToStream(stream, [testEvent('E', {})], { expectedRevision: 'stream-exists' }),
        'stream-exists',
        'no-stream',
      );
      await store.appendToStream(stream, [testEvent('E', {})]);
      const result = await store.appendToStream(stream, [testEvent('E', {})], {
        expectedRevision: 'stream-exists',
      });
      expect(result.nextExpectedRevision).toBe(1n);
    });

    it('enforces an exact revision and appends nothing on a conflict', async () => {
      const stream = uniqueStream();
      await store.appendToStream(stream, [testEvent('E', { n: 0 }), testEvent('E', { n: 1 })]);
      await expectConflict(
        store.appendToStream(stream, [testEvent('E', { n: 'lost' })], { expectedRevision: 0n }),
        0n,
        '1',
      );
      await expectConflict(
        store.appendToStream(stream, [testEvent('E', { n: 'lost' })], { expectedRevision: 5n }),
        5n,
        '1',
      );
      await expectConflict(
        store.appendToStream(uniqueStream(), [testEvent('E', {})], { expectedRevision: 0n }),
        0n,
        'no-stream',
      );
      const ok = await store.appendToStream(stream, [testEvent('E', { n: 2 })], { expectedRevision: 1n });
      expect(ok.nextExpectedRevision).toBe(2n);
      const read = await collect(store.readStream(stream));
      expect(read.map((e) => (e.data as { n: unknown }).n)).toEqual([0, 1, 2]);
    });

    it('checks the expected revision of an empty append and answers with the stream as it stands', async () => {
      const stream = uniqueStream();
      expect(await store.appendToStream(stream, [], { expectedRevision: 'no-stream' })).toEqual({
        nextExpectedRevision: -1n,
        position: -1n,
      });
      await expectConflict(
        store.appendToStream(stream, [], { expectedRevision: 'stream-exists' }),
        'stream-exists',
        'no-stream',
      );
      const written = await store.appendToStream(stream, [testEvent('E', {}), testEvent('E', {})]);
      // The log moves on; the answer is still the revision and position of this stream's last event.
      await store.appendToStream(uniqueStream(), [testEvent('E', {})]);
      expect(await store.appendToStream(stream, [], { expectedRevision: 1n })).toEqual(written);
      expect(await store.appendToStream(stream, [])).toEqual(written);
      await expectConflict(store.appendToStream(stream, [], { expectedRevision: 0n }), 0n, '1');
      expect(await collect(store.readStream(stream))).toHaveLength(2);
    });

    it("appends with 'any' whatever the stream's state", async () => {
      const stream = uniqueStream();
      await store.appendToStream(stream, [testEvent('E', {})], { expectedRevision: 'any' });
      const result = await store.appendToStream(stream, [testEvent('E', {})], { expectedRevision: 'any' });
      expect(result.nextExpectedRevision).toBe(1n);
    });

    it('keeps global order equal to commit order, positions strictly increasing', async () => {
      const from = await endOfLog(store);
      const a = uniqueStream('order-a');
      const b = uniqueStream('order-b');
      const committed: string[] = [];
      for (let i = 0; i < 6; i++) {
        const stream = i % 2 === 0 ? a : b;
        const events = [testEvent('E', { i, k: 0 }), testEvent('E', { i, k: 1 })];
        await store.appendToStream(stream, events);
        committed.push(`${i}.0`, `${i}.1`);
      }
      const all = await collect(store.readAll({ fromPosition: from }));
      const ours = all.filter((e) => e.streamId === a || e.streamId === b);
      expect(ours.map((e) => `${(e.data as { i: number }).i}.${(e.data as { k: number }).k}`)).toEqual(
        committed,
      );
      for (let i = 1; i < all.length; i++) expect(all[i - 1]!.position < all[i]!.position).toBe(true);
    });

    it('reads all from a position inclusively, at most maxCount events', async () => {
      const stream = uniqueStream();
      await store.appendToStream(stream, [testEvent('E', { n: 0 }), testEvent('E', { n: 1 })]);
      const ours = (await collect(store.readAll())).filter((e) => e.streamId === stream);
      const second = ours[1]!;
      const fromSecond = await collect(store.readAll({ fromPosition: second.position, maxCount: 1 }));
      expect(fromSecond).toHaveLength(1);
      expect(fromSecond[0]?.position).toBe(second.position);
      expect(fromSecond[0]?.streamId).toBe(stream);
    });

    it('delivers history then live appends to a subscription, each once, in order', async () => {
      const from = await endOfLog(store);
      const stream = uniqueStream('sub');
      await store.appendToStream(stream, [testEvent('E', { n: 0 }), testEvent('E', { n: 1 })]);
      const subscription = store.subscribeToAll({ fromPosition: from, filter: { streamPrefixes: [stream] } });
      const received = take(subscription, 5);
      await store.appendToStream(stream, [testEvent('E', { n: 2 })]);
      await store.appendToStream(stream, [testEvent('E', { n: 3 }), testEvent('E', { n: 4 })]);
      const events = await received;
      await subscription.close();
      expect(events.map((e) => (e.data as { n: number }).n)).toEqual([0, 1, 2, 3, 4]);
    });

    it('delivers events appended while the subscription is catching up', async () => {
      const from = await endOfLog(store);
      const stream = uniqueStream('catchup');
      const history = 60;
      for (let i = 0; i < history; i += 20) {
        await store.appendToStream(
          stream,
          Array.from({ length: 20 }, (_, k) => testEvent('E', { n: i + k })),
        );
      }
      const subscription = store.subscribeToAll({ fromPosition: from, filter: { streamPrefixes: [stream] } });
      const received = take(subscription, history + 20);
      // Append while the subscriber works through the history.
      for (let i = history; i < history + 20; i++) {
        await store.appendToStream(stream, [testEvent('E', { n: i })]);
      }
      const events = await received;
      await subscription.close();
      expect(events.map((e) => (e.data as { n: number }).n)).toEqual(
        Array.from({ length: history + 20 }, (_, i) => i),
      );
    });

    it('filters a subscription by stream prefix and by event type', async () => {
      const from = await endOfLog(store);
      const wanted = uniqueStream('wanted');
      const other = uniqueStream('other');
      await store.appendToStream(other, [testEvent('A', { n: -1 })]);
      await store.appendToStream(wanted, [testEvent('A', { n: 0 }), testEvent('B', { n: 1 })]);
      await store.appendToStream(wanted, [testEvent('A', { n: 2 })]);
      const byPrefix = store.subscribeToAll({ fromPosition: from, filter: { streamPrefixes: [wanted] } });
      expect((await take(byPrefix, 3)).map((e) => (e.data as { n: number }).n)).toEqual([0, 1, 2]);
      await byPrefix.close();
      const byType = store.subscribeToAll({
        fromPosition: from,
        filter: { streamPrefixes: [wanted, other], eventTypes: ['A'] },
      });
      expect((await take(byType, 3)).map((e) => (e.data as { n: number }).n)).toEqual([-1, 0, 2]);
      await byType.close();
    });

    it('ends the iteration when a subscription is closed', async () => {
      const subscription = store.subscribeToAll({ filter: { streamPrefixes: [uniqueStream('none')] } });
      const iteration = collect(subscription);
      await subscription.close();
      await expect(iteration).resolves.toEqual([]);
    });

    it('gives exactly one winner per revision to concurrent writers, losing and duplicating nothing', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              appends: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
              yields: fc.array(fc.nat({ max: 4 }), { minLength: 8, maxLength: 8 }),
            }),
            { minLength: 2, maxLength: 4 },
          ),
          async (writers) => {
            const stream = uniqueStream('race');
            const winners = new Map<bigint, string>();
            const run = async (w: number) => {
              const { appends, yields } = writers[w]!;
              let step = 0;
              for (const [a, size] of appends.entries()) {
                const events = Array.from({ length: size }, (_, k) => testEvent('E', { w, a, k }));
                for (;;) {
                  let last = -1n;
                  for await (const e of store.readStream(stream)) last = e.revision;
                  // Let the other writers run between the read and the append.
                  for (let y = 0; y < yields[step++ % yields.length]!; y++) await Promise.resolve();
                  try {
                    const expectedRevision = last === -1n ? 'no-stream' : last;
                    const result = await store.appendToStream(stream, events, { expectedRevision });
                    const first = result.nextExpectedRevision - BigInt(size - 1);
                    expect(first).toBe(last + 1n);
                    for (let r = first; r <= result.nextExpectedRevision; r++) {
                      expect(winners.has(r)).toBe(false);
                      winners.set(r, `${w}.${a}`);
                    }
                    break;
                  } catch (error) {
                    if (!isConcurrencyError(error)) throw error;
                  }
                }
              }
            };
            await Promise.all(writers.map((_, w) => run(w)));
            const read = await collect(store.readStream(stream));
            const total = writers.reduce((n, w) => n + w.appends.reduce((x, y) => x + y, 0), 0);
            expect(read).toHaveLength(total);
            expect(read.map((e) => e.revision)).toEqual(read.map((_, i) => BigInt(i)));
            const ids = new Set(read.map((e) => e.metadata.eventId));
            expect(ids.size).toBe(total);
            for (const e of read) {
              const { w, a } = e.data as { w: number; a: number };
              expect(winners.get(e.revision)).toBe(`${w}.${a}`);
            }
            // Each writer's appends land whole and in its own order.
            writers.forEach((writer, w) => {
              const mine = read.filter((e) => (e.data as { w: number }).w === w).map((e) => e.data);
              const expected = writer.appends.flatMap((size, a) =>
                Array.from({ length: size }, (_, k) => ({ w, a, k })),
              );
              expect(mine).toEqual(expected);
            });
          },
        ),
        { numRuns: options.propertyRuns ?? 60 },
      );
    });
  });
};
