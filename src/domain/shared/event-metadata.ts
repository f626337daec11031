import type { z } from 'zod';
import { EventMetadataSchema, HASH_PATTERN, type EventMetadata } from './events.js';
import { isId, isInstant, isPlainRecord, isRole } from './hand-checks.js';

/** The result of {@link parseEventMetadata}: zod's result shape, whichever path produced it. */
export type MetadataParseResult = z.ZodSafeParseResult<EventMetadata>;

/**
 * The well-formed metadata, rebuilt with only the schema's keys (as zod strips unknown ones), or undefined
 * when anything about it is off. Undefined sends the value to the schema, which then says exactly what.
 */
const wellFormed = (value: unknown): EventMetadata | undefined => {
  if (!isPlainRecord(value)) return undefined;
  const { eventId, occurredAt, actor, commandId, correlationId, causationId, schemaVersion } = value;
  const { previousHash, hash } = value;
  if (typeof eventId !== 'string' || eventId.length === 0) return undefined;
  if (!isInstant(occurredAt) || !isPlainRecord(actor)) return undefined;
  const { id, role } = actor;
  if (!isId(id) || !isRole(role)) return undefined;
  if (!isId(commandId) || !isId(correlationId) || !isId(causationId)) return undefined;
  if (!Number.isSafeInteger(schemaVersion) || (schemaVersion as number) < 1) return undefined;
  if (typeof previousHash !== 'string' || !HASH_PATTERN.test(previousHash)) return undefined;
  if (typeof hash !== 'string' || !HASH_PATTERN.test(hash)) return undefined;
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
  const data = wellFormed(value);
  return data === undefined ? EventMetadataSchema.safeParse(value) : { success: true, data };
};
