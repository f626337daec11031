/** A real in-memory store wrapped to count reads and to let a test run code just before an append. */
import type {
  AppendOptions,
  EventStore,
  EventToAppend,
  ReadStreamOptions,
  RecordedEvent,
} from '../../src/store/event-store.js';
import { InMemoryEventStore } from '../../src/store/memory.js';

export class InstrumentedStore implements EventStore {
  readonly inner = new InMemoryEventStore();
  eventsRead = 0;
  appends = 0;
  /** Runs (once) before the next append reaches the inner store: a competing writer can slip in here. */
  beforeNextAppend: ((streamId: string) => Promise<void>) | undefined;

  async appendToStream(streamId: string, events: readonly EventToAppend[], options?: AppendOptions) {
    const hook = this.beforeNextAppend;
    this.beforeNextAppend = undefined;
    if (hook !== undefined) await hook(streamId);
    this.appends += 1;
    return this.inner.appendToStream(streamId, events, options);
  }

  async *readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    for await (const event of this.inner.readStream(streamId, options)) {
      this.eventsRead += 1;
      yield event;
    }
  }

  readAll = this.inner.readAll.bind(this.inner);
  subscribeToAll = this.inner.subscribeToAll.bind(this.inner);
  close = this.inner.close.bind(this.inner);
}
