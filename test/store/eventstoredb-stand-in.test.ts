/**
 * Pins the EventStoreDB protocol STAND-IN (not a real EventStoreDB) to the server behaviour it models, through
 * the real `@eventstore/db-client`. Each expectation is documented server behaviour the adapter relies on or
 * must cope with; a stand-in that drifted towards what the adapter would like would fail here. With
 * ESDB_CONNECTION_STRING set, the same expectations run against that real server (23.10 or later), which is
 * how the model itself gets checked.
 */
import { randomUUID } from 'node:crypto';
import {
  EventStoreDBClient,
  jsonEvent,
  NO_STREAM,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEsdbStandIn } from '../support/esdb-stand-in/server.js';

const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
};

const failure = async (promise: Promise<unknown>): Promise<{ type?: string; message: string }> =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: { type?: string; message: string }) => error,
  );

const event = (n: number, id: string = randomUUID()) => jsonEvent({ id, type: 'E', data: { n } });

/** A server to talk to, and how to let go of it. */
interface ServerUnderTest {
  readonly connectionString: string;
  stop(): Promise<void>;
}

/** Registers the server-behaviour suite against one server. */
const serverBehaviour = (name: string, start: () => Promise<ServerUnderTest>) =>
  describe(`EventStoreDB server behaviour the adapter relies on: ${name}`, () => {
    let server: ServerUnderTest;
    let client: EventStoreDBClient;
    beforeAll(async () => {
      server = await start();
      client = EventStoreDBClient.connectionString(server.connectionString);
    });
    afterAll(async () => {
      await client.dispose();
      await server.stop();
    });

    it('answers a read of a stream with no events with StreamNotFoundError', async () => {
      const error = await failure(collect(client.readStream(`none-${randomUUID()}`)));
      expect(error.type).toBe('stream-not-found');
    });

    it('refuses a conflicting append with WrongExpectedVersionError carrying the actual revision', async () => {
      const stream = `wev-${randomUUID()}`;
      await client.appendToStream(stream, [event(0), event(1)], { expectedRevision: NO_STREAM });
      const error = (await failure(client.appendToStream(stream, [event(2)], { expectedRevision: 0n }))) as {
        type?: string;
        actualVersion?: unknown;
        expectedVersion?: unknown;
      };
      expect(error.type).toBe('wrong-expected-version');
      expect(error.actualVersion).toBe(1n);
      expect(error.expectedVersion).toBe(0n);
    });

    it('answers a re-sent append (same ids, same expected revision) with the original result, writing nothing', async () => {
      const stream = `idem-${randomUUID()}`;
      const events = [event(0), event(1)];
      const first = await client.appendToStream(stream, events, { expectedRevision: NO_STREAM });
      const again = await client.appendToStream(stream, events, { expectedRevision: NO_STREAM });
      expect(again.nextExpectedRevision).toBe(first.nextExpectedRevision);
      expect(again.position).toEqual(first.position);
      expect(await collect(client.readStream(stream))).toHaveLength(2);
    });

    it('refuses a partly re-sent append (first id written, second new) as a wrong expected version', async () => {
      const stream = `partial-${randomUUID()}`;
      const [a, b] = [event(0), event(1)];
      await client.appendToStream(stream, [a, b], { expectedRevision: NO_STREAM });
      const error = await failure(
        client.appendToStream(stream, [a, event(9)], { expectedRevision: NO_STREAM }),
      );
      expect(error.type).toBe('wrong-expected-version');
    });

    it('gives positions that grow by record size (gaps), reads $all inclusively, and refuses a position inside a record', async () => {
      const stream = `pos-${randomUUID()}`;
      await client.appendToStream(stream, [event(0), event(1)]);
      const ours = (await collect(client.readAll())).filter((e) => e.event?.streamId === stream);
      const [p0, p1] = ours.map((e) => e.event!.position!);
      expect(p1!.commit - p0!.commit > 1n).toBe(true);
      const fromSecond = await collect(client.readAll({ fromPosition: p1!, maxCount: 1 }));
      expect(fromSecond[0]?.event?.position).toEqual(p1);
      const inside = { commit: p0!.commit + 1n, prepare: p0!.commit + 1n };
      const error = await failure(collect(client.readAll({ fromPosition: inside })));
      expect(error.message).toMatch(/invalid position/i);
    });

    it('reports the $all position on stream reads too (servers 22.6+)', async () => {
      const stream = `stream-pos-${randomUUID()}`;
      const appended = await client.appendToStream(stream, [event(0)]);
      const [read] = await collect(client.readStream(stream));
      expect(read?.event?.position).toEqual(appended.position);
    });

    it('keeps system events ($-prefixed streams and types) in $all', async () => {
      const stream = `$linli-check-${randomUUID()}`;
      await client.appendToStream(stream, [jsonEvent({ type: '$linli-check', data: {} })]);
      const all = await collect(client.readAll());
      expect(all.some((e) => e.event?.streamId === stream && e.event.type === '$linli-check')).toBe(true);
    });

    it('starts a catch-up subscription AFTER its position, confirms, says when it caught up, then goes live', async () => {
      const stream = `sub-${randomUUID()}`;
      await client.appendToStream(stream, [event(0), event(1), event(2)]);
      const history = (await collect(client.readAll())).filter((e) => e.event?.streamId === stream);
      const subscription = client.subscribeToAll({
        fromPosition: history[0]!.event!.position!,
        filter: streamNameFilter({ prefixes: [stream] }),
      });
      const signals: string[] = [];
      subscription.on('confirmation', () => signals.push('confirmation'));
      subscription.on('caughtUp', () => {
        signals.push('caughtUp');
        void client.appendToStream(stream, [event(3)]);
      });
      const received: number[] = [];
      for await (const resolved of subscription as AsyncIterable<AllStreamResolvedEvent>) {
        received.push((resolved.event?.data as { n: number }).n);
        if (received.length === 3) break;
      }
      await subscription.unsubscribe();
      expect(received).toEqual([1, 2, 3]);
      expect(signals).toEqual(['confirmation', 'caughtUp']);
    });

    it('reads a stream backwards from the end', async () => {
      const stream = `back-${randomUUID()}`;
      await client.appendToStream(stream, [event(0), event(1), event(2)]);
      const read: ResolvedEvent[] = await collect(
        client.readStream(stream, { fromRevision: 'end', direction: 'backwards', maxCount: 2 }),
      );
      expect(read.map((e) => (e.event?.data as { n: number }).n)).toEqual([2, 1]);
    });
  });

serverBehaviour('stand-in server (not a real EventStoreDB)', startEsdbStandIn);

const realServer = process.env.ESDB_CONNECTION_STRING;
if (realServer !== undefined && realServer !== '') {
  serverBehaviour('real server from ESDB_CONNECTION_STRING', async () => ({
    connectionString: realServer,
    stop: async () => undefined,
  }));
}
