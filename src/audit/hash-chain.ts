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
 * The tamper-evidence hash of an event: the lower-case hex sha256 of the UTF-8 bytes of the RFC 8785 (JCS)
 * encoding (see `canonicalJson`) of `{ streamId, revision, type, data, metadata }`, with `revision` as a
 * decimal string and `metadata` without `hash` but including `previousHash`, the hash of the stream's
 * previous event. An auditor in another language recomputes it with any JCS library. Editing, removing,
 * reordering or inserting any event breaks the chain from that event on.
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
  // The revision is hashed as its decimal string, as the fast path below writes it.
  const hashedRevision = typeof revision === 'bigint' ? revision.toString() : revision;
  const generic = (): string =>
    canonicalJson({
      streamId,
      revision: hashedRevision,
      type,
      data,
      metadata: { ...content.metadata, hash: undefined },
    });
  if (typeof revision !== 'bigint' || typeof streamId !== 'string' || typeof type !== 'string')
    return generic();
  if (data === undefined || !isPlainRecord(metadata) || !areHandlerKeys(Object.keys(metadata)))
    return generic();
  const { actor, causationId, commandDigest, commandId, correlationId, eventId, occurredAt } = metadata;
  const { previousHash, schemaVersion } = metadata;
  // A non-finite schemaVersion goes the generic way too, where canonicalJson refuses it.
  if (!isPlainRecord(actor) || typeof schemaVersion !== 'number' || !Number.isFinite(schemaVersion))
    return generic();
  const actorKeys = Object.keys(actor);
  if (actorKeys.length !== 2 || !actorKeys.includes('id') || !actorKeys.includes('role')) return generic();
  const { id, role } = actor;
  if (typeof id !== 'string' || typeof role !== 'string') return generic();
  if (typeof causationId !== 'string' || typeof commandId !== 'string') return generic();
  if (typeof correlationId !== 'string' || typeof eventId !== 'string') return generic();
  if (typeof occurredAt !== 'string' || typeof previousHash !== 'string') return generic();
  if (commandDigest !== undefined && typeof commandDigest !== 'string') return generic();
  let encodedData: string;
  try {
    encodedData = canonicalJson(data);
  } catch {
    // Refused: let the generic encoding refuse it too, so that the error's path starts at the content.
    return generic();
  }
  // Left out when undefined, as canonicalJson leaves out an undefined property; it sorts before commandId.
  const digest = commandDigest === undefined ? '' : `"commandDigest":${jsonString(commandDigest)},`;
  return (
    `{"data":${encodedData},"metadata":{"actor":{"id":${jsonString(id)},` +
    `"role":${jsonString(role)}},"causationId":${jsonString(causationId)},${digest}` +
    `"commandId":${jsonString(commandId)},"correlationId":${jsonString(correlationId)},` +
    `"eventId":${jsonString(eventId)},"occurredAt":${jsonString(occurredAt)},` +
    `"previousHash":${jsonString(previousHash)},"schemaVersion":${JSON.stringify(schemaVersion)}},` +
    `"revision":"${revision}","streamId":${jsonString(streamId)},"type":${jsonString(type)}}`
  );
};

/**
 * A deterministic event id from a command id, a stream and the event's index in the decision: the first 128
 * bits of sha256 over the three, shaped as an RFC 9562 version 8 UUID (the version for custom derivations;
 * variant bits `10`), so that stores that want UUIDs (EventStoreDB) accept it and a retried command yields
 * the same ids. Histories recorded before this wrote a `5` in the version nibble over the same bits (a
 * sha256 is not what version 5 means); those ids stay valid: nothing checks an event id's version, and the
 * hash chain covers the id as recorded.
 */
export const deterministicEventId = (commandId: string, streamId: string, index: number): string => {
  const hex = sha256Hex(`${commandId}\u0000${streamId}\u0000${index}`);
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
