import { createHash } from 'node:crypto';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A fixed namespace, so the same event id always yields the same UUID, in every process and release.
const NAMESPACE = Buffer.from('6c696e6c692d657364622d6576656e74', 'hex');

/**
 * The EventStoreDB event id for a port event id. The server keys idempotent appends on event ids and only
 * accepts UUIDs. The command handler already derives UUID-shaped ids from the command id, which pass
 * through unchanged; any other id becomes a name-based (version 5) UUID, so the mapping stays deterministic
 * and a retried append still carries the same ids. The original id travels in the event's metadata.
 */
export const esdbEventId = (eventId: string): string => {
  if (UUID_PATTERN.test(eventId)) return eventId.toLowerCase();
  const bytes = createHash('sha1').update(NAMESPACE).update(eventId, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
