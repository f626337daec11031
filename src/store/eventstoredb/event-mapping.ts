import type { EventMetadata } from '../../domain/shared/events.js';
import type { EventToAppend, RecordedEvent } from '../event-store.js';
import type { EsdbEventData, EsdbJson, EsdbRecordedEvent, EsdbResolvedEvent } from './client-like.js';
import { PositionUnavailableError } from './errors.js';
import { esdbEventId } from './event-ids.js';
import { esdbPositionOf, toPortPosition } from './positions.js';

// EventStoreDB's own projections ($by_correlation_id and the causation links) read these metadata keys.
const CORRELATION_KEY = '$correlationId';
const CAUSATION_KEY = '$causationId';

/** The EventStoreDB event data of a port event: its id derived from `metadata.eventId`, JSON content. */
export const toEventData = (event: EventToAppend): EsdbEventData => ({
  id: esdbEventId(event.metadata.eventId),
  contentType: 'application/json',
  type: event.type,
  data: event.data as EsdbJson,
  metadata: {
    ...event.metadata,
    [CORRELATION_KEY]: event.metadata.correlationId,
    [CAUSATION_KEY]: event.metadata.causationId,
  },
});

const portMetadata = (metadata: unknown): EventMetadata => {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    return metadata as EventMetadata;
  }
  const {
    [CORRELATION_KEY]: _correlation,
    [CAUSATION_KEY]: _causation,
    ...rest
  } = metadata as Record<string, unknown>;
  return rest as EventMetadata;
};

/** True for EventStoreDB's own events: `$`-prefixed event types (links too) or streams. */
export const isSystemEvent = (event: Pick<EsdbRecordedEvent, 'type' | 'streamId'>): boolean =>
  event.type.startsWith('$') || event.streamId.startsWith('$');

/** The port's view of a read event (undefined for an unresolved link, which carries no event). */
export const toRecordedEvent = (resolved: EsdbResolvedEvent): RecordedEvent | undefined => {
  const event = resolved.event;
  if (event === undefined) return undefined;
  const position = esdbPositionOf(resolved);
  if (position === undefined) throw new PositionUnavailableError(event.streamId, event.revision);
  return {
    streamId: event.streamId,
    type: event.type,
    data: event.data,
    metadata: portMetadata(event.metadata),
    revision: event.revision,
    position: toPortPosition(position.commit),
  };
};
