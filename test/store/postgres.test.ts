import type { Pool, PoolClient } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../src/store/event-store.js';
import { PostgresCheckpointStore } from '../../src/store/postgres/checkpoint-store.js';
import { PostgresEventStore } from '../../src/store/postgres/event-store.js';
import { migrate } from '../../src/store/postgres/schema.js';
import { freshSchema, openPool, postgresUrl } from '../support/postgres.js';
import { collect, eventStoreContract, testEvent } from './contract.js';

// Every store of this file's contract run shares one schema of its own; other files use other schemas.
const contractSchema = freshSchema('contract');
eventStoreContract(
  'postgres',
  () => PostgresEventStore.create(postgresUrl(), { schema: contractSchema, pollIntervalMs: 100 }),
  { propertyRuns: 15 },
);

/** Resolves when `condition` holds; rejects with `what` after `timeoutMs` so a lost event fails, not hangs. */
const eventually = async (condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

const positions = (events: readonly RecordedEvent[]): bigint[] => events.map((e) => e.position);

describe('PostgresEventStore', () => {
  let pool: Pool;
  beforeAll(() => {
    pool = openPool(postgresUrl(), 20);
  });
  afterAll(async () => {
    await pool.end();
  });

  it('migrates idempotently, also when several migrations race', async () => {
    const schema = freshSchema('migrate');
    await Promise.all([migrate(pool, { schema }), migrate(pool, { schema }), migrate(pool, { schema })]);
    await migrate(pool, { schema });
    const { rows } = await pool.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
      [schema],
    );
    expect(rows.map((r) => r.table_name)).toEqual(['checkpoints', 'events', 'streams']);
    const store = new PostgresEventStore(pool, { schema });
    await store.appendToStream('s-1', [testEvent('E', { n: 1 })], { expectedRevision: 'no-stream' });
    expect((await collect(store.readStream('s-1'))).map((e) => e.data)).toEqual([{ n: 1 }]);
    await store.close();
  });

  it('refuses a schema name that would need quoting or break the channel name', () => {
    expect(() => new PostgresEventStore(pool, { schema: 'Robert"; DROP TABLE x; --' })).toThrow(
      /schema name/,
    );
    expect(() => new PostgresEventStore(pool, { schema: 'x'.repeat(41) })).toThrow(/schema name/);
  });

  it('keeps schemas apart: a store sees only its own schema', async () => {
    const a = await PostgresEventStore.create(pool, { schema: freshSchema('iso') });
    const b = await PostgresEventStore.create(pool, { schema: freshSchema('iso') });
    await a.appendToStream('shared-name', [testEvent('E', { in: 'a' })]);
    expect(await collect(b.readStream('shared-name'))).toEqual([]);
    expect(await collect(b.readAll())).toEqual([]);
    await Promise.all([a.close(), b.close()]);
  });

  it('appends any number of events, or refuses a conflict, in one statement: one round trip', async () => {
    const schema = freshSchema('batch');
    const counting = openPool(postgresUrl(), 2);
    let statements = 0;
    counting.on('acquire', (client: PoolClient) => {
      const marked = client as PoolClient & { counted?: boolean };
      if (marked.counted === true) return;
      marked.counted = true;
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      client.query = ((...args: unknown[]) => {
        statements++;
        return query(...args);
      }) as typeof client.query;
    });
    const store = await PostgresEventStore.create(counting, { schema });
    statements = 0;
    await store.appendToStream('one', [testEvent('E', { i: 0 })]);
    expect(statements).toBe(1);
    statements = 0;
    const many = Array.from({ length: 250 }, (_, i) => testEvent('E', { i }));
    const result = await store.appendToStream('many', many, { expectedRevision: 'no-stream' });
    expect(statements).toBe(1);
    expect(result.nextExpectedRevision).toBe(249n);
    statements = 0;
    await expect(
      store.appendToStream('many', [testEvent('E', {})], { expectedRevision: 3n }),
    ).rejects.toMatchObject({ code: 'concurrency-conflict', expected: 3n, actual: 249n });
    expect(statements).toBe(1);
    const read = await collect(store.readStream('many'));
    expect(read.map((e) => e.data)).toEqual(many.map((e) => e.data));
    expect(read.map((e) => e.revision)).toEqual(many.map((_, i) => BigInt(i)));
    await store.close();
    await counting.end();
  });

  it('appends to a database an earlier version migrated and wrote, installing its append function', async () => {
    const schema = freshSchema('upgrade');
    await migrate(pool, { schema });
    // What the earlier version left: the same tables and triggers, no append function, and its events.
    await pool.query(`DROP FUNCTION "${schema}".append_events_v1(text, text, jsonb)`);
    await pool.query(
      `INSERT INTO "${schema}".streams VALUES ('old', 1);
       INSERT INTO "${schema}".events VALUES
         (0, 'old', 0, 'E', '{"n":0}', '{"eventId":"e0"}'),
         (1, 'old', 1, 'E', '{"n":1}', '{"eventId":"e1"}')`,
    );
    // Two stores opened without migrating, appending at once: the function is created once, nothing is lost.
    const stores = [new PostgresEventStore(pool, { schema }), new PostgresEventStore(pool, { schema })];
    const [a, b] = stores as [PostgresEventStore, PostgresEventStore];
    const results = await Promise.all([
      a.appendToStream('old', [testEvent('E', { n: 2 })], { expectedRevision: 1n }),
      b.appendToStream('new', [testEvent('E', { n: 0 })], { expectedRevision: 'no-stream' }),
    ]);
    expect(results.map((r) => r.nextExpectedRevision)).toEqual([2n, 0n]);
    expect((await collect(a.readStream('old'))).map((e) => e.data)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
    expect(positions(await collect(b.readAll()))).toEqual([0n, 1n, 2n, 3n]);
    await Promise.all(stores.map((store) => store.close()));
  });

  it('shares the log with writers of the earlier version: positions stay dense and in commit order', async () => {
    const schema = freshSchema('mixed');
    const writerPool = openPool(postgresUrl(), 12);
    const store = await PostgresEventStore.create(writerPool, { schema });
    const appends = 15;
    await Promise.all([
      ...Array.from({ length: 4 }, async (_, w) => {
        for (let a = 0; a < appends; a++) {
          await store.appendToStream(`new-${w}`, [
            testEvent('E', { w, a, k: 0 }),
            testEvent('E', { w, a, k: 1 }),
          ]);
        }
      }),
      ...Array.from({ length: 4 }, async (_, w) => {
        for (let a = 0; a < appends; a++) await appendAsEarlierVersion(writerPool, schema, `old-${w}`, 2);
      }),
    ]);
    const all = await collect(store.readAll());
    expect(positions(all)).toEqual(all.map((_, i) => BigInt(i)));
    for (const stream of new Set(all.map((e) => e.streamId))) {
      const events = await collect(store.readStream(stream));
      expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => BigInt(i)));
    }
    await store.close();
    await writerPool.end();
  });

  it('pages through long reads with keyset pagination, honouring fromPosition, fromRevision and maxCount', async () => {
    const store = await PostgresEventStore.create(pool, { schema: freshSchema('page'), pageSize: 3 });
    await store.appendToStream(
      'a',
      Array.from({ length: 7 }, (_, i) => testEvent('E', { i })),
    );
    await store.appendToStream(
      'b',
      Array.from({ length: 4 }, (_, i) => testEvent('E', { i: 7 + i })),
    );
    const all = await collect(store.readAll());
    expect(all.map((e) => (e.data as { i: number }).i)).toEqual([...Array(11).keys()]);
    expect(positions(all)).toEqual([...Array(11).keys()].map(BigInt));
    const middle = await collect(store.readAll({ fromPosition: 2n, maxCount: 7 }));
    expect(positions(middle)).toEqual([2n, 3n, 4n, 5n, 6n, 7n, 8n]);
    const stream = await collect(store.readStream('a', { fromRevision: 1n, maxCount: 5 }));
    expect(stream.map((e) => e.revision)).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect(await collect(store.readAll({ maxCount: 0 }))).toEqual([]);
    await store.close();
  });

  it('keeps history append-only: the database refuses UPDATE and DELETE of events', async () => {
    const schema = freshSchema('frozen');
    const store = await PostgresEventStore.create(pool, { schema });
    await store.appendToStream('s', [testEvent('E', { n: 1 })]);
    await expect(pool.query(`UPDATE "${schema}".events SET type = 'Forged'`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`DELETE FROM "${schema}".events`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`TRUNCATE "${schema}".events`)).rejects.toThrow(/append-only/);
    expect((await collect(store.readStream('s'))).map((e) => e.type)).toEqual(['E']);
    await store.close();
  });

  it('wakes a subscription through NOTIFY when another store instance appends', async () => {
    const schema = freshSchema('notify');
    // A poll interval far beyond the test's reach: only a notification can deliver the event in time.
    const reader = await PostgresEventStore.create(pool, { schema, pollIntervalMs: 600_000 });
    const writer = await PostgresEventStore.create(postgresUrl(), { schema });
    const subscription = reader.subscribeToAll();
    const received: RecordedEvent[] = [];
    const consuming = (async () => {
      for await (const event of subscription) received.push(event);
    })();
    // LISTEN starts asynchronously; append only once it is in place, or the notification has nobody to reach.
    await waitForListener(pool, `linli_appended_${schema}`);
    await writer.appendToStream('s', [testEvent('E', { n: 1 })]);
    await eventually(() => received.length === 1, 'the notified event', 30_000);
    await subscription.close();
    await consuming;
    expect(received.map((e) => e.data)).toEqual([{ n: 1 }]);
    await Promise.all([reader.close(), writer.close()]);
  });

  it('falls back to polling for events appended without a notification', async () => {
    const schema = freshSchema('poll');
    const store = await PostgresEventStore.create(pool, { schema, pollIntervalMs: 20 });
    const subscription = store.subscribeToAll();
    const received: RecordedEvent[] = [];
    const consuming = (async () => {
      for await (const event of subscription) received.push(event);
    })();
    // A writer that bypasses the store, and so never notifies.
    await pool.query(
      `INSERT INTO "${schema}".streams VALUES ('s', 0);
       INSERT INTO "${schema}".events VALUES (0, 's', 0, 'E', '{"n":1}', '{}')`,
    );
    await eventually(() => received.length === 1, 'the polled event');
    await subscription.close();
    await consuming;
    expect(received.map((e) => e.data)).toEqual([{ n: 1 }]);
    await store.close();
  });

  it('never shows a reader positions out of order while many appenders commit concurrently', async () => {
    const schema = freshSchema('order');
    const writerPool = openPool(postgresUrl(), 16);
    const store = await PostgresEventStore.create(writerPool, { schema, pollIntervalMs: 5 });
    const writers = 12;
    const appendsPerWriter = 25;
    const size = (w: number, a: number): number => 1 + ((w + a) % 3);
    let total = 0;
    for (let w = 0; w < writers; w++) for (let a = 0; a < appendsPerWriter; a++) total += size(w, a);

    const subscribed: RecordedEvent[] = [];
    const subscription = store.subscribeToAll();
    const subscribing = (async () => {
      for await (const event of subscription) subscribed.push(event);
    })();

    // A bare poller: reads from just past the last position it saw, as a projection would.
    const polled: RecordedEvent[] = [];
    let writing = true;
    const polling = (async () => {
      let next = 0n;
      for (;;) {
        const stillWriting = writing;
        for await (const event of store.readAll({ fromPosition: next })) {
          polled.push(event);
          next = event.position + 1n;
        }
        // One full pass after the writers finished, so the poller has had every chance to see everything.
        if (!stillWriting) return;
      }
    })();

    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        let revision = -1n;
        for (let a = 0; a < appendsPerWriter; a++) {
          const events = Array.from({ length: size(w, a) }, (_, k) => testEvent('E', { w, a, k }));
          const expectedRevision = revision === -1n ? 'no-stream' : revision;
          revision = (await store.appendToStream(`writer-${w}`, events, { expectedRevision }))
            .nextExpectedRevision;
        }
      }),
    );
    writing = false;
    await polling;
    const final = await collect(store.readAll());
    expect(final).toHaveLength(total);
    // Positions are dense: the append lock leaves no holes that a reader could mistake for late commits.
    expect(positions(final)).toEqual(final.map((_, i) => BigInt(i)));
    // A reader that moved past a position which committed later never reads it: it would be missing here.
    expect(positions(polled)).toEqual(positions(final));

    // The subscriber, in contrast, stops when it has as many events as the log (or times out, if it skipped).
    await eventually(() => subscribed.length >= total, `${total} events at the subscriber`);
    await subscription.close();
    await subscribing;
    expect(positions(subscribed)).toEqual(positions(final));
    for (let w = 0; w < writers; w++) {
      const stream = await collect(store.readStream(`writer-${w}`));
      expect(stream.map((e) => e.revision)).toEqual(stream.map((_, i) => BigInt(i)));
    }
    await store.close();
    await writerPool.end();
  });

  it('leaves the caller’s pool open on close, and ends the pool and listener it opened itself', async () => {
    const schema = freshSchema('close');
    const borrowed = await PostgresEventStore.create(pool, { schema });
    await borrowed.close();
    expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one).toBe(1);

    const applicationName = `linli_close_${schema}`;
    const url = new URL(postgresUrl());
    url.searchParams.set('application_name', applicationName);
    const owning = await PostgresEventStore.create(url.toString(), { schema });
    const subscription = owning.subscribeToAll();
    await waitForListener(pool, `linli_appended_${schema}`);
    await subscription.close();
    await owning.close();
    const sessions = async (): Promise<number> =>
      Number(
        (
          await pool.query<{ n: string }>(
            'SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1',
            [applicationName],
          )
        ).rows[0]?.n,
      );
    // pg_stat_activity lags the disconnect by a moment: wait for the sessions to go.
    const deadline = Date.now() + 10_000;
    while ((await sessions()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await sessions()).toBe(0);
  });
});

