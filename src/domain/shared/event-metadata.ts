import { z } from 'zod';
import { EventMetadataSchema, type EventMetadata } from './events.js';

/** The result of {@link parseEventMetadata}: zod's result. */
export type MetadataParseResult = z.ZodSafeParseResult<EventMetadata>;

// Every stored event is read through here, so the schema is compiled by zod once (same answers and issues,
// several times faster than the generic parse).
const compiledMetadata = z.compile(EventMetadataSchema);

// The same schema with the two hashes taken as any string, for hashes the caller computed itself.
const compiledMetadataOfVerifiedChain = z.compile(
  EventMetadataSchema.extend({ previousHash: z.string(), hash: z.string() }),
);

/** Parses the metadata of a stored event against {@link EventMetadataSchema}, with the schema's result. */
export const parseEventMetadata = (value: unknown): MetadataParseResult => compiledMetadata.safeParse(value);

/**
 * {@link parseEventMetadata} for metadata whose `hash` and `previousHash` the caller has already found equal
 * to sha256 digests it computed itself (the audit's chain verifier, for an intact chain): those two are then
 * well-formed by construction and their patterns are not tested again, two regular expressions an event.
 * Anything refused is parsed again by the full schema, so the issues are the ones it reports. Internal to
 * linli (not exported from the package): a wrong promise here would let a malformed hash through.
 */
export const parseEventMetadataOfVerifiedChain = (value: unknown): MetadataParseResult => {
  const parsed = compiledMetadataOfVerifiedChain.safeParse(value);
  return parsed.success ? parsed : compiledMetadata.safeParse(value);
};
