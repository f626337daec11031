import type { z } from 'zod';
import { ALL_UNITS } from './actors.js';
import { CommandContextSchema, type CommandContext } from './context.js';
import { isId, isInstant, isPlainRecord, isRole } from './hand-checks.js';

/** The result of {@link parseCommandContext}: zod's result shape, whichever path produced it. */
export type ContextParseResult = z.ZodSafeParseResult<z.output<typeof CommandContextSchema>>;

/** A copy of `value` when it is an array whose every entry passes `check`, else undefined. */
const arrayOf = (value: unknown, check: (entry: unknown) => boolean): string[] | undefined => {
  if (!Array.isArray(value)) return undefined;
  const copy: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const entry: unknown = value[i];
    if (!check(entry)) return undefined;
    copy.push(entry as string);
  }
  return copy;
};

const isScopeEntry = (entry: unknown): boolean => entry === ALL_UNITS || isId(entry);

/** An optional id as read (absent reads as undefined): acceptable when undefined or an id. */
const optionalIdOk = (value: unknown): boolean => value === undefined || isId(value);

/**
 * The well-formed context with the schema's defaults applied, or undefined when anything is off. Every
 * field is read once: what is checked is what is kept, even from an object with getters.
 */
const wellFormed = (value: unknown): CommandContext | undefined => {
  if (!isPlainRecord(value)) return undefined;
  const { actor, now, commandId, correlationId, causationId } = value;
  if (!isPlainRecord(actor) || !isInstant(now) || !isId(commandId)) return undefined;
  if (!optionalIdOk(correlationId) || !optionalIdOk(causationId)) return undefined;
  const { id, role, scope: scopeInput, organisations: organisationsInput } = actor;
  if (!isId(id) || !isRole(role)) return undefined;
  const scope = scopeInput === undefined ? [] : arrayOf(scopeInput, isScopeEntry);
  const organisations = organisationsInput === undefined ? [] : arrayOf(organisationsInput, isId);
  if (scope === undefined || organisations === undefined) return undefined;
  const context: { -readonly [K in keyof CommandContext]: CommandContext[K] } = {
    actor: { id, role, scope, organisations },
    now,
    commandId,
  };
  // An optional key present with undefined stays present, as zod leaves it.
  if ('correlationId' in value) context.correlationId = correlationId as string | undefined;
  if ('causationId' in value) context.causationId = causationId as string | undefined;
  return context;
};

/**
 * Parses a command context against {@link CommandContextSchema}, with the schema's result. Every command
 * passes through here, so a well-formed context is checked by hand with the schema's own patterns and
 * defaults; anything else goes to the schema, for its issues. A property test holds the two paths to the
 * same answer.
 */
export const parseCommandContext = (value: unknown): ContextParseResult => {
  const data = wellFormed(value);
  return data === undefined ? CommandContextSchema.safeParse(value) : { success: true, data };
};
