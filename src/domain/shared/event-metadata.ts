import type { z } from 'zod';
import { EventMetadataSchema, HASH_PATTERN, type EventMetadata } from './events.js';
import { isId, isInstant, isPlainRecord, isRole } from './hand-checks.js';

/** The result of {@link parseEventMetadata}: zod's result shape, whichever path produced it. */
export type MetadataParseResult = z.ZodSafeParseResult<EventMetadata>;

/**
 * The well-formed metadata, rebuilt with only the schema's keys (as zod strips unknown ones), or undefined
 * when anything about it is off. Undefined sends the value to the schema, which then says exactly what.
 */
const wellFormed = (value: unknown, hashesVerified: boolean): EventMetadata | undefined => {
  if (!isPlainRecord(value)) return undefined;
  const { eventId, occurredAt, actor, commandId, correlationId, causationId, schemaVersion } = value;
  const { previousHash, hash } = value;
  if (typeof eventId !== 'string' || eventId.length === 0) return undefined;
  if (!isInstant(occurredAt) || !isPlainRecord(actor)) return undefined;
  const { id, role } = actor;
  if (!isId(id) || !isRole(role)) return undefined;
  if (!isId(commandId) || !isId(correlationId) || !isId(causationId)) return undefined;
  if (!Number.isSafeInteger(schemaVersion) || (schemaVersion as number) < 1) return undefined;
  if (typeof previousHash !== 'string' || typeof hash !== 'string') return undefined;
  if (!hashesVerified && !(HASH_PATTERN.test(previousHash) && HASH_PATTERN.test(hash))) return undefined;
  return {
    eventId,
    occurredAt,
    actor: { id, role },
    commandId,
    correlationId,
    causationId,
    schemaVersion: schemaVersion as number,
    previousHash,
    hash,
  };
};

/**
 * Parses the metadata of a stored event against {@link EventMetadataSchema}, with the schema's result.
 * Every stored event is read through here, so well-formed metadata (nearly all of it) is checked by hand
 * with the schema's own patterns, several times faster than the generic parse; anything else goes to the
 * schema itself, for its issues. A property test holds the two paths to the same answer.
 */
export const parseEventMetadata = (value: unknown): MetadataParseResult => {
  const data = wellFormed(value, false);
  return data === undefined ? EventMetadataSchema.safeParse(value) : { success: true, data };
};

/**
 * {@link parseEventMetadata} for metadata whose `hash` and `previousHash` the caller has already found equal
 * to sha256 digests it computed itself (the audit's chain verifier, for an intact chain): those two are then
 * well-formed by construction and their patterns are not tested again, two regular expressions an event.
 * Internal to linli (not exported from the package): a wrong promise here would let a malformed hash through.
 */
export const parseEventMetadataOfVerifiedChain = (value: unknown): MetadataParseResult => {
  const data = wellFormed(value, true);
  return data === undefined ? EventMetadataSchema.safeParse(value) : { success: true, data };
};
