import type { Pool } from 'pg';
import type { EventMetadata } from '../../domain/shared/events.js';
import { AppendNotifier, catchUpSubscription } from '../catch-up.js';
import {
  ConcurrencyError,
  expectedRevisionHolds,
  type ActualRevision,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.js';
import { APPEND_FUNCTION, callAppendFunction, type AppendOutcome } from './append-function.js';
import { AppendListener } from './append-listener.js';
import { listenerBackoff, type ListenerOptions } from './reconnect-backoff.js';
import {
  isTransientConnectionError,
  resolvePool,
  type PostgresConnection,
  type ResolvedPool,
} from './connection.js';
import {
  migrate,
  migrateAppendFunction,
  schemaNames,
  type SchemaNames,
  type SchemaOptions,
} from './schema.js';

/** Options of {@link PostgresEventStore}. */
export interface PostgresEventStoreOptions extends SchemaOptions {
  /** Rows fetched per query when reading; readers page through longer results. Defaults to 500. */
  readonly pageSize?: number;
  /**
   * How often subscriptions look for new events when no notification arrived (a lost NOTIFY, a dropped
   * listener connection), and how long they wait before retrying after a connection failure. Defaults to 1000.
   */
  readonly pollIntervalMs?: number;
  /** How the LISTEN connection reconnects (backoff, jitter) and whom it tells; see {@link ListenerOptions}. */
  readonly listener?: ListenerOptions;
}

/** Options of {@link PostgresEventStore.create}. */
export interface CreatePostgresEventStoreOptions extends PostgresEventStoreOptions {
  /** Run {@link migrate} before returning the store; defaults to true. */
  readonly migrate?: boolean;
}

interface EventRow {
  readonly position: string;
  readonly stream_id: string;
  readonly revision: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

const toRecorded = (row: EventRow): RecordedEvent => ({
  type: row.type,
  data: row.data,
  metadata: row.metadata,
  streamId: row.stream_id,
  revision: BigInt(row.revision),
  position: BigInt(row.position),
});

/** True for the error of calling an append function the database lacks (SQLSTATE 42883, undefined_function). */
const isMissingAppendFunction = (error: unknown): boolean =>
  error instanceof Error &&
  (error as { code?: unknown }).code === '42883' &&
  error.message.includes(APPEND_FUNCTION);

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * The EventStore port on PostgreSQL.
 *
 * Ordering. A reader that polls the log by position must never see position p+1 before p: it would move
 * past p and never deliver it. With a sequence (or bigserial) that can happen, because a transaction that
 * drew p may commit after one that drew p+1. So every append takes a transaction-scoped advisory lock just
 * before it assigns positions, and keeps it until its COMMIT. PostgreSQL releases a transaction's locks
 * only after its commit is visible to new snapshots, so the next append computes its positions (from
 * max(position), read after acquiring the lock) only once every lower position is visible: commit order is
 * position order, every snapshot sees a prefix of the log, and positions are even gap-free (a transaction
 * that dies before COMMIT leaves nothing behind, and the next one reuses its numbers). We chose this over
 * the xmin-horizon technique (reading only below the oldest running transaction) because readers stay
 * plain indexed range scans and the cost, appends serialised for the span of an INSERT and a COMMIT, is
 * small next to an event-sourced write path; the per-stream check happens before the lock, so conflicting
 * writers do not hold it up.
 *
 * Expected revisions. Each stream has a row in `streams` holding its last revision. An append claims its
 * revisions there first, in the same transaction: a compare-and-set UPDATE for an exact revision, an
 * INSERT that the primary key refuses for 'no-stream', an upsert for 'any'. Row locks make concurrent
 * claimants of one stream wait for each other and re-check, so exactly one wins; the unique constraint on
 * events (stream_id, revision) backstops it. A lost claim becomes the port's ConcurrencyError with the
 * revision the stream is actually at.
 *
 * Round trips. All of this is one PL/pgSQL function that {@link migrate} installs (see append-function.ts),
 * called in autocommit as one named prepared statement: an append of any number of events is one round
 * trip, a conflict included.
 */
export class PostgresEventStore implements EventStore {
  private readonly names: SchemaNames;
  private readonly pageSize: number;
  private readonly pollIntervalMs: number;
  private readonly notifier = new AppendNotifier();
  private readonly listener: AppendListener;
  private readonly resolved: ResolvedPool;
  private pollTimer: NodeJS.Timeout | undefined;
  private installing: Promise<void> | undefined;
  private closed = false;

  /** A store over a pool (which stays the caller's to end) or a connection string (whose pool it owns). */
  constructor(connection: PostgresConnection, options: PostgresEventStoreOptions = {}) {
    this.resolved = resolvePool(connection);
    this.names = schemaNames(options);
    this.pageSize = options.pageSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    if (!Number.isInteger(this.pageSize) || this.pageSize < 1)
      throw new Error('pageSize must be a positive integer');
    this.listener = new AppendListener(
      this.pool,
      this.names.channel,
      () => this.notifier.notify(),
      listenerBackoff(options.listener),
    );
  }

  /** Creates a store and, unless told otherwise, migrates its schema first. */
  static async create(
    connection: PostgresConnection,
    options: CreatePostgresEventStoreOptions = {},
  ): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(connection, options);
    if (options.migrate !== false) {
      try {
        await migrate(store.pool, options);
      } catch (error) {
        await store.close();
        throw error;
      }
    }
    return store;
  }

  private get pool(): Pool {
    return this.resolved.pool;
  }

  /** Appends atomically in one transaction; throws ConcurrencyError when the expected revision does not hold. */
  async appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const expected = options.expectedRevision ?? 'any';
    if (events.length === 0) return this.checkOnly(streamId, expected);
    let outcome: AppendOutcome;
    try {
      outcome = await this.callAppend(streamId, expected, events);
    } catch (error) {
      // The claim makes this unreachable in practice; if the tables ever disagree, still answer with the port's error.
      if ((error as { constraint?: unknown }).constraint === 'events_stream_revision_key') {
        throw new ConcurrencyError(streamId, expected, await this.actualRevision(streamId));
      }
      throw error;
    }
    if (!outcome.appended) throw new ConcurrencyError(streamId, expected, outcome.actual);
    return { nextExpectedRevision: outcome.revision, position: outcome.position };
  }

  /**
   * Calls the append function; if the database lacks it (a schema an earlier version migrated, opened
   * without `create`), installs it once and calls again. The call that failed changed nothing: a statement
   * naming a missing function fails before it runs.
   */
  private async callAppend(
    streamId: string,
    expected: ExpectedRevision,
    events: readonly EventToAppend[],
  ): Promise<AppendOutcome> {
    try {
      return await callAppendFunction(this.pool, this.names, streamId, expected, events);
    } catch (error) {
      if (!isMissingAppendFunction(error)) throw error;
    }
    this.installing ??= migrateAppendFunction(this.pool, this.names).finally(() => {
      this.installing = undefined;
    });
    try {
      await this.installing;
    } catch (error) {
      throw new Error(
        `the append function ${this.names.appendFunction} is missing and could not be created: ` +
          'run migrate() once with a role that may create functions in the schema',
        { cause: error },
      );
    }
    return callAppendFunction(this.pool, this.names, streamId, expected, events);
  }

  /**
   * An empty append appends nothing but still checks the expected revision, as every store does, and answers
   * with the stream as it stands: its revision and the position of its last event (-1 for neither). One
   * statement reads both, so they come from one snapshot.
   */
  private async checkOnly(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const { rows } = await this.pool.query<{ revision: string; position: string }>(
      `SELECT s.revision, e.position FROM ${this.names.streams} s
         JOIN ${this.names.events} e ON e.stream_id = s.stream_id AND e.revision = s.revision
        WHERE s.stream_id = $1`,
      [streamId],
    );
    const row = rows[0];
    const actual: ActualRevision = row === undefined ? 'no-stream' : BigInt(row.revision);
    if (!expectedRevisionHolds(expected, actual)) throw new ConcurrencyError(streamId, expected, actual);
    return row === undefined
      ? { nextExpectedRevision: -1n, position: -1n }
      : { nextExpectedRevision: BigInt(row.revision), position: BigInt(row.position) };
  }

  private async actualRevision(streamId: string): Promise<ActualRevision> {
    const { rows } = await this.pool.query<{ revision: string }>(
      `SELECT revision FROM ${this.names.streams} WHERE stream_id = $1`,
      [streamId],
    );
    const row = rows[0];
    return row === undefined ? 'no-stream' : BigInt(row.revision);
  }

  /** Reads one stream forwards, a page per query; a missing stream reads as empty. */
  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    let from = options.fromRevision ?? 0n;
    yield* this.paged(options.maxCount, async (limit) => {
      const { rows } = await this.pool.query<EventRow>(
        `SELECT position, stream_id, revision, type, data, metadata FROM ${this.names.events}
         WHERE stream_id = $1 AND revision >= $2::bigint
         ORDER BY revision LIMIT $3`,
        [streamId, from.toString(), limit],
      );
      const last = rows[rows.length - 1];
      if (last !== undefined) from = BigInt(last.revision) + 1n;
      return rows;
    });
  }

  /** Reads the global log forwards from a position (inclusive), a page per query (keyset pagination). */
  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let from = options.fromPosition ?? 0n;
    yield* this.paged(options.maxCount, async (limit) => {
      const { rows } = await this.pool.query<EventRow>(
        `SELECT position, stream_id, revision, type, data, metadata FROM ${this.names.events}
         WHERE position >= $1::bigint
         ORDER BY position LIMIT $2`,
        [from.toString(), limit],
      );
      const last = rows[rows.length - 1];
      if (last !== undefined) from = BigInt(last.position) + 1n;
      return rows;
    });
  }

  /** Yields pages from `fetch` until one comes back short or `maxCount` rows were yielded. */
  private async *paged(
    maxCount: number | undefined,
    fetch: (limit: number) => Promise<readonly EventRow[]>,
  ): AsyncGenerator<RecordedEvent> {
    let remaining = maxCount ?? Infinity;
    while (remaining > 0) {
      const limit = Math.min(this.pageSize, remaining);
      const rows = await fetch(limit);
      for (const row of rows) yield toRecorded(row);
      if (rows.length < limit) return;
      remaining -= rows.length;
    }
  }

  /**
   * Catches up from a position, then follows live appends: woken by NOTIFY, and by a poll every
   * `pollIntervalMs` in case a notification was lost. Connection failures while reading are retried
   * (from the last delivered event), so a subscription outlives a server restart.
   */
  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    if (this.closed) throw new Error('the store is closed');
    this.startFollowing();
    return catchUpSubscription(
      {
        readFrom: (position) => this.readAllRetrying(position),
        nextAppend: () => this.notifier.next(),
      },
      options,
    );
  }

  private startFollowing(): void {
    this.listener.start();
    if (this.pollTimer === undefined) {
      this.pollTimer = setInterval(() => this.notifier.notify(), this.pollIntervalMs);
      this.pollTimer.unref();
    }
  }

  private async *readAllRetrying(fromPosition: bigint): AsyncGenerator<RecordedEvent> {
    let next = fromPosition;
    for (;;) {
      try {
        for await (const event of this.readAll({ fromPosition: next })) {
          next = event.position + 1n;
          yield event;
        }
        return;
      } catch (error) {
        if (this.closed || !isTransientConnectionError(error)) throw error;
        await sleep(this.pollIntervalMs);
      }
    }
  }

  /** Stops listening and polling, and ends the pool if the store opened it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.pollTimer !== undefined) clearInterval(this.pollTimer);
    await this.listener.stop();
    if (this.resolved.owned) await this.pool.end();
  }
}
