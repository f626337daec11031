import { z } from 'zod';
import { compiledSchema } from './compiled-schema.js';
import { EventMetadataSchema, type EventMetadata } from './events.js';

/** The result of {@link parseEventMetadata}: zod's result. */
export type MetadataParseResult = z.ZodSafeParseResult<EventMetadata>;

/** The metadata schema with the two hashes taken as any string, for hashes the caller computed itself. */
const MetadataWithComputedHashesSchema = EventMetadataSchema.extend({
  previousHash: z.string(),
  hash: z.string(),
});

// Compiled on first use (every stored event is read through here), not when the module is imported.
let metadataSchema: typeof EventMetadataSchema | undefined;
let withComputedHashesSchema: typeof MetadataWithComputedHashesSchema | undefined;

/** Parses the metadata of a stored event against {@link EventMetadataSchema}, with the schema's result. */
export const parseEventMetadata = (value: unknown): MetadataParseResult =>
  (metadataSchema ??= compiledSchema(EventMetadataSchema)).safeParse(value);

/**
 * {@link parseEventMetadata} for metadata whose `hash` and `previousHash` the caller has already found equal
 * to strings it produced itself as sha256 digests (the audit's chain verifier): those two are then
 * well-formed by construction and their patterns are not tested again, two regular expressions an event.
 * Anything refused is parsed again by the full schema, so the issues are the ones it reports. Internal to
 * linli (not exported from the package): a wrong promise here would let a malformed hash through.
 */
export const parseEventMetadataWithComputedHashes = (value: unknown): MetadataParseResult => {
  const parsed = (withComputedHashesSchema ??= compiledSchema(MetadataWithComputedHashesSchema)).safeParse(
    value,
  );
  return parsed.success ? parsed : parseEventMetadata(value);
};
