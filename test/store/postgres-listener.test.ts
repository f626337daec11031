/**
 * The store's LISTEN connection on a real PostgreSQL that goes away: it reconnects with capped exponential
 * backoff and full jitter, tells the host every attempt with its delay, starts over after it listens again,
 * and notifications reach subscribers after the server is back. Runs on a server of its own, which it stops
 * and starts; the jitter is injected so the delays are known in advance.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../src/store/event-store.js';
import { PostgresEventStore } from '../../src/store/postgres/event-store.js';
import type { ListenerReconnect } from '../../src/store/postgres/reconnect-backoff.js';
import { schemaNames } from '../../src/store/postgres/schema.js';
import { openPool } from '../support/postgres.js';
import { startTestPostgres, type TestPostgresServer } from '../support/postgres-server.js';
import { testEvent } from './contract.js';

const SCHEMA = 'listener';

let server: TestPostgresServer;
beforeAll(async () => {
  server = await startTestPostgres();
});
afterAll(async () => {
  await server.destroy();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when `condition` holds; rejects after `timeoutMs`, so a stalled run fails instead of hanging. */
const until = async (condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
};

/** How many sessions sit on the store's LISTEN, as the server sees them. */
const listeners = async (url: string): Promise<number> => {
  const admin = new pg.Client(url);
  admin.on('error', () => undefined);
  try {
    await admin.connect();
    const { rows } = await admin.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = $1',
      [`LISTEN "${schemaNames({ schema: SCHEMA }).channel}"`],
    );
    return rows[0]?.n ?? 0;
  } catch {
    return 0;
  } finally {
    await admin.end().catch(() => undefined);
  }
};

describe('the PostgreSQL LISTEN connection', () => {
  it('backs off exponentially with jitter while the server is down, reports each attempt, and recovers', async () => {
    const pool = openPool(server.url, 4);
    const reports: ListenerReconnect[] = [];
    // The jitter draws cycle through these: the delays below follow from them and the settings alone.
    const draws = [0.5, 0.25, 0.999];
    let draw = 0;
    const store = await PostgresEventStore.create(pool, {
      schema: SCHEMA,
      // Also how long a subscription's read waits after a connection failure: keep the close quick.
      pollIntervalMs: 500,
      listener: {
        initialDelayMs: 40,
        maxDelayMs: 200,
        multiplier: 2,
        random: () => draws[draw++ % draws.length]!,
        onReconnect: (event) => {
          reports.push(event);
          throw new Error('a faulty host callback must not stop the reconnection');
        },
      },
    });
    const received: RecordedEvent[] = [];
    const subscription = store.subscribeToAll({ filter: { streamPrefixes: ['listen-'] } });
    const subscribing = (async () => {
      for await (const event of subscription) received.push(event);
    })();
    try {
      await until(async () => (await listeners(server.url)) === 1, 'the listener to listen');
      await store.appendToStream('listen-1', [testEvent('Before', { n: 0 })]);
      await until(() => received.length === 1, 'the event appended before the outage');

      await server.stop();
      await until(() => reports.length >= 7, 'seven reconnection attempts');
      await server.start();
      await until(async () => (await listeners(server.url)) === 1, 'the listener to listen again');
      const failed = reports.length;

      // Ceilings 40, 80, 160, then the 200 cap; each delay is floor(draw × ceiling).
      expect(reports.slice(0, 7).map(({ attempt, delayMs }) => [attempt, delayMs])).toEqual([
        [1, 20],
        [2, 20],
        [3, 159],
        [4, 100],
        [5, 50],
        [6, 199],
        [7, 100],
      ]);
      expect(reports.map((report) => report.attempt)).toEqual(reports.map((_, i) => i + 1));
      for (const report of reports) expect(report.error).toBeInstanceOf(Error);

      // Back on LISTEN (the server says so above): subscribers follow again, and the count starts over.
      await store.appendToStream('listen-1', [testEvent('After', { n: 1 })]);
      await until(() => received.length === 2, 'the event appended after the restart');
      await server.stop();
      await until(() => reports.length > failed, 'the next failure');
      expect(reports[failed]?.attempt).toBe(1);
      await server.start();
    } finally {
      await subscription.close();
      await subscribing;
      await store.close();
      await pool.end();
    }
    expect(received.map((event) => event.type)).toEqual(['Before', 'After']);
  });
});
