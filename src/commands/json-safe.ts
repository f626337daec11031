/**
 * `CommandResult`s and events carry bigints (revisions, global positions), which `JSON.stringify` refuses
 * ("Do not know how to serialize a BigInt"). A host replying over HTTP passes a result through
 * {@link toJsonSafe} first: every bigint becomes its decimal string, as in the history export, so no
 * revision beyond 2^53 loses a digit; everything else is copied as it is.
 */

/** `T` with every bigint, however deep, as its decimal string: what {@link toJsonSafe} returns. */
export type JsonSafe<T> = T extends bigint
  ? string
  : T extends readonly (infer U)[]
    ? JsonSafe<U>[]
    : T extends object
      ? { [K in keyof T]: JsonSafe<T[K]> }
      : T;

/**
 * A copy of `value` that `JSON.stringify` can write: bigints (revisions, positions) as decimal strings
 * (`5n` becomes `"5"`), arrays and plain objects copied, every other value kept. For `Either` results too:
 * `JSON.stringify(toJsonSafe(await gov.execute(command, context)))`.
 */
export const toJsonSafe = <T>(value: T): JsonSafe<T> => copy(value) as JsonSafe<T>;

const copy = (value: unknown): unknown => {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copy);
  // Dates, Maps and other classes keep their own JSON behaviour (`toJSON`, or none).
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    // Defined, not assigned: assigning an own `__proto__` key (a record's data may hold one) would set the
    // copy's prototype instead.
    Object.defineProperty(out, key, {
      value: copy(inner),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
};
