import type { EventMetadata } from '../domain/shared/events.js';

/**
 * The revision a writer expects the stream to be at:
 * - `'no-stream'`: the stream must not exist yet;
 * - `'stream-exists'`: the stream must have at least one event;
 * - `'any'`: no check;
 * - a bigint `n`: the stream's last event must be at revision `n` (revisions start at 0).
 */
export type ExpectedRevision = 'no-stream' | 'stream-exists' | 'any' | bigint;

/** The revision a stream is actually at: `'no-stream'` or the revision of its last event. */
export type ActualRevision = 'no-stream' | bigint;

/** An event about to be appended: type, JSON data and its metadata. */
export interface EventToAppend {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/** An event as a store returns it: what was appended, plus where it stands in its stream and in the log. */
export interface RecordedEvent extends EventToAppend {
  readonly streamId: string;
  /** The event's place in its stream, from 0. */
  readonly revision: bigint;
  /** The event's place in the global log; strictly increasing in commit order, not necessarily contiguous. */
  readonly position: bigint;
}

/** What an append returns: the revision the stream is now at and the global position of its last event. */
export interface AppendResult {
  readonly nextExpectedRevision: bigint;
  readonly position: bigint;
}

/** Options of {@link EventStore.appendToStream}. */
export interface AppendOptions {
  /** Defaults to `'any'`. */
  readonly expectedRevision?: ExpectedRevision;
}

/** Options of {@link EventStore.readStream}. */
export interface ReadStreamOptions {
  /** The first revision to read (inclusive); defaults to 0. */
  readonly fromRevision?: bigint;
  /** At most this many events. */
  readonly maxCount?: number;
}

/** Options of {@link EventStore.readAll}. */
export interface ReadAllOptions {
  /** The first global position to read (inclusive); defaults to the start of the log. */
  readonly fromPosition?: bigint;
  /** At most this many events. */
  readonly maxCount?: number;
}

/** Which events a subscription delivers. Both lists, when given, must match. */
export interface SubscriptionFilter {
  /** Deliver only events whose stream name starts with one of these prefixes (`problem-`, `task-`). */
  readonly streamPrefixes?: readonly string[];
  /** Deliver only events of these types. */
  readonly eventTypes?: readonly string[];
}

/** Options of {@link EventStore.subscribeToAll}. */
export interface SubscribeOptions {
  /** The first global position to deliver (inclusive); defaults to the start of the log. */
  readonly fromPosition?: bigint;
  readonly filter?: SubscriptionFilter;
}

/**
 * A catch-up subscription: iterate it with `for await` to receive every matching event in global order,
 * first the history and then live appends, each exactly once. `close()` ends the iteration.
 */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

/**
 * The port every event store implements. Streams are append-only; revisions are per stream, positions are
 * global. Appends are atomic: all the events of one call become visible together, or none do.
 */
export interface EventStore {
  /** Appends events atomically; throws {@link ConcurrencyError} when the expected revision does not hold. */
  appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options?: AppendOptions,
  ): Promise<AppendResult>;
  /** Reads one stream forwards from a revision. A stream that does not exist reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  /** Reads the global log forwards from a position, in commit order. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** Catches up from a position, then follows live appends. */
  subscribeToAll(options?: SubscribeOptions): Subscription;
  /** Releases the store's resources (connections, timers). */
  close(): Promise<void>;
}

/** The stable code of a {@link ConcurrencyError}. */
export const CONCURRENCY_CONFLICT = 'concurrency-conflict' as const;

/** An append whose expected revision did not hold: another writer got there first. */
export class ConcurrencyError extends Error {
  readonly code = CONCURRENCY_CONFLICT;

  /** Creates the error for a stream, with the revision the writer expected and the one it found. */
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: ActualRevision,
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'ConcurrencyError';
  }
}

/** True when `error` is a {@link ConcurrencyError} (also across copies of the library). */
export const isConcurrencyError = (error: unknown): error is ConcurrencyError =>
  error instanceof ConcurrencyError ||
  (typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === CONCURRENCY_CONFLICT);

/** Checks an expected revision against the actual one, as every adapter must. */
export const expectedRevisionHolds = (expected: ExpectedRevision, actual: ActualRevision): boolean => {
  if (expected === 'any') return true;
  if (expected === 'no-stream') return actual === 'no-stream';
  if (expected === 'stream-exists') return actual !== 'no-stream';
  return actual === expected;
};

/** True when an event passes a subscription filter. */
export const matchesFilter = (
  event: Pick<RecordedEvent, 'streamId' | 'type'>,
  filter: SubscriptionFilter | undefined,
): boolean =>
  (filter?.streamPrefixes === undefined || filter.streamPrefixes.some((p) => event.streamId.startsWith(p))) &&
  (filter?.eventTypes === undefined || filter.eventTypes.includes(event.type));
