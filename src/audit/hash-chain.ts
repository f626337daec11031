import type { EventMetadata } from '../domain/shared/events.js';
import { isPlainRecord } from '../domain/shared/plain-record.js';
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

/** The metadata keys the handler writes, hash aside. */
const METADATA_KEYS: ReadonlySet<string> = new Set([
  'actor',
  'causationId',
  'commandId',
  'correlationId',
  'eventId',
  'occurredAt',
  'previousHash',
  'schemaVersion',
]);

/** A metadata key the handler writes on new events only: events recorded before it existed lack it. */
const OPTIONAL_KEY = 'commandDigest';

/**
 * True when `keys` (an object's own enumerable keys) are exactly the handler's metadata keys, `hash` and
 * `commandDigest` allowed.
 */
const areHandlerKeys = (keys: readonly string[]): boolean => {
  let known = 0;
  for (const key of keys) {
    if (METADATA_KEYS.has(key)) known += 1;
    else if (key !== 'hash' && key !== OPTIONAL_KEY) return false;
  }
  return known === METADATA_KEYS.size;
};

/**
 * The canonical JSON of the hashed content, exactly as `canonicalJson` writes it. Content of the handler's
 * shape (every event it writes: data present, a bigint revision, string stream and type, metadata with
 * exactly the handler's enumerable keys and types, `commandDigest` present or not) is written field by field in sorted order, each field
 * read once, which makes hashing several times cheaper; anything else, such as a stored event with a stray
 * metadata field, goes through `canonicalJson` whole. A property test holds the two to the same bytes.
 */
const encodeHashedContent = (content: HashedContent): string => {
  const { streamId, revision, type, data } = content;
  const metadata: unknown = content.metadata;
  const generic = (): string =>
    canonicalJson({ streamId, revision, type, data, metadata: { ...content.metadata, hash: undefined } });
  if (typeof revision !== 'bigint' || typeof streamId !== 'string' || typeof type !== 'string')
    return generic();
  if (data === undefined || !isPlainRecord(metadata) || !areHandlerKeys(Object.keys(metadata)))
    return generic();
  const { actor, causationId, commandDigest, commandId, correlationId, eventId, occurredAt } = metadata;
  const { previousHash, schemaVersion } = metadata;
  if (!isPlainRecord(actor) || typeof schemaVersion !== 'number') return generic();
  const actorKeys = Object.keys(actor);
  if (actorKeys.length !== 2 || !actorKeys.includes('id') || !actorKeys.includes('role')) return generic();
  const { id, role } = actor;
  if (typeof id !== 'string' || typeof role !== 'string') return generic();
  if (typeof causationId !== 'string' || typeof commandId !== 'string') return generic();
  if (typeof correlationId !== 'string' || typeof eventId !== 'string') return generic();
  if (typeof occurredAt !== 'string' || typeof previousHash !== 'string') return generic();
  if (commandDigest !== undefined && typeof commandDigest !== 'string') return generic();
  // Left out when undefined, as canonicalJson leaves out an undefined property; it sorts before commandId.
  const digest = commandDigest === undefined ? '' : `"commandDigest":${jsonString(commandDigest)},`;
  return (
    `{"data":${canonicalJson(data)},"metadata":{"actor":{"id":${jsonString(id)},` +
    `"role":${jsonString(role)}},"causationId":${jsonString(causationId)},${digest}` +
    `"commandId":${jsonString(commandId)},"correlationId":${jsonString(correlationId)},` +
    `"eventId":${jsonString(eventId)},"occurredAt":${jsonString(occurredAt)},` +
    `"previousHash":${jsonString(previousHash)},"schemaVersion":${JSON.stringify(schemaVersion)}},` +
    `"revision":"${revision}","streamId":${jsonString(streamId)},"type":${jsonString(type)}}`
  );
};

/** A deterministic UUID-shaped event id from a command id, a stream and the event's index in the decision. */
export const deterministicEventId = (commandId: string, streamId: string, index: number): string => {
  const hex = sha256Hex(`${commandId}\u0000${streamId}\u0000${index}`);
  // Shape it as an RFC 4122 version-5-style UUID (variant bits set) so stores that want UUIDs accept it.
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
