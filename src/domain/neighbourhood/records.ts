/**
 * Immutable id-keyed records. Ids may legally be `__proto__` or `constructor` (the id alphabet allows them),
 * so every read checks own properties and every write defines a property with a computed key, which never
 * touches the prototype.
 */

/** An immutable record keyed by id. */
export type IdRecord<V> = Readonly<Record<string, V>>;

/** The value stored under `key`, ignoring anything inherited from `Object.prototype`. */
export const lookup = <V>(record: IdRecord<V>, key: string): V | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/** A copy of `record` with `key` set to `value`. */
export const withEntry = <V>(record: IdRecord<V>, key: string, value: V): IdRecord<V> => ({
  ...record,
  [key]: value,
});

/** A copy of `record` without `key`. */
export const withoutEntry = <V>(record: IdRecord<V>, key: string): IdRecord<V> => {
  if (!Object.hasOwn(record, key)) return record;
  const { [key]: _removed, ...rest } = record;
  return rest;
};
