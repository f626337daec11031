/**
 * Records keyed by ids, safe for any id IdSchema accepts. `__proto__`, `constructor` and `toString` are valid
 * ids; on an ordinary object the first would set the prototype (immer refuses) and the others would read
 * inherited functions. A record without a prototype has none of these traps, stays plain JSON, and immer
 * drafts it like any other plain object.
 */

/** A record from ids to values, with no prototype. */
export type IdRecord<V> = Record<string, V>;

/** A new, empty {@link IdRecord}. */
export const idRecord = <V>(): IdRecord<V> => Object.create(null) as IdRecord<V>;

/**
 * The value under `id`, or undefined: only own entries count, so a record that lost its null prototype (read
 * back from JSON, say) still never answers with an inherited member.
 */
export const entryOf = <V>(record: Readonly<IdRecord<V>>, id: string): V | undefined =>
  Object.hasOwn(record, id) ? record[id] : undefined;

/**
 * Removes the entry under `id`, in place (on an immer draft, say). An id record is a dictionary, so a
 * computed key is the point; Reflect keeps that explicit where `delete record[id]` reads like a slip.
 */
export const removeEntry = (record: IdRecord<unknown>, id: string): void => {
  Reflect.deleteProperty(record, id);
};

/** The ids of a record, sorted by UTF-16 code units: the same order on every machine and in every locale. */
export const sortedIds = (record: Readonly<IdRecord<unknown>>): string[] =>
  Object.keys(record).sort(compareIds);

/** Orders ids by UTF-16 code units (never `localeCompare`, whose order depends on the runtime's locale data). */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
