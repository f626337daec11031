/**
 * The JSON Canonicalization Scheme (JCS, RFC 8785) of a JSON value: what the event hash and the history
 * lines are written in, so that an auditor in any language can re-encode an event and check its hash with
 * an off-the-shelf JCS library.
 *
 * - Objects: members sorted by key, comparing keys as sequences of UTF-16 code units (RFC 8785 §3.2.3),
 *   which is JavaScript's default sort; no whitespace anywhere.
 * - Numbers: as ECMAScript's Number::toString writes them (§3.2.2.3), which JSON.stringify does: `-0` as
 *   `0`, `1e+21`, `5e-324`, `0.000001`, `1e-7`.
 * - Strings: quote, backslash and U+0000 to U+001F escaped, with the short forms `\b \t \n \f \r`, the rest
 *   as lower-case `\u00xx`; everything else as is, in UTF-8 once written out (§3.2.2.2), as JSON.stringify
 *   does. A lone surrogate, which I-JSON and so JCS exclude, is written as its `\udxxx` escape.
 *
 * Properties whose value is `undefined` are left out, as JSON.stringify leaves them out. Anything else JSON
 * cannot hold is refused with a TypeError naming where it is (`$.data.items[2]`), never silently turned into
 * something else: non-finite numbers, bigints, `undefined` in an array, functions, symbols, and objects
 * that are not plain (a Date, Map, Set, class instance or typed array). A bigint, such as an event's
 * revision, must be converted by the caller (linli writes them as decimal strings). Not a domain boundary:
 * what reaches it has been validated already, so a refusal is a programming error.
 *
 * Written as plain loops: it runs over every event of every audit and export, so it avoids the
 * intermediate arrays of `Object.entries`, `filter` and `map`, and it looks for the path of a refused value
 * only after the fast encoding has failed.
 */
export const canonicalJson = (value: unknown): string => {
  try {
    return encode(value);
  } catch (error) {
    if (error !== REFUSED) throw error;
    const found = findRefused(value, '$');
    throw new TypeError(
      found === undefined
        ? 'canonicalJson: cannot encode the value'
        : `canonicalJson: cannot encode ${found.what} at ${found.path}`,
    );
  }
};

/** Thrown by {@link encode} on the first value it refuses; {@link canonicalJson} then finds where it is. */
const REFUSED: unique symbol = Symbol('refused');

/** True for an object JSON holds as an object: made by a literal, JSON.parse or `Object.create(null)`. */
const isPlainObject = (value: object): boolean => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

const encode = (value: unknown): string => {
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'number':
      if (!Number.isFinite(value)) throw REFUSED;
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          out += encode(value[i]);
        }
        return `${out}]`;
      }
      if (!isPlainObject(value)) throw REFUSED;
      const record = value as Record<string, unknown>;
      // The default sort compares UTF-16 code units, as RFC 8785 orders keys, in every locale.
      const keys = Object.keys(record).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const inner = record[key];
        if (inner === undefined) continue;
        out += `${first ? '' : ','}${jsonString(key)}:${encode(inner)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      throw REFUSED;
  }
};

/** A refused value and where it is. */
interface Refused {
  readonly what: string;
  readonly path: string;
}

/** What `value` is, for the message, if {@link encode} refuses it by itself (not for what it contains). */
const refusal = (value: unknown): string | undefined => {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? undefined : `the non-finite number ${value}`;
    case 'bigint':
      return 'a bigint (convert it to a string or a number first)';
    case 'undefined':
      return 'undefined';
    case 'function':
    case 'symbol':
      return `a ${typeof value}`;
    case 'object': {
      if (value === null || Array.isArray(value) || isPlainObject(value)) return undefined;
      const name: unknown = (value as { constructor?: { name?: unknown } }).constructor?.name;
      return `an object that is not plain (${typeof name === 'string' && name !== '' ? name : 'unknown class'})`;
    }
    default:
      return undefined;
  }
};

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The first value {@link encode} refuses, in the order it encodes, with its path from `path`. */
const findRefused = (value: unknown, path: string): Refused | undefined => {
  const what = refusal(value);
  if (what !== undefined) return { what, path };
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findRefused(value[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record).sort()) {
    if (record[key] === undefined) continue;
    const step = IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
    const found = findRefused(record[key], `${path}${step}`);
    if (found !== undefined) return found;
  }
  return undefined;
};

/** What JSON.stringify escapes in a string: quote, backslash, control characters and (lone) surrogates. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * A string as JSON.stringify (and so RFC 8785) writes it. Nearly every string linli hashes (ids, instants,
 * hashes) needs no escaping, and testing for that is cheaper than JSON.stringify; the rest go through
 * JSON.stringify.
 */
export const jsonString = (text: string): string =>
  NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