/**
 * An append exactly as the earlier, five-statement version of the store made it (expected revision 'any'),
 * so that a process of that version can be simulated next to this one.
 */
const appendAsEarlierVersion = async (pool: Pool, schema: string, stream: string, count: number) => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ revision: string }>(
      `INSERT INTO "${schema}".streams AS s (stream_id, revision) VALUES ($1, $2::bigint - 1)
       ON CONFLICT (stream_id) DO UPDATE SET revision = s.revision + $2::bigint RETURNING revision`,
      [stream, count],
    );
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`linli.append:${schema}`]);
    const events = Array.from({ length: count }, (_, k) => testEvent('Old', { k }));
    await client.query(
      `INSERT INTO "${schema}".events (position, stream_id, revision, type, data, metadata)
       SELECT base.last + e.ord, $1, $2::bigint + e.ord - 1, e.type, e.data, e.metadata
       FROM (SELECT coalesce(max(position), -1) AS last FROM "${schema}".events) AS base,
            unnest($3::text[], $4::jsonb[], $5::jsonb[]) WITH ORDINALITY AS e(type, data, metadata, ord)`,
      [
        stream,
        String(BigInt(rows[0]!.revision) - BigInt(count - 1)),
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => JSON.stringify(e.metadata)),
      ],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
};

