import { z } from 'zod';

/**
 * The schema compiled by zod (`z.compile`): the same answers, defaults and issues, several times faster, for
 * the schemas every command and every stored event goes through. A host that has set
 * `z.config({ jitless: true })` (a policy against generated code) gets the schema itself: compiling generates
 * code with `new Function`, and zod's compiler does not look at that setting.
 */
export const compiledSchema = <S extends z.ZodType>(schema: S): S =>
  z.config().jitless === true ? schema : z.compile(schema);
