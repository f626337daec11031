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

/** An optional id: absent stays absent, present-but-undefined stays so, as zod leaves them. */
const optionalIdOk = (record: Readonly<Record<string, unknown>>, key: string): boolean =>
  record[key] === undefined || isId(record[key]);

/** The well-formed context with the schema's defaults applied, or undefined when anything is off. */
const wellFormed = (value: unknown): CommandContext | undefined => {
  if (!isPlainRecord(value)) return undefined;
  const { actor, now, commandId } = value;
  if (!isPlainRecord(actor) || !isInstant(now) || !isId(commandId)) return undefined;
  if (!optionalIdOk(value, 'correlationId') || !optionalIdOk(value, 'causationId')) return undefined;
  const { id, role } = actor;
  if (!isId(id) || !isRole(role)) return undefined;
  const scope = actor.scope === undefined ? [] : arrayOf(actor.scope, isScopeEntry);
  const organisations = actor.organisations === undefined ? [] : arrayOf(actor.organisations, isId);
  if (scope === undefined || organisations === undefined) return undefined;
  const context: { -readonly [K in keyof CommandContext]: CommandContext[K] } = {
    actor: { id, role, scope, organisations },
    now,
    commandId,
  };
  if ('correlationId' in value) context.correlationId = value.correlationId as string | undefined;
  if ('causationId' in value) context.causationId = value.causationId as string | undefined;
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
