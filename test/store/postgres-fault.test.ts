/**
 * Faults on PostgreSQL: while writers append, their connections are killed, the server crashes (immediate
 * shutdown, recovery from the WAL on restart) and is stopped and restarted. Runs on a server of its own, so
 * the shared one stays up for the other files; afterwards the contract suite runs again on the restarted
 * server, in the schema that lived through the faults.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConcurrencyError, type RecordedEvent } from '../../src/store/event-store.js';
import { PostgresEventStore } from '../../src/store/postgres/event-store.js';
import { openPool } from '../support/postgres.js';
import { startTestPostgres, type TestPostgresServer } from '../support/postgres-server.js';
import { collect, eventStoreContract, testEvent } from './contract.js';

const SCHEMA = 'faults';
const WRITERS = 6;

let server: TestPostgresServer;
beforeAll(async () => {
  // Durable: a crash must not be able to take back a commit the server acknowledged.
  server = await startTestPostgres({ durable: true });
});
afterAll(async () => {
  await server.destroy();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when `condition` holds; rejects after `timeoutMs`, so a stalled run fails instead of hanging. */
const until = async (condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
};

/** Retries `action` through connection failures until it succeeds (the server may be down for a while). */
const retrying = async <T>(action: () => Promise<T>): Promise<T> => {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await action();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(20);
    }
  }
};

/** Ends every other client session of the database, as an operator's pg_terminate_backend would. */
const killConnections = async (url: string): Promise<number> => {
  const admin = new pg.Client(url);
  await admin.connect();
  try {
    const { rows } = await admin.query<{ killed: boolean }>(
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
       WHERE pid <> pg_backend_pid() AND datname = current_database() AND backend_type = 'client backend'`,
    );
    return rows.filter((r) => r.killed).length;
  } finally {
    await admin.end();
  }
};

interface Acknowledged {
  readonly attempt: number;
  readonly eventIds: readonly string[];
  readonly first: bigint;
  readonly last: bigint;
}

interface AppendData {
  readonly w: number;
  readonly attempt: number;
  readonly k: number;
  readonly size: number;
}

describe('PostgresEventStore under faults', () => {
  it('loses no acknowledged append and shows no partial one through killed connections, a crash and a restart', async () => {
    const pool = openPool(server.url, 12);
    const store = await PostgresEventStore.create(pool, { schema: SCHEMA, pollIntervalMs: 50 });
    const acknowledged: Acknowledged[][] = Array.from({ length: WRITERS }, () => []);
    const ackCount = (): number => acknowledged.reduce((n, list) => n + list.length, 0);
    let failedAppends = 0;
    let writing = true;

    // A subscriber follows the whole run; it must come out with every event once, in order.
    const subscribed: RecordedEvent[] = [];
    const subscription = store.subscribeToAll({ filter: { streamPrefixes: ['fault-'] } });
    const subscribing = (async () => {
      for await (const event of subscription) subscribed.push(event);
    })();

    const lastRevision = async (stream: string): Promise<bigint> => {
      let last = -1n;
      for await (const event of store.readStream(stream)) last = event.revision;
      return last;
    };

    const writer = async (w: number): Promise<void> => {
      const stream = `fault-${w}`;
      let revision = -1n;
      for (let attempt = 0; writing; attempt++) {
        const size = 1 + ((w + attempt) % 5);
        const events = Array.from({ length: size }, (_, k) =>
          testEvent('FaultAppended', { w, attempt, k, size } satisfies AppendData),
        );
        try {
          const result = await store.appendToStream(stream, events, {
            expectedRevision: revision === -1n ? 'no-stream' : revision,
          });
          revision = result.nextExpectedRevision;
          acknowledged[w]!.push({
            attempt,
            eventIds: events.map((e) => e.metadata.eventId),
            first: revision - BigInt(size - 1),
            last: revision,
          });
        } catch (error) {
          // A failed append may or may not have committed (the COMMIT may have landed before the connection
          // died): learn where the stream really is before going on.
          if (isConcurrencyError(error)) throw error;
          failedAppends++;
          revision = await retrying(() => lastRevision(stream));
        }
      }
    };

    const appending = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    const progress = async (appends: number, what: string): Promise<void> => {
      const target = ackCount() + appends;
      await until(() => ackCount() >= target, what);
    };
    try {
      await progress(30, 'appends before the faults');
      expect(await killConnections(server.url)).toBeGreaterThan(0);
      await progress(30, 'appends after killing the connections');
      await server.crash();
      await sleep(200);
      await server.start();
      await progress(30, 'appends after the crash');
      await server.stop();
      await server.start();
      await progress(30, 'appends after the restart');
    } finally {
      writing = false;
      await appending;
    }
    // The faults hit appends in flight, or this test would prove nothing.
    expect(failedAppends).toBeGreaterThan(0);

    const all = (await collect(store.readAll())).filter((e) => e.streamId.startsWith('fault-'));
    // Dense, increasing positions: crashed transactions left no holes and no reordering.
    expect(all.map((e) => e.position)).toEqual(all.map((_, i) => BigInt(i)));
    for (let w = 0; w < WRITERS; w++) {
      const stream = await collect(store.readStream(`fault-${w}`));
      // Revisions are contiguous from 0.
      expect(stream.map((e) => e.revision)).toEqual(stream.map((_, i) => BigInt(i)));
      // Every append that is there is there whole: its k events, in order, at consecutive revisions.
      const byAttempt = new Map<number, RecordedEvent[]>();
      for (const event of stream) {
        const { attempt } = event.data as AppendData;
        byAttempt.set(attempt, [...(byAttempt.get(attempt) ?? []), event]);
      }
      for (const events of byAttempt.values()) {
        const { size } = events[0]!.data as AppendData;
        expect(events.map((e) => (e.data as AppendData).k)).toEqual([...Array(size).keys()]);
        expect(events.map((e) => e.revision - events[0]!.revision)).toEqual(
          [...Array(size).keys()].map(BigInt),
        );
      }
      // Every acknowledged append is there, at the revisions it was acknowledged with.
      for (const ack of acknowledged[w]!) {
        const events = byAttempt.get(ack.attempt);
        expect(events?.map((e) => e.metadata.eventId)).toEqual(ack.eventIds);
        expect(events?.[0]?.revision).toBe(ack.first);
        expect(events?.[events.length - 1]?.revision).toBe(ack.last);
      }
    }

    await until(() => subscribed.length >= all.length, 'the subscriber to catch up');
    await subscription.close();
    await subscribing;
    expect(subscribed.map((e) => e.position)).toEqual(all.map((e) => e.position));

    await store.close();
    await pool.end();
  });
});

// The contract still holds on the server that crashed and restarted, in the schema that went through it.
eventStoreContract(
  'postgres after faults',
  () => PostgresEventStore.create(server.url, { schema: SCHEMA, pollIntervalMs: 100 }),
  { propertyRuns: 8 },
);