/** Waits until some session LISTENs on `channel` (pg_listening_channels is per session, so ask the server). */
const waitForListener = async (pool: Pool, channel: string): Promise<void> => {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { rows } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE query = $1 AND state = 'idle'`,
      [`LISTEN "${channel}"`],
    );
    if (Number(rows[0]?.n) > 0) return;
    if (Date.now() > deadline) throw new Error(`nobody listens on ${channel}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('PostgresCheckpointStore', () => {
  let pool: Pool;
  beforeAll(() => {
    pool = openPool(postgresUrl(), 4);
  });
  afterAll(async () => {
    await pool.end();
  });

  it('loads nothing for a projection that never saved, then the last position saved', async () => {
    const checkpoints = await PostgresCheckpointStore.create(pool, { schema: freshSchema('cp') });
    expect(await checkpoints.load('problems')).toBeUndefined();
    await checkpoints.save('problems', 41n);
    await checkpoints.save('problems', 9_007_199_254_740_993n);
    await checkpoints.save('tasks', 0n);
    expect(await checkpoints.load('problems')).toBe(9_007_199_254_740_993n);
    expect(await checkpoints.load('tasks')).toBe(0n);
    await checkpoints.close();
  });

  it('keeps checkpoints in the event store’s database and schema, shared by every instance', async () => {
    const schema = freshSchema('cp');
    const events = await PostgresEventStore.create(pool, { schema });
    const first = new PostgresCheckpointStore(postgresUrl(), { schema });
    const second = new PostgresCheckpointStore(pool, { schema });
    await first.save('audit', 7n);
    expect(await second.load('audit')).toBe(7n);
    const { rows } = await pool.query<{ position: string }>(
      `SELECT position FROM "${schema}".checkpoints WHERE name = 'audit'`,
    );
    expect(rows).toEqual([{ position: '7' }]);
    const elsewhere = await PostgresCheckpointStore.create(pool, { schema: freshSchema('cp') });
    expect(await elsewhere.load('audit')).toBeUndefined();
    await Promise.all([events.close(), first.close(), second.close(), elsewhere.close()]);
  });
});
