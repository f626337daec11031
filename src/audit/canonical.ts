/**
 * A canonical JSON encoding: object keys sorted, no whitespace, bigints as decimal strings. Two values that
 * are equal as data always encode to the same string, which is what a hash over them needs. Properties
 * whose value is `undefined` are left out, as JSON.stringify leaves them out; anything else JSON cannot
 * hold (functions, symbols, `undefined` in an array) is refused rather than silently dropped.
 *
 * Written as plain loops: it runs over every event of every audit and export, so it avoids the
 * intermediate arrays of `Object.entries`, `filter` and `map`.
 */
export const canonicalJson = (value: unknown): string => {
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'number':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return `"${value.toString()}"`;
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          out += canonicalJson(value[i]);
        }
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      // The default sort compares UTF-16 code units: the same order for every platform and locale.
      const keys = Object.keys(record).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const inner = record[key];
        if (inner === undefined) continue;
        out += `${first ? '' : ','}${jsonString(key)}:${canonicalJson(inner)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`cannot encode a ${typeof value} canonically`);
  }
};

/** What JSON.stringify escapes in a string: quote, backslash, control characters and (lone) surrogates. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * A string as JSON.stringify writes it. Nearly every string linli hashes (ids, instants, hashes) needs no
 * escaping, and testing for that is cheaper than JSON.stringify; the rest go through JSON.stringify.
 */
export const jsonString = (text: string): string =>
  NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
