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

  it('leaves out undefined properties, as JSON.stringify does', () => {
    expect(canonicalJson({ b: 'x', a: undefined, c: [1, 'x', null, true] })).toBe(
      '{"b":"x","c":[1,"x",null,true]}',
    );
  });

  it('refuses what JSON cannot hold, naming where it is, instead of writing something else', () => {
    class Point {
      constructor(readonly x: number) {}
    }
    const refused: readonly (readonly [unknown, string])[] = [
      [NaN, 'the non-finite number NaN at $'],
      [{ a: [1, Infinity] }, 'the non-finite number Infinity at $.a[1]'],
      [{ data: { 'a key': -Infinity } }, 'the non-finite number -Infinity at $.data["a key"]'],
      [{ at: new Date(0) }, 'an object that is not plain (Date) at $.at'],
      [[new Map()], 'an object that is not plain (Map) at $[0]'],
      [{ s: new Set([1]) }, 'an object that is not plain (Set) at $.s'],
      [{ p: new Point(1) }, 'an object that is not plain (Point) at $.p'],
      [{ bytes: new Uint8Array(2) }, 'an object that is not plain (Uint8Array) at $.bytes'],
      [{ revision: 1n }, 'a bigint (convert it to a string or a number first) at $.revision'],
      [[1, undefined], 'undefined at $[1]'],
      [{ f: () => 1 }, 'a function at $.f'],
      [{ list: [{ s: Symbol('s') }] }, 'a symbol at $.list[0].s'],
      [undefined, 'undefined at $'],
    ];
    for (const [value, message] of refused) {
      expect(() => canonicalJson(value)).toThrow(new TypeError(`canonicalJson: cannot encode ${message}`));
    }
    // The first refused value in encoding order (sorted keys) is the one named.
    expect(() => canonicalJson({ z: NaN, a: [0, NaN] })).toThrow(/at \$\.a\[1\]$/);
  });

  it('accepts objects without a prototype, as JSON.parse and Object.create(null) make them', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { b: 1, a: [2] });
    expect(canonicalJson(bare)).toBe('{"a":[2],"b":1}');
  });

  it('encodes a hashed event exactly as before (pinned)', () => {
    expect(
      canonicalJson({
        streamId: 'problem-1',
        revision: '0',
        type: 'ProblemClosed',
        data: { problemId: '1' },
        metadata: { z: 1, a: '邻里' },
      }),
    ).toBe(
      '{"data":{"problemId":"1"},"metadata":{"a":"邻里","z":1},"revision":"0","streamId":"problem-1","type":"ProblemClosed"}',
    );
  });
});
