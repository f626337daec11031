import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/audit/canonical.js';

/**
 * The first implementation, kept as the oracle: every hash already recorded was computed with it, so the
 * faster one must agree with it on every value, byte for byte.
 */
const reference = (value: unknown): string => {
  if (
    value === null ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    typeof value === 'string'
  ) {
    return JSON.stringify(value);
  }
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
  }
  throw new TypeError(`cannot encode a ${typeof value} canonically`);
};

describe('canonicalJson', () => {
  it('encodes any JSON value as the first implementation did, and the same again once parsed back', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const encoded = canonicalJson(value);
        expect(encoded).toBe(reference(value));
        // What a file holds is re-encoded after JSON.parse to verify its hash: that must change nothing.
        expect(canonicalJson(JSON.parse(encoded))).toBe(encoded);
      }),
      { numRuns: 500 },
    );
  });

  it('writes every string as JSON.stringify does: escapes, control characters, lone surrogates', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({
        unit: fc.constantFrom(
          '"',
          '\\',
          '\n',
          '\u0000',
          '\u001f',
          '\u007f',
          '\u2028',
          '\ud800',
          '\udfff',
          'a',
        ),
      }),
    );
    fc.assert(
      fc.property(anyText, fc.dictionary(anyText, anyText, { maxKeys: 3 }), (text, record) => {
        expect(canonicalJson(text)).toBe(JSON.stringify(text));
        expect(canonicalJson(record)).toBe(reference(record));
      }),
      { numRuns: 1000 },
    );
  });

  it('does not depend on the order keys were inserted in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
      }),
    );
  });

  it('writes bigints as decimal strings and leaves out undefined properties', () => {
    expect(canonicalJson({ b: 2n ** 70n, a: undefined, c: [1, 'x', null, true] })).toBe(
      '{"b":"1180591620717411303424","c":[1,"x",null,true]}',
    );
  });

  it('refuses what JSON cannot hold instead of dropping it', () => {
    expect(() => canonicalJson([undefined])).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });

  it('encodes a hashed event exactly as before (pinned)', () => {
    expect(
      canonicalJson({
        streamId: 'problem-1',
        revision: 0n,
        type: 'ProblemClosed',
        data: { problemId: '1' },
        metadata: { z: 1, a: '邻里' },
      }),
    ).toBe(
      '{"data":{"problemId":"1"},"metadata":{"a":"邻里","z":1},"revision":"0","streamId":"problem-1","type":"ProblemClosed"}',
    );
  });
});
