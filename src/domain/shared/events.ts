import { z } from 'zod';
import { RecordedActorSchema } from './actors.js';
import { IdSchema } from './ids.js';
import { InstantSchema } from './time.js';

/** A domain event as a decider emits it: a type from the catalogue and its data. */
export interface DomainEvent<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
}

/** A command as a caller sends it: a type from the catalogue and its data. */
export interface DomainCommand<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
}

/** A chain hash as metadata holds it: a sha256 digest in 64 lower-case hex digits. */
export const HASH_PATTERN = /^[0-9a-f]{64}$/;

/**
 * Metadata every recorded event carries. `previousHash` and `hash` chain the event to the previous one of
 * its stream (see `src/audit/hash-chain.ts`), so that any edit, removal, reordering or insertion shows.
 * Strict: a field it does not name (a person's name, an invented flag) makes the metadata invalid.
 */
export const EventMetadataSchema = z.strictObject({
  eventId: z.string().min(1),
  occurredAt: InstantSchema,
  actor: z.strictObject(RecordedActorSchema.shape),
  commandId: IdSchema,
  /**
   * The sha256 of the command that recorded the event (its type, data as parsed and the acting actor's id;
   * see `src/commands/command-digest.ts`): how a re-sent `commandId` is told from the same id reused for
   * another command, across restarts. Optional: events recorded before it existed have none, and a command
   * id whose events carry none is taken to match.
   */
  commandDigest: z.string().regex(HASH_PATTERN).optional(),
  correlationId: IdSchema,
  causationId: IdSchema,
  schemaVersion: z.number().int().min(1),
  previousHash: z.string().regex(HASH_PATTERN),
  hash: z.string().regex(HASH_PATTERN),
});

/** Metadata of a recorded event (see {@link EventMetadataSchema}). */
export type EventMetadata = z.infer<typeof EventMetadataSchema>;

/** The `previousHash` of the first event of a stream. */
export const GENESIS_HASH = '0'.repeat(64);
