import {
  matchesFilter,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from './event-store.js';

/**
 * A wake-up signal for subscribers. A subscriber takes `next()` *before* it reads, so an append that lands
 * while it is reading has already resolved the promise it then waits on: no wake-up is ever missed.
 */
export class AppendNotifier {
  private resolveCurrent: () => void = () => undefined;
  private current: Promise<void> = this.fresh();

  private fresh(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.resolveCurrent = resolve;
    });
  }

  /** Wakes every subscriber waiting now. */
  notify(): void {
    const resolve = this.resolveCurrent;
    this.current = this.fresh();
    resolve();
  }

  /** A promise that resolves at the next {@link AppendNotifier.notify}. */
  next(): Promise<void> {
    return this.current;
  }
}

/** What a store gives {@link catchUpSubscription}: a way to read the log and a way to wait for more. */
export interface CatchUpSource {
  /** Reads the log from `position` (inclusive) to its current end. */
  readFrom(position: bigint): AsyncIterable<RecordedEvent>;
  /** A promise that resolves when more events may have been appended (taken before reading). */
  nextAppend(): Promise<void>;
}

/**
 * A catch-up subscription over any store: reads the history from `fromPosition`, then waits for appends and
 * reads on from the last delivered position. Every matching event is delivered once, in global order.
 */
export const catchUpSubscription = (source: CatchUpSource, options: SubscribeOptions = {}): Subscription => {
  let closed = false;
  let wakeClosed: () => void = () => undefined;
  const closedSignal = new Promise<void>((resolve) => {
    wakeClosed = resolve;
  });

  async function* iterate(): AsyncGenerator<RecordedEvent> {
    let next = options.fromPosition ?? 0n;
    while (!closed) {
      const appended = source.nextAppend();
      for await (const event of source.readFrom(next)) {
        if (closed) return;
        next = event.position + 1n;
        if (matchesFilter(event, options.filter)) yield event;
      }
      await Promise.race([appended, closedSignal]);
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
};
