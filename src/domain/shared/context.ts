import { z } from 'zod';
import { ActorSchema, type Actor } from './actors.js';
import type { DeepReadonly } from './catalogue.js';
import { IdSchema } from './ids.js';
import { InstantSchema } from './time.js';

/**
 * Everything a decision may depend on besides the command and the state: who acts, and when. Deciders never
 * read a clock or a global; the caller passes time and the actor in here, so the same history and the same
 * context always give the same decision.
 */
export const CommandContextSchema = z.object({
  actor: ActorSchema,
  now: InstantSchema,
  /**
   * The command's idempotency key, chosen by the caller and re-sent unchanged on a retry. Its scope is the
   * command's stream: re-sent there with the same command (type, data, actor), it appends nothing and answers
   * the first result; sent there with another command, it is refused with `idempotency-conflict`. The same id
   * on another stream is another command. A command that was refused or decided nothing records no key.
   */
  commandId: IdSchema,
  correlationId: IdSchema.optional(),
  causationId: IdSchema.optional(),
});

/** The validated command context (see {@link CommandContextSchema}). */
export interface CommandContext {
  readonly actor: Actor;
  readonly now: string;
  /**
   * The command's idempotency key, chosen by the caller and re-sent unchanged on a retry. Its scope is the
   * command's stream: re-sent there with the same command (type, data, actor), it appends nothing and answers
   * the first result; sent there with another command, it is refused with `idempotency-conflict`. The same id
   * on another stream is another command. A command that was refused or decided nothing records no key.
   */
  readonly commandId: string;
  readonly correlationId?: string | undefined;
  readonly causationId?: string | undefined;
}

/** The command context as a caller may write it (read-only data welcome): scope and organisations default to empty. */
export type CommandContextInput = DeepReadonly<z.input<typeof CommandContextSchema>>;
