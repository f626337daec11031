import type { z } from 'zod';
import { ROLES, type Role } from './actors.js';
import { EventMetadataSchema, type EventMetadata } from './events.js';
import { ID_MAX_LENGTH, ID_PATTERN } from './ids.js';
import { InstantSchema } from './time.js';

/** The result of {@link parseEventMetadata}: zod's result shape, whichever path produced it. */
export type MetadataParseResult = z.ZodSafeParseResult<EventMetadata>;

const HASH = /^[0-9a-f]{64}$/;
// zod's own pattern for the instant, so the hand check can never accept what the schema refuses.
const INSTANT: RegExp = InstantSchema._zod.pattern;
const ROLE_SET: ReadonlySet<string> = new Set(ROLES);

const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length >= 1 && value.length <= ID_MAX_LENGTH && ID_PATTERN.test(value);

/**
 * The well-formed metadata, rebuilt with only the schema's keys (as zod strips unknown ones), or undefined
 * when anything about it is off. Undefined sends the value to the schema, which then says exactly what.
 */
const wellFormed = (value: unknown): EventMetadata | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Readonly<Record<string, unknown>>;
  const { eventId, occurredAt, actor, commandId, correlationId, causationId, schemaVersion } = m;
  const { previousHash, hash } = m;
  if (typeof eventId !== 'string' || eventId.length === 0) return undefined;
  if (typeof occurredAt !== 'string' || !INSTANT.test(occurredAt)) return undefined;
  if (typeof actor !== 'object' || actor === null) return undefined;
  const { id, role } = actor as Readonly<Record<string, unknown>>;
  if (!isId(id) || typeof role !== 'string' || !ROLE_SET.has(role)) return undefined;
  if (!isId(commandId) || !isId(correlationId) || !isId(causationId)) return undefined;
  if (!Number.isSafeInteger(schemaVersion) || (schemaVersion as number) < 1) return undefined;
  if (typeof previousHash !== 'string' || !HASH.test(previousHash)) return undefined;
  if (typeof hash !== 'string' || !HASH.test(hash)) return undefined;
  return {
    eventId,
    occurredAt,
    actor: { id, role: role as Role },
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
