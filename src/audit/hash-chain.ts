import type { EventMetadata } from '../domain/shared/events.js';
import { canonicalJson, jsonString } from './canonical.js';
import { sha256Hex } from './sha256.js';

/** The parts of an event the chain hash covers: everything but the hash itself. */
export interface HashedContent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Omit<EventMetadata, 'hash'>;
}

/**
 * The tamper-evidence hash of an event: sha256 over the canonical encoding of its stream, revision, type,
 * data and metadata, the metadata including `previousHash`, the hash of the stream's previous event. Editing,
 * removing, reordering or inserting any event breaks the chain from that event on.
 */
export const eventHash = (content: HashedContent): string => sha256Hex(encodeHashedContent(content));

/** The metadata keys the handler writes, hash aside, in canonical (sorted) order. */
const METADATA_KEYS = [
  'actor',
  'causationId',
  'commandId',
  'correlationId',
  'eventId',
  'occurredAt',
  'previousHash',
  'schemaVersion',
] as const;

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * True when the content has the handler's shape: a bigint revision, string stream and type, and metadata with
 * exactly the handler's keys (with or without `hash`), every one its own property, of the handler's types.
 */
const hasHandlerShape = (content: HashedContent): boolean => {
  const { revision, streamId, type } = content;
  if (typeof revision !== 'bigint' || typeof streamId !== 'string' || typeof type !== 'string') return false;
  const metadata: unknown = content.metadata;
  if (!isRecord(metadata)) return false;
  const expectedKeys = METADATA_KEYS.length + (Object.hasOwn(metadata, 'hash') ? 1 : 0);
  if (Object.keys(metadata).length !== expectedKeys) return false;
  for (const key of METADATA_KEYS) {
    if (!Object.hasOwn(metadata, key)) return false;
    const value = metadata[key];
    if (key === 'actor' || key === 'schemaVersion') continue;
    if (typeof value !== 'string') return false;
  }
  const { actor, schemaVersion } = metadata;
  if (typeof schemaVersion !== 'number' || !isRecord(actor) || Object.keys(actor).length !== 2) return false;
  if (!Object.hasOwn(actor, 'id') || !Object.hasOwn(actor, 'role')) return false;
  return typeof actor.id === 'string' && typeof actor.role === 'string';
};

/**
 * The canonical JSON of the hashed content, exactly as `canonicalJson` writes it. Content of the handler's
 * shape (every event it writes) is written field by field in sorted order, which makes hashing several
 * times cheaper; anything else, such as a stored event with a stray metadata field, goes through
 * `canonicalJson` whole. A property test holds the two to the same bytes.
 */
const encodeHashedContent = (content: HashedContent): string => {
  if (!hasHandlerShape(content)) {
    return canonicalJson({
      streamId: content.streamId,
      revision: content.revision,
      type: content.type,
      data: content.data,
      metadata: { ...content.metadata, hash: undefined },
    });
  }
  const m = content.metadata;
  return (
    `{"data":${canonicalJson(content.data)},"metadata":{"actor":{"id":${jsonString(m.actor.id)},` +
    `"role":${jsonString(m.actor.role)}},"causationId":${jsonString(m.causationId)},` +
    `"commandId":${jsonString(m.commandId)},"correlationId":${jsonString(m.correlationId)},` +
    `"eventId":${jsonString(m.eventId)},"occurredAt":${jsonString(m.occurredAt)},` +
    `"previousHash":${jsonString(m.previousHash)},"schemaVersion":${JSON.stringify(m.schemaVersion)}},` +
    `"revision":"${content.revision}","streamId":${jsonString(content.streamId)},` +
    `"type":${jsonString(content.type)}}`
  );
};

/** A deterministic UUID-shaped event id from a command id, a stream and the event's index in the decision. */
export const deterministicEventId = (commandId: string, streamId: string, index: number): string => {
  const hex = sha256Hex(`${commandId}\u0000${streamId}\u0000${index}`);
  // Shape it as an RFC 4122 version-5-style UUID (variant bits set) so stores that want UUIDs accept it.
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
