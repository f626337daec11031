import {
  ConcurrencyError,
  expectedRevisionHolds,
  matchesFilter,
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
import type {
  EsdbAppendResult,
  EsdbClientLike,
  EsdbPosition,
  EsdbReadPosition,
  EsdbResolvedEvent,
  EsdbSubscription,
} from './client-like.js';
import { isStreamNotFound, isWrongExpectedVersion, PositionUnavailableError } from './errors.js';
import { isSystemEvent, toEventData, toRecordedEvent } from './event-mapping.js';
import { boundaryOf, esdbPositionOf, isAfter, namesAnEvent, toPortPosition } from './positions.js';
import { toActualRevision, toEsdbExpectedRevision } from './revisions.js';
import { serverFilterFor } from './server-filter.js';

/** Options of {@link EventStoreDbEventStore}. */
export interface EventStoreDbOptions {
  /** Events per read request; every request is read to its end, so none is left open. Defaults to 256. */
  readonly pageSize?: number;
}

const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
};

const CLOSED = Symbol('closed');

/**
 * The EventStore port on EventStoreDB, through any client shaped like {@link EsdbClientLike}.
 * - Expected revisions map to `no_stream` / `stream_exists` / `any` / a bigint; a WrongExpectedVersionError
 *   becomes a {@link ConcurrencyError} with the stream's actual revision.
 * - Event ids come from `metadata.eventId` (see `esdbEventId`), so the server recognises a retried append
 *   at the same expected revision and answers it without writing the events twice.
 * - Positions are twice the `$all` commit position (see `positions.ts` for why).
 * - `readAll` and subscriptions skip EventStoreDB's own events (`$`-prefixed types or streams).
 * - Subscriptions are the server's catch-up subscriptions, filtered on the server by stream prefix.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly pageSize: number;

  /** Wraps a client; the store owns it from now on and disposes of it on {@link close}. */
  constructor(
    readonly client: EsdbClientLike,
    options: EventStoreDbOptions = {},
  ) {
    this.pageSize = Math.max(1, options.pageSize ?? 256);
  }

  /** Appends atomically; throws ConcurrencyError when the expected revision does not hold. */
  async appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const expected = options.expectedRevision ?? 'any';
    if (events.length === 0) return this.appendNothing(streamId, expected);
    let result: EsdbAppendResult;
    try {
      result = await this.client.appendToStream(streamId, events.map(toEventData), {
        expectedRevision: toEsdbExpectedRevision(expected),
      });
    } catch (error) {
      if (isWrongExpectedVersion(error)) {
        throw new ConcurrencyError(streamId, expected, toActualRevision(error.actualVersion));
      }
      throw error;
    }
    // A client built with throwOnAppendFailure=false reports the conflict in the result instead.
    if (result.success === false) {
      throw new ConcurrencyError(streamId, expected, toActualRevision(result.nextExpectedRevision));
    }
    const commit = result.position?.commit ?? (await this.commitOf(streamId, result.nextExpectedRevision));
    return { nextExpectedRevision: result.nextExpectedRevision, position: toPortPosition(commit) };
  }

  /** Reads one stream forwards; a stream that does not exist reads as empty. */
  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    let next = options.fromRevision ?? 0n;
    let remaining = options.maxCount ?? Infinity;
    while (remaining > 0) {
      const want = Math.min(this.pageSize, remaining);
      const page = await this.streamPage(streamId, next, want, 'forwards');
      for (const resolved of page) {
        const event = toRecordedEvent(resolved);
        if (event !== undefined) yield event;
      }
      const last = page[page.length - 1]?.event;
      if (page.length < want || last === undefined) return;
      remaining -= page.length;
      next = last.revision + 1n;
    }
  }

  /**
   * Reads `$all` forwards from a position (inclusive), skipping system events. The read starts at the record
   * boundary that the position decodes to and drops what lies below the position.
   */
  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const from = options.fromPosition ?? 0n;
    let remaining = options.maxCount ?? Infinity;
    let start: EsdbReadPosition = boundaryOf(from);
    let after: EsdbPosition | undefined;
    while (remaining > 0) {
      const page = await collect(
        this.client.readAll({ fromPosition: start, maxCount: this.pageSize, direction: 'forwards' }),
      );
      let last: EsdbPosition | undefined;
      for (const resolved of page) {
        const position = esdbPositionOf(resolved);
        if (position === undefined) continue;
        last = position;
        // Each further page starts at the last record of the previous one, inclusively.
        if (after !== undefined && !isAfter(position, after)) continue;
        const event = this.deliverable(resolved, from);
        if (event === undefined) continue;
        yield event;
        if (--remaining <= 0) return;
      }
      if (page.length < this.pageSize || last === undefined) return;
      start = last;
      after = last;
    }
  }

  /**
   * A catch-up subscription to `$all` from a position (inclusive). The server's catch-up subscriptions start
   * AFTER the position they are given, so a start that names an event reads that one event first and then
   * subscribes after it; a start in the gap after an event subscribes after that event directly.
   */
  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    const from = options.fromPosition ?? 0n;
    const client = this.client;
    let closed = false;
    let wakeClosed: () => void = () => undefined;
    const closedSignal = new Promise<typeof CLOSED>((resolve) => {
      wakeClosed = () => resolve(CLOSED);
    });
    const accept = (resolved: EsdbResolvedEvent): RecordedEvent | undefined => {
      const event = this.deliverable(resolved, from);
      return event !== undefined && matchesFilter(event, options.filter) ? event : undefined;
    };

    async function* iterate(): AsyncGenerator<RecordedEvent> {
      let subscription: EsdbSubscription | undefined;
      try {
        let after: EsdbReadPosition = boundaryOf(from);
        if (namesAnEvent(from) && typeof after === 'object') {
          const [first] = await collect(
            client.readAll({ fromPosition: after, maxCount: 1, direction: 'forwards' }),
          );
          if (closed) return;
          const firstPosition = first === undefined ? undefined : esdbPositionOf(first);
          if (first !== undefined && firstPosition !== undefined) {
            after = firstPosition;
            const event = accept(first);
            if (event !== undefined) yield event;
          }
        }
        if (closed) return;
        subscription = client.subscribeToAll({
          fromPosition: after,
          filter: serverFilterFor(options.filter),
        });
        const iterator = subscription[Symbol.asyncIterator]();
        while (!closed) {
          const pending = iterator.next();
          const next = await Promise.race([pending, closedSignal]);
          if (next === CLOSED) {
            // Abandoned: whatever it settles to later (an error once the call is gone) is of no interest.
            pending.catch(() => undefined);
            return;
          }
          if (next.done === true) return;
          const event = accept(next.value);
          if (event !== undefined) yield event;
        }
      } finally {
        await subscription?.unsubscribe();
      }
    }

    const iterator = iterate();
    return {
      [Symbol.asyncIterator]: () => iterator,
      close: async () => {
        closed = true;
        wakeClosed();
        await iterator.return(undefined);
      },
    };
  }

  /** Disposes of the client. */
  async close(): Promise<void> {
    await this.client.dispose();
  }

  /** The port event for an `$all` item, unless it is a system event or lies below `from`. */
  private deliverable(resolved: EsdbResolvedEvent, from: bigint): RecordedEvent | undefined {
    if (resolved.event === undefined || isSystemEvent(resolved.event)) return undefined;
    const event = toRecordedEvent(resolved);
    return event !== undefined && event.position >= from ? event : undefined;
  }

  private async streamPage(
    streamId: string,
    fromRevision: bigint | 'end',
    maxCount: number,
    direction: 'forwards' | 'backwards',
  ): Promise<EsdbResolvedEvent[]> {
    try {
      return await collect(this.client.readStream(streamId, { fromRevision, maxCount, direction }));
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
  }

  /** The commit position of one event, for servers that leave it out of an (idempotent) append's answer. */
  private async commitOf(streamId: string, revision: bigint): Promise<bigint> {
    const [resolved] = await this.streamPage(streamId, revision, 1, 'forwards');
    const position = resolved === undefined ? undefined : esdbPositionOf(resolved);
    if (position === undefined) throw new PositionUnavailableError(streamId, revision);
    return position.commit;
  }

  /** An append of no events writes nothing; it still checks the expected revision, as a real append would. */
  private async appendNothing(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const [last] = await this.streamPage(streamId, 'end', 1, 'backwards');
    const event = last === undefined ? undefined : toRecordedEvent(last);
    const actual = event === undefined ? 'no-stream' : event.revision;
    if (!expectedRevisionHolds(expected, actual)) throw new ConcurrencyError(streamId, expected, actual);
    return { nextExpectedRevision: event?.revision ?? -1n, position: event?.position ?? -1n };
  }
}
