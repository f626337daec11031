/**
 * canonicalJson is RFC 8785, the JSON Canonicalization Scheme, on the values JSON can hold: checked against
 * the RFC's rules written out below from its text (not with a JCS library), its examples and its number
 * test vectors (Appendix B).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/audit/canonical.js';

/** §3.2.2.2: quote and backslash escaped, U+0000..U+001F as `\b \t \n \f \r` or `\u00xx`, the rest as is. */
const SHORT_ESCAPES: Readonly<Record<number, string>> = { 8: 'b', 9: 't', 10: 'n', 12: 'f', 13: 'r' };
const jcsString = (text: string): string => {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x22 || unit === 0x5c) out += `\\${text[i]}`;
    else if (unit < 0x20) out += `\\${SHORT_ESCAPES[unit] ?? `u${unit.toString(16).padStart(4, '0')}`}`;
    else out += text[i];
  }
  return `${out}"`;
};

/**
 * §3.2.2.3: ECMAScript's Number::toString. The shortest digits that round-trip (k digits, the value being
 * digits × 10^(n-k)) are taken from toExponential(); the layout is the specification's four cases.
 */
const jcsNumber = (value: number): string => {
  if (value === 0) return '0';
  if (value < 0) return `-${jcsNumber(-value)}`;
  const [mantissa = '', exponent = ''] = value.toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const k = digits.length;
  const n = Number(exponent) + 1;
  if (k <= n && n <= 21) return digits + '0'.repeat(n - k);
  if (0 < n && n <= 21) return `${digits.slice(0, n)}.${digits.slice(n)}`;
  if (-6 < n && n <= 0) return `0.${'0'.repeat(-n)}${digits}`;
  const e = n - 1;
  return `${k === 1 ? digits : `${digits[0]}.${digits.slice(1)}`}e${e < 0 ? '-' : '+'}${Math.abs(e)}`;
};

/** §3.2.3: property names compared as arrays of UTF-16 code units, as unsigned integers. */
const byCodeUnits = (a: string, b: string): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const difference = a.charCodeAt(i) - b.charCodeAt(i);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const jcs = (value: Json): string => {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return jcsNumber(value);
  if (typeof value === 'string') return jcsString(value);
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`;
  const keys = Object.keys(value).sort(byCodeUnits);
  return `{${keys.map((key) => `${jcsString(key)}:${jcs(value[key]!)}`).join(',')}}`;
};

/** Well-formed UTF-16 (I-JSON, which JCS requires, has no lone surrogates). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// Characters where escaping or ordering rules bite: controls, quote, backslash, DEL, U+2028, a private-use
// and a presentation-form character above the surrogates, astral characters (surrogate pairs) below them in
// UTF-16 order though above them as code points.
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 8 }).filter((s) => !LONE_SURROGATE.test(s)),
  fc.string({
    unit: fc.constantFrom(
      ...['\u0000', '\b', '\t', '\n', '\f', '\r', '\u000f', '\u001f', '"', '\\', '/', '\u007f', '\u0080'],
      ...['ö', '€', '\u2028', '\ue000', '\ufb33', '\uffff', '😀', '\u{10000}', '\u{10ffff}', 'a', '1'],
    ),
    maxLength: 6,
  }),
);

const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(-0, 1e21, 1e-7, 1e-6, 5e-324, -5e-324, 2 ** 53, 1.7976931348623157e308, 0.1, 123e-20),
);

const json: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    number,
    text,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(text, tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** RFC 8785 Appendix B: IEEE 754 bit patterns and what JCS writes for them. */
const APPENDIX_B: readonly (readonly [string, string])[] = [
  ['0000000000000000', '0'],
  ['8000000000000000', '0'],
  ['0000000000000001', '5e-324'],
  ['8000000000000001', '-5e-324'],
  ['7fefffffffffffff', '1.7976931348623157e+308'],
  ['ffefffffffffffff', '-1.7976931348623157e+308'],
  ['4340000000000000', '9007199254740992'],
  ['c340000000000000', '-9007199254740992'],
  ['4430000000000000', '295147905179352830000'],
  ['44b52d02c7e14af5', '9.999999999999997e+22'],
  ['44b52d02c7e14af6', '1e+23'],
  ['44b52d02c7e14af7', '1.0000000000000001e+23'],
  ['444b1ae4d6e2ef4e', '999999999999999700000'],
  ['444b1ae4d6e2ef4f', '999999999999999900000'],
  ['444b1ae4d6e2ef50', '1e+21'],
  ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
  ['3eb0c6f7a0b5ed8d', '0.000001'],
  ['41b3de4355555553', '333333333.3333332'],
  ['41b3de4355555554', '333333333.33333325'],
  ['41b3de4355555555', '333333333.3333333'],
  ['41b3de4355555556', '333333333.3333334'],
  ['41b3de4355555557', '333333333.33333343'],
  ['becbf647612f3696', '-0.0000033333333333333333'],
  ['43143ff3c1cb0959', '1424953923781206.2'],
];

describe('canonicalJson is RFC 8785 (JCS)', () => {
  it('writes any JSON value as the RFC rules do: key order by UTF-16 code units, ECMAScript numbers', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(canonicalJson(value)).toBe(jcs(value));
      }),
      { numRuns: 2000 },
    );
  });

  it("writes Appendix B's numbers as the RFC does, and refuses NaN and Infinity", () => {
    for (const [bits, expected] of APPENDIX_B) {
      const value = Buffer.from(bits, 'hex').readDoubleBE(0);
      expect(canonicalJson(value), bits).toBe(expected);
      expect(jcsNumber(value), bits).toBe(expected);
    }
    for (const bits of ['7fffffffffffffff', '7ff0000000000000']) {
      expect(() => canonicalJson(Buffer.from(bits, 'hex').readDoubleBE(0))).toThrow(TypeError);
    }
  });

  it("sorts the §3.2.3 example's keys as the RFC does", () => {
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const keys = Object.keys(JSON.parse(canonicalJson(value)) as object);
    // Object.keys lists "1" first (an array index); the order in the text is what counts.
    const order = [...canonicalJson(value).matchAll(/"([^"]*)":/g)].map((match) => match[1]);
    expect(new Set(keys)).toEqual(new Set(Object.keys(value)));
    expect(order).toEqual(['\\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
  });

  it("encodes the §3.2.2 example as the RFC's output", () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], ' +
        '"string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    ) as Json;
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });
});
