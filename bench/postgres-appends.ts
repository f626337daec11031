/**
 * PostgreSQL appends: events per second for single-event and 100-event appends through linli's
 * PostgresEventStore, against Emmett's PostgreSQL event store on the same embedded server, the same
 * payloads, the same expected-version checks. Target: at least 2x Emmett.
 */
import {
  getPostgreSQLEventStore,
  type PostgresEventStore as EmmettPostgresStore,
} from '@event-driven-io/emmett-postgresql';
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { EventMetadata } from '../src/domain/shared/events.js';
import type { EventToAppend } from '../src/store/event-store.js';
import { PostgresEventStore } from '../src/store/postgres/index.js';
import { startTestPostgres } from '../test/support/postgres-server.js';
import { compare, interleave, median, timed, type BenchModule, type Figure } from './harness.js';

const STREAMS = 50;

const hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A `PointsEarned` as the handler would append it: realistic data and full metadata (ids, actor, hashes). */
const payload = (run: string, i: number): EventToAppend => {
  const metadata: EventMetadata = {
    eventId: `${run}-e${i}`,
    occurredAt: '2026-03-01T09:00:00.000Z',
    actor: { id: 'points-policy', role: 'system' },
    commandId: `award-${run}-${i}`,
    correlationId: `cmd-${run}-${i}`,
    causationId: `${run}-v${i}`,
    schemaVersion: 1,
    previousHash: hex(`${run}-${i - 1}`),
    hash: hex(`${run}-${i}`),
  };
  return {
    type: 'PointsEarned',
    data: {
      residentId: `res-${i % STREAMS}`,
      community: 'bairuijing',
      taskId: `${run}-t${i}`,
      points: 5,
      verifiedEventId: `${run}-v${i}`,
    },
    metadata,
  };
};

/** Appends `appends` batches of `size` events round-robin over STREAMS streams; returns events per second. */
type Appender = (run: string, appends: number, size: number) => Promise<number>;

const linliAppender =
  (store: PostgresEventStore): Appender =>
  async (run, appends, size) => {
    const revisions = new Map<string, bigint>();
    const seconds = await timed(async () => {
      for (let i = 0; i < appends; i++) {
        const streamId = `points-${run}-${i % STREAMS}`;
        const events = Array.from({ length: size }, (_, k) => payload(run, i * size + k));
        const revision = revisions.get(streamId);
        const result = await store.appendToStream(streamId, events, {
          expectedRevision: revision ?? 'no-stream',
        });
        revisions.set(streamId, result.nextExpectedRevision);
      }
    });
    return (appends * size) / seconds;
  };

const emmettAppender =
  (store: EmmettPostgresStore): Appender =>
  async (run, appends, size) => {
    const versions = new Map<string, bigint>();
    const seconds = await timed(async () => {
      for (let i = 0; i < appends; i++) {
        const streamName = `points-${run}-${i % STREAMS}`;
        const events = Array.from({ length: size }, (_, k) => {
          const { type, data, metadata } = payload(run, i * size + k);
          return {
            type,
            data: data as Record<string, unknown>,
            metadata: metadata as Record<string, unknown>,
          };
        });
        const version = versions.get(streamName);
        const result = await store.appendToStream(
          streamName,
          events,
          version === undefined ? {} : { expectedStreamVersion: version },
        );
        versions.set(streamName, result.nextExpectedStreamVersion);
      }
    });
    return (appends * size) / seconds;
  };

/** The PostgreSQL append benchmark. */
export const postgresAppends: BenchModule = {
  id: 'postgres',
  description: 'events/s of 1-event and 100-event appends on embedded PostgreSQL, against Emmett',
  async run({ quick, log }) {
    log('postgres: starting an embedded server');
    const server = await startTestPostgres();
    const linliStore = await PostgresEventStore.create(server.url, { schema: 'linli_bench' });
    // Emmett gets a pool of ours, so that we can end it, and hear (and ignore) its idle clients' errors
    // when the server stops, instead of the process dying of an unhandled 'error' event.
    const emmettPool = new pg.Pool({ connectionString: server.url });
    emmettPool.on('error', () => undefined);
    const emmettStore = getPostgreSQLEventStore(server.url, { connectionOptions: { pool: emmettPool } });
    try {
      const linli = linliAppender(linliStore);
      const emmett = emmettAppender(emmettStore);
      await emmett('setup', 1, 1); // Emmett creates its schema on first use: not part of any sample.
      const figures: Figure[] = [];
      const cases = [
        { size: 1, appends: quick ? 300 : 3_000 },
        { size: 100, appends: quick ? 20 : 200 },
      ];
      const options = quick ? { warmup: 1, repetitions: 3 } : { warmup: 1, repetitions: 5 };
      for (const { size, appends } of cases) {
        log(`postgres: ${appends} appends of ${size} event(s) per run, ${options.repetitions} runs each`);
        let round = 0;
        const samples = await interleave(
          {
            linli: () => linli(`l${size}x${round}`, appends, size),
            emmett: () => emmett(`e${size}x${round++}`, appends, size),
          },
          options,
        );
        figures.push(
          compare({
            name: size === 1 ? 'postgres-append-1' : `postgres-append-${size}`,
            value: Math.round(median(samples.linli)),
            unit: 'events/s',
            baseline: Math.round(median(samples.emmett)),
            baselineName: 'Emmett 0.42 PostgreSQL event store, same server, same payloads',
            target: 2,
            better: 'higher',
            detail:
              `${appends} sequential appends of ${size} event(s) over ${STREAMS} streams with expected versions; ` +
              `embedded PostgreSQL 18 (fsync and synchronous_commit off, as the tests run it); ` +
              `median of ${options.repetitions} runs after ${options.warmup} warm-up`,
          }),
        );
      }
      return figures;
    } finally {
      await linliStore.close();
      await emmettStore.close();
      await emmettPool.end().catch(() => undefined);
      await server.destroy();
    }
  },
};
