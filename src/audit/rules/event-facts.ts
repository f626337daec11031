import type { RecordedEvent } from '../../store/event-store.js';

/**
 * The event id a recorded event's metadata carries, if it is a string. Metadata is read as unknown: an event
 * whose metadata failed its schema has already been reported and may still reach the domain checks.
 */
export const eventIdOf = (recorded: RecordedEvent): string | undefined => {
  const id = (recorded.metadata as { eventId?: unknown }).eventId;
  return typeof id === 'string' ? id : undefined;
};

/** Milliseconds since the epoch of the event's `occurredAt`, if it is a readable instant. */
export const occurredAtOf = (recorded: RecordedEvent): number | undefined => {
  const at = (recorded.metadata as { occurredAt?: unknown }).occurredAt;
  if (typeof at !== 'string') return undefined;
  const millis = Date.parse(at);
  return Number.isNaN(millis) ? undefined : millis;
};
