/**
 * EventStoreDB adapter behaviour beyond the shared contract, through the real `@eventstore/db-client`: always
 * against the protocol-level STAND-IN server (test/support/esdb-stand-in), NOT a real EventStoreDB, and also
 * against a real server when ESDB_CONNECTION_STRING is set.
 */
import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deterministicEventId } from '../../src/audit/hash-chain.js';
import { isConcurrencyError, type EventToAppend, type RecordedEvent } from '../../src/store/event-store.js';
import type { EsdbClientLike, EsdbFilter } from '../../src/store/eventstoredb/client-like.js';
import {
  EventStoreDbCheckpointStore,
  checkpointStream,
} from '../../src/store/eventstoredb/checkpoint-store.js';
import { PositionUnavailableError } from '../../src/store/eventstoredb/errors.js';
import { esdbEventId } from '../../src/store/eventstoredb/event-ids.js';
import { EventStoreDbEventStore } from '../../src/store/eventstoredb/event-store.js';
import { eventStoreDbStore } from '../../src/store/eventstoredb/factory.js';
import { boundaryOf, namesAnEvent, toPortPosition } from '../../src/store/eventstoredb/positions.js';
import { startEsdbStandIn } from '../support/esdb-stand-in/server.js';
import { collect, testEvent } from './contract.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ns = (e: RecordedEvent) => (e.data as { n: number }).n;
const withEventId = (event: EventToAppend, eventId: string): EventToAppend => ({
  ...event,
  metadata: { ...event.metadata, eventId },
});

/** Takes `count` events from a subscription, then closes it. */
const takeAndClose = async (
  subscription: AsyncIterable<RecordedEvent> & { close(): Promise<void> },
  count: number,
): Promise<RecordedEvent[]> => {
  const out: RecordedEvent[] = [];
  for await (const event of subscription) {
    out.push(event);
    if (out.length === count) break;
  }
  await subscription.close();
  return out;
};

describe('EventStoreDB adapter: position mapping (pure)', () => {
  it('gives each commit position an even port position, strictly increasing with the commit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 2n ** 62n }), fc.bigInt({ min: 1n, max: 2n ** 62n }), (a, b) => {
        expect(toPortPosition(a) < toPortPosition(b)).toBe(a < b);
        expect(namesAnEvent(toPortPosition(a))).toBe(true);
        expect(namesAnEvent(toPortPosition(a) + 1n)).toBe(false);
      }),
    );
  });

  it('decodes both an event position and the gap after it to that event record', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 2n ** 62n }), (commit) => {
        expect(boundaryOf(toPortPosition(commit))).toEqual({ commit, prepare: commit });
        expect(boundaryOf(toPortPosition(commit) + 1n)).toEqual({ commit, prepare: commit });
      }),
    );
    expect(boundaryOf(0n)).toBe('start');
  });
});

describe('EventStoreDB adapter: event ids', () => {
  it('passes UUID event ids through and maps others to stable UUIDs', () => {
    const id = randomUUID();
    expect(esdbEventId(id)).toBe(id);
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
        fc.pre(!UUID.test(a) && !UUID.test(b));
        expect(esdbEventId(a)).toMatch(UUID);
        expect(esdbEventId(a)).toBe(esdbEventId(a));
        if (a !== b) expect(esdbEventId(a)).not.toBe(esdbEventId(b));
      }),
    );
  });
});

/** A server to talk to, and how to let go of it. */
interface ServerUnderTest {
  readonly connectionString: string;
  stop(): Promise<void>;
}

/** The connection string with one more query parameter. */
const withParameter = (connectionString: string, parameter: string): string =>
  `${connectionString}${connectionString.includes('?') ? '&' : '?'}${parameter}`;

