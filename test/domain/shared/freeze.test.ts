import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze, isDeepFrozenData } from '../../../src/domain/shared/freeze.js';

describe('deepFreeze and isDeepFrozenData', () => {
  it('freezes any JSON value all the way down', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(isDeepFrozenData(deepFreeze(structuredClone(value)))).toBe(true);
      }),
    );
  });

  it('finds the one unfrozen node anywhere in a value', () => {
    const inner = { n: 1 };
    const value = Object.freeze({ a: Object.freeze([Object.freeze({ b: inner })]) });
    expect(isDeepFrozenData(value)).toBe(false);
    Object.freeze(inner);
    expect(isDeepFrozenData(value)).toBe(true);
  });

  it('does not take an array with named properties for data, nor fail on typed arrays', () => {
    const list = Object.assign([1, 2], { extra: { n: 1 } });
    expect(isDeepFrozenData(Object.freeze(list))).toBe(false);
    const bytes = new Uint8Array([1, 2]);
    expect(deepFreeze({ bytes }).bytes).toBe(bytes);
  });

  it('does not take frozen objects of other kinds for data', () => {
    expect(isDeepFrozenData(Object.freeze(new Date(0)))).toBe(false);
    expect(isDeepFrozenData(Object.freeze(new Map()))).toBe(false);
    expect(isDeepFrozenData(Object.freeze(Object.create(null) as object))).toBe(true);
  });
});
