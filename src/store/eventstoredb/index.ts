export { EventStoreDbCheckpointStore, checkpointStream, CHECKPOINT_EVENT_TYPE } from './checkpoint-store.js';
export type {
  EsdbAppendResult,
  EsdbClientLike,
  EsdbDirection,
  EsdbEventData,
  EsdbExpectedRevision,
  EsdbFilter,
  EsdbJson,
  EsdbPosition,
  EsdbReadPosition,
  EsdbReadRevision,
  EsdbRecordedEvent,
  EsdbResolvedEvent,
  EsdbSubscription,
} from './client-like.js';
export { PositionUnavailableError } from './errors.js';
export { esdbEventId } from './event-ids.js';
export { EventStoreDbEventStore, type EventStoreDbOptions } from './event-store.js';
export { eventStoreDbStore } from './factory.js';