/** Registers the adapter suite against one server. */
const adapterBehaviour = (name: string, start: () => Promise<ServerUnderTest>) =>
  describe(`EventStoreDB adapter: ${name}`, () => {
    let server: ServerUnderTest;
    let store: EventStoreDbEventStore;
    beforeAll(async () => {
      server = await start();
      store = eventStoreDbStore(server.connectionString);
    });
    afterAll(async () => {
      await store.close();
      await server.stop();
    });

    it('makes a retried append with the same command-derived event ids idempotent: no duplicates', async () => {
      const stream = `problem-${randomUUID()}`;
      const decide = (commandId: string, from: number, count: number) =>
        Array.from({ length: count }, (_, i) =>
          withEventId(testEvent('E', { n: from + i }), deterministicEventId(commandId, stream, i)),
        );
      const first = decide('cmd-1', 0, 2);
      const written = await store.appendToStream(stream, first, { expectedRevision: 'no-stream' });
      const retried = await store.appendToStream(stream, decide('cmd-1', 0, 2), {
        expectedRevision: 'no-stream',
      });
      expect(retried).toEqual(written);
      const next = await store.appendToStream(stream, decide('cmd-2', 2, 1), { expectedRevision: 1n });
      expect(await store.appendToStream(stream, decide('cmd-2', 2, 1), { expectedRevision: 1n })).toEqual(
        next,
      );
      const read = await collect(store.readStream(stream));
      expect(read.map(ns)).toEqual([0, 1, 2]);
      // A different command at the same stale revision is a real conflict, not a retry.
      const conflict = await store
        .appendToStream(stream, decide('cmd-3', 9, 1), { expectedRevision: 1n })
        .catch((e: unknown) => e);
      expect(isConcurrencyError(conflict)).toBe(true);
    });

    it('keeps idempotency for event ids that are not UUIDs', async () => {
      const stream = `task-${randomUUID()}`;
      const events = [
        withEventId(testEvent('E', { n: 0 }), 'not-a-uuid:0'),
        withEventId(testEvent('E', { n: 1 }), 'x'),
      ];
      await store.appendToStream(stream, events, { expectedRevision: 'no-stream' });
      await store.appendToStream(stream, events, { expectedRevision: 'no-stream' });
      const read = await collect(store.readStream(stream));
      expect(read.map((e) => e.metadata.eventId)).toEqual(['not-a-uuid:0', 'x']);
    });

    it('delivers a subscription from an event position starting with that event, and from position + 1 after it', async () => {
      const stream = `exact-${randomUUID()}`;
      await store.appendToStream(
        stream,
        [0, 1, 2].map((n) => testEvent('E', { n })),
      );
      const ours = (await collect(store.readAll())).filter((e) => e.streamId === stream);
      const second = ours[1]!.position;
      const filter = { streamPrefixes: [stream] };
      expect((await takeAndClose(store.subscribeToAll({ fromPosition: second, filter }), 2)).map(ns)).toEqual(
        [1, 2],
      );
      expect(
        (await takeAndClose(store.subscribeToAll({ fromPosition: second + 1n, filter }), 1)).map(ns),
      ).toEqual([2]);
      expect(
        (await collect(store.readAll({ fromPosition: second + 1n })))
          .filter((e) => e.streamId === stream)
          .map(ns),
      ).toEqual([2]);
    });

    it("filters subscriptions on the server by stream prefix and never hands out EventStoreDB's own events", async () => {
      const seen: EsdbFilter[] = [];
      const delivered: string[] = [];
      const spy: EsdbClientLike = {
        appendToStream: (...args) => store.client.appendToStream(...args),
        readStream: (...args) => store.client.readStream(...args),
        readAll: (...args) => store.client.readAll(...args),
        dispose: async () => undefined,
        subscribeToAll: (options) => {
          if (options?.filter !== undefined) seen.push(options.filter);
          const inner = store.client.subscribeToAll(options);
          return {
            unsubscribe: () => inner.unsubscribe(),
            async *[Symbol.asyncIterator]() {
              for await (const resolved of inner) {
                delivered.push(resolved.event?.streamId ?? '');
                yield resolved;
              }
            },
          };
        },
      };
      const spied = new EventStoreDbEventStore(spy);
      const prefix = `ward${randomUUID().slice(0, 8)}-`;
      const raw = EventStoreDBClient.connectionString(server.connectionString);
      try {
        await spied.appendToStream(`other-${randomUUID()}`, [testEvent('E', { n: -1 })]);
        // A system stream and a system event type, both under the prefix: written, never delivered.
        await raw.appendToStream(`$${prefix}system`, [jsonEvent({ type: 'E', data: { n: -2 } })]);
        await raw.appendToStream(`${prefix}sys`, [jsonEvent({ type: '$internal', data: { n: -3 } })]);
        await spied.appendToStream(`${prefix}a`, [testEvent('E', { n: 0 })]);
        await spied.appendToStream(`${prefix}b`, [testEvent('E', { n: 1 })]);
        const events = await takeAndClose(spied.subscribeToAll({ filter: { streamPrefixes: [prefix] } }), 2);
        expect(events.map(ns)).toEqual([0, 1]);
        expect(seen).toEqual([{ filterOn: 'streamName', prefixes: [prefix], checkpointInterval: 1 }]);
        // The server did the filtering: nothing outside the prefix crossed the wire.
        expect(delivered.every((streamId) => streamId.startsWith(prefix))).toBe(true);
        const all = await collect(spied.readAll());
        expect(all.some((e) => e.streamId.startsWith('$') || e.type.startsWith('$'))).toBe(false);
        expect(all.map((e) => e.streamId)).not.toContain(`${prefix}sys`);
      } finally {
        await raw.dispose();
      }
    });

    it('reads the same events whatever the page size', async () => {
      const small = new EventStoreDbEventStore(store.client, { pageSize: 2 });
      const stream = `paged-${randomUUID()}`;
      await store.appendToStream(
        stream,
        [0, 1, 2, 3, 4, 5, 6].map((n) => testEvent('E', { n })),
      );
      expect((await collect(small.readStream(stream))).map(ns)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect((await collect(small.readStream(stream, { fromRevision: 1n, maxCount: 5 }))).map(ns)).toEqual([
        1, 2, 3, 4, 5,
      ]);
      const all = await collect(store.readAll());
      // Bounded by what was read first, so appends by concurrent writers (a shared real server) do not matter.
      const smallAll = await collect(small.readAll({ maxCount: all.length }));
      expect(smallAll).toEqual(all);
      const from = all[3]!.position;
      expect(await collect(small.readAll({ fromPosition: from, maxCount: 3 }))).toEqual(all.slice(3, 6));
    });

    it('finds the position itself when an append result carries none (idempotent writes on older servers)', async () => {
      const stripped = new EventStoreDbEventStore({
        ...store.client,
        appendToStream: async (...args) => {
          const { nextExpectedRevision } = await store.client.appendToStream(...args);
          return { nextExpectedRevision };
        },
        readStream: (...args) => store.client.readStream(...args),
      });
      const stream = `nopos-${randomUUID()}`;
      const result = await stripped.appendToStream(stream, [
        testEvent('E', { n: 0 }),
        testEvent('E', { n: 1 }),
      ]);
      const read = await collect(store.readStream(stream));
      expect(result.position).toBe(read[1]!.position);
    });

    it('refuses to invent positions when a server reports none on stream reads (servers before 22.6)', async () => {
      const stream = `old-${randomUUID()}`;
      await store.appendToStream(stream, [testEvent('E', { n: 0 })]);
      const old = new EventStoreDbEventStore({
        ...store.client,
        readStream: async function* (...args) {
          for await (const resolved of store.client.readStream(...args)) {
            const unknown = 2n ** 64n - 1n;
            yield { event: { ...resolved.event!, position: { commit: unknown, prepare: unknown } } };
          }
        },
      });
      await expect(collect(old.readStream(stream))).rejects.toBeInstanceOf(PositionUnavailableError);
    });

    it('maps a conflict reported in the result (throwOnAppendFailure=false) to ConcurrencyError', async () => {
      const lenient = eventStoreDbStore(withParameter(server.connectionString, 'throwOnAppendFailure=false'));
      try {
        const stream = `lenient-${randomUUID()}`;
        await lenient.appendToStream(stream, [testEvent('E', {})]);
        const error = await lenient
          .appendToStream(stream, [testEvent('E', {})], { expectedRevision: 'no-stream' })
          .catch((e: unknown) => e);
        expect(isConcurrencyError(error)).toBe(true);
        expect(error).toMatchObject({ expected: 'no-stream', actual: 0n });
      } finally {
        await lenient.close();
      }
    });

    it('checks the expected revision of an empty append without writing', async () => {
      const stream = `empty-${randomUUID()}`;
      expect(await store.appendToStream(stream, [], { expectedRevision: 'no-stream' })).toEqual({
        nextExpectedRevision: -1n,
        position: -1n,
      });
      const written = await store.appendToStream(stream, [testEvent('E', {})]);
      expect(await store.appendToStream(stream, [], { expectedRevision: 0n })).toEqual(written);
      const error = await store
        .appendToStream(stream, [], { expectedRevision: 'no-stream' })
        .catch((e: unknown) => e);
      expect(isConcurrencyError(error)).toBe(true);
    });

    it('round-trips projection checkpoints through a stream, kept out of readAll', async () => {
      const checkpoints = new EventStoreDbCheckpointStore(store.client);
      const name = `board-${randomUUID()}`;
      expect(await checkpoints.load(name)).toBeUndefined();
      await checkpoints.save(name, 10n);
      await checkpoints.save(name, 2n ** 70n);
      expect(await checkpoints.load(name)).toBe(2n ** 70n);
      const other = eventStoreDbStore(server.connectionString);
      try {
        expect(await new EventStoreDbCheckpointStore(other.client).load(name)).toBe(2n ** 70n);
      } finally {
        await other.close();
      }
      const all = await collect(store.readAll());
      expect(all.some((e) => e.streamId === checkpointStream(name))).toBe(false);
      const raw = EventStoreDBClient.connectionString(server.connectionString);
      try {
        const [meta] = await collect(raw.readStream(`$$${checkpointStream(name)}`));
        expect(meta?.event?.type).toBe('$metadata');
        expect(meta?.event?.data).toEqual({ $maxCount: 10 });
      } finally {
        await raw.dispose();
      }
    });
  });

adapterBehaviour('against the stand-in server (not a real EventStoreDB)', startEsdbStandIn);

const realServer = process.env.ESDB_CONNECTION_STRING;
if (realServer !== undefined && realServer !== '') {
  adapterBehaviour('against the real server from ESDB_CONNECTION_STRING', async () => ({
    connectionString: realServer,
    stop: async () => undefined,
  }));
}
