/**
 * The slice of an EventStoreDB gRPC client that the adapter uses, written down as plain types. The
 * `EventStoreDBClient` of `@eventstore/db-client` 6.x satisfies it as it is; its successor
 * `@kurrent/kurrentdb-client` has the same methods and shapes, so swapping clients means writing another
 * factory, not touching the adapter. Names and literal values follow the client (`no_stream`, `forwards`).
 */

/** A place in `$all`: the commit and prepare offsets of a record in the server's transaction log. */
export interface EsdbPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** Where a read of `$all` starts. */
export type EsdbReadPosition = 'start' | 'end' | EsdbPosition;

/** Where a read of a stream starts. */
export type EsdbReadRevision = 'start' | 'end' | bigint;

/** Which way a read goes. */
export type EsdbDirection = 'forwards' | 'backwards';

/** The state a writer expects a stream to be in, as the client spells it. */
export type EsdbExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** JSON event data or metadata, as the client types it (it serialises with `JSON.stringify`). */
export type EsdbJson = Record<string | number, unknown> | unknown[] | string;

/** An event to append, as the client's `jsonEvent()` builds it. */
export interface EsdbEventData {
  readonly id: string;
  readonly contentType: 'application/json';
  readonly type: string;
  readonly data: EsdbJson;
  readonly metadata: EsdbJson | undefined;
}

/** An event as the client returns it. */
export interface EsdbRecordedEvent {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: unknown;
  readonly isJson: boolean;
  /** Absent from stream reads of servers before 22.6, and from events written in explicit transactions. */
  readonly position?: EsdbPosition;
}

/** One item of a read or subscription: the event, and for `$all` its commit position. */
export interface EsdbResolvedEvent {
  readonly event?: EsdbRecordedEvent;
  readonly commitPosition?: bigint;
}

/** A server-side subscription filter (what the client's `streamNameFilter()` and friends build). */
export type EsdbFilter =
  | { filterOn: 'streamName' | 'eventType'; prefixes: string[]; checkpointInterval: number }
  | { filterOn: 'streamName' | 'eventType'; regex: string; checkpointInterval: number };

/** The result of an append. */
export interface EsdbAppendResult {
  /** False only from a client built with `throwOnAppendFailure=false`, when the expected revision failed. */
  readonly success?: boolean;
  readonly nextExpectedRevision: bigint;
  /** Absent when the server does not report it (idempotent writes on older servers). */
  readonly position?: EsdbPosition;
}

/** A live catch-up subscription. */
export interface EsdbSubscription extends AsyncIterable<EsdbResolvedEvent> {
  unsubscribe(): Promise<void>;
}

/** The methods of an EventStoreDB client that the adapter calls. */
export interface EsdbClientLike {
  appendToStream(
    streamName: string,
    events: EsdbEventData[],
    options?: { expectedRevision?: EsdbExpectedRevision },
  ): Promise<EsdbAppendResult>;
  readStream(
    streamName: string,
    options?: { fromRevision?: EsdbReadRevision; maxCount?: number; direction?: EsdbDirection },
  ): AsyncIterable<EsdbResolvedEvent>;
  readAll(options?: {
    fromPosition?: EsdbReadPosition;
    maxCount?: number;
    direction?: EsdbDirection;
  }): AsyncIterable<EsdbResolvedEvent>;
  subscribeToAll(options?: { fromPosition?: EsdbReadPosition; filter?: EsdbFilter }): EsdbSubscription;
  dispose(): Promise<void>;
}
