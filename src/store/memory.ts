import { isDeepFrozenData } from '../domain/shared/freeze.js';
import { AppendNotifier, catchUpSubscription } from './catch-up.js';
import {
  ConcurrencyError,
  expectedRevisionHolds,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from './event-store.js';

/**
 * A frozen deep copy of JSON data, made in one pass: the store keeps its own copy, so a caller mutating its
 * objects afterwards cannot rewrite history, and readers cannot mutate what they are handed.
 */
const frozenCopy = <T>(value: T): T => {
  if (typeof value !== 'object' || value === null) return value;
  // Data frozen all the way down (the command handler freezes what it appends) cannot change: share it.
  if (isDeepFrozenData(value)) return value;
  if (Array.isArray(value)) return Object.freeze(value.map(frozenCopy)) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const inner = frozenCopy((value as Record<string, unknown>)[key]);
    // Assigning `__proto__` (a legal JSON key) would set the prototype, so that one key is defined instead;
    // every other key is assigned, which V8 does several times faster than defineProperty.
    if (key === '__proto__') {
      Object.defineProperty(copy, key, {
        value: inner,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      copy[key] = inner;
    }
  }
  return Object.freeze(copy) as T;
};

/**
 * The embedded default store: the whole log in memory, with the port's full semantics (expected revisions,
 * atomic appends, global order, catch-up subscriptions). Appended data is copied and frozen (or shared, when
 * it is already frozen all the way down), so a caller that mutates its objects afterwards cannot rewrite
 * history.
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly notifier = new AppendNotifier();

  /** Appends atomically; throws ConcurrencyError when the expected revision does not hold. */
  async appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const stream = this.streams.get(streamId) ?? [];
    const actual = stream.length === 0 ? 'no-stream' : BigInt(stream.length - 1);
    const expected = options.expectedRevision ?? 'any';
    if (!expectedRevisionHolds(expected, actual)) throw new ConcurrencyError(streamId, expected, actual);
    if (events.length === 0) {
      // Nothing appended: the stream as it stands, its revision and the position of its last event.
      return { nextExpectedRevision: BigInt(stream.length - 1), position: stream.at(-1)?.position ?? -1n };
    }
    for (const event of events) {
      const recorded: RecordedEvent = Object.freeze({
        type: event.type,
        data: frozenCopy(event.data),
        metadata: frozenCopy(event.metadata),
        streamId,
        revision: BigInt(stream.length),
        position: BigInt(this.log.length),
      });
      stream.push(recorded);
      this.log.push(recorded);
    }
    this.streams.set(streamId, stream);
    this.notifier.notify();
    return { nextExpectedRevision: BigInt(stream.length - 1), position: BigInt(this.log.length - 1) };
  }

  /** Reads one stream forwards; a missing stream reads as empty. */
  readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    return new SliceReader(
      () => this.streams.get(streamId),
      Number(options.fromRevision ?? 0n),
      options.maxCount,
    );
  }

  /** Reads the whole log in position order, from `fromPosition`. */
  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return new SliceReader(() => this.log, Number(options.fromPosition ?? 0n), options.maxCount);
  }

  /** Catches up from a position, then follows live appends. */
  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    return catchUpSubscription(
      {
        readFrom: (position) => this.readAll({ fromPosition: position }),
        nextAppend: () => this.notifier.next(),
      },
      options,
    );
  }

  /** Nothing to release; present for the port. */
  async close(): Promise<void> {}
}

/**
 * Reads part of an array of events as an async iterator: one resolved promise a step, where an async
 * generator costs several, and the handler reads a stream on every command (usually finding nothing new).
 * The array is looked up and its length read again at every step: events appended while a reader iterates
 * are part of what it reads, even into a stream that did not exist when the read began.
 */
class SliceReader implements AsyncIterableIterator<RecordedEvent> {
  private index: number;
  private readonly end: number;

  constructor(
    private readonly events: () => readonly RecordedEvent[] | undefined,
    from: number,
    maxCount: number | undefined,
  ) {
    this.index = Math.max(0, from);
    this.end = maxCount === undefined ? Infinity : this.index + maxCount;
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<RecordedEvent> {
    return this;
  }

  next(): Promise<IteratorResult<RecordedEvent>> {
    const events = this.events();
    if (events !== undefined && this.index < events.length && this.index < this.end) {
      const value = events[this.index] as RecordedEvent;
      this.index += 1;
      return Promise.resolve({ done: false, value });
    }
    return this.finish();
  }

  /** Ends the read (a reader that breaks out early, or the end reached): every later step is done. */
  return(): Promise<IteratorResult<RecordedEvent>> {
    return this.finish();
  }

  private finish(): Promise<IteratorResult<RecordedEvent>> {
    this.index = this.end;
    return Promise.resolve({ done: true, value: undefined });
  }
}
