import { ROLES, type Role } from './actors.js';
import { ID_MAX_LENGTH, ID_PATTERN } from './ids.js';
import { InstantSchema } from './time.js';

/*
 * Hand-written checks of the shapes every command and every stored event carries (ids, instants, roles),
 * for the fast paths of the hottest schemas. Each says exactly what its schema says, using the schema's own
 * patterns; the property tests of those fast paths hold them to the schemas' answers.
 */

// zod's own pattern for an instant, so that a hand check can never accept what the schema refuses.
const INSTANT: RegExp = InstantSchema._zod.pattern;
const ROLE_SET: ReadonlySet<string> = new Set(ROLES);

/** True when `value` is what `IdSchema` accepts. */
export const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length >= 1 && value.length <= ID_MAX_LENGTH && ID_PATTERN.test(value);

/** True when `value` is what `InstantSchema` accepts. */
export const isInstant = (value: unknown): value is string =>
  typeof value === 'string' && INSTANT.test(value);

/** True when `value` is what `RoleSchema` accepts. */
export const isRole = (value: unknown): value is Role => typeof value === 'string' && ROLE_SET.has(value);

/** True when `value` is a non-null object and not an array (what a zod object schema starts by checking). */
export const isPlainRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
