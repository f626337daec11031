import type { z } from 'zod';
import { compiledSchema } from './compiled-schema.js';
import { CommandContextSchema } from './context.js';

/** The result of {@link parseCommandContext}: zod's result. */
export type ContextParseResult = z.ZodSafeParseResult<z.output<typeof CommandContextSchema>>;

// Compiled on first use (every command passes through here), not when the module is imported.
let contextSchema: typeof CommandContextSchema | undefined;

/** Parses a command context against {@link CommandContextSchema}, with the schema's result. */
export const parseCommandContext = (value: unknown): ContextParseResult =>
  (contextSchema ??= compiledSchema(CommandContextSchema)).safeParse(value);
