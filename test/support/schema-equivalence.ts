import fc from 'fast-check';
import { expect } from 'vitest';
import type { z } from 'zod';

/** A serialisation that keeps what JSON drops: key order, undefined values, -0. */
const exactly = (value: unknown): string =>
  JSON.stringify(value, (_key, entry: unknown) =>
    entry === undefined ? '<undefined>' : Object.is(entry, -0) ? '<-0>' : entry,
  );

/**
 * Asserts that two parse results are the same answer: the same verdict, the same data (the same keys in the
 * same order, undefined values and -0 kept), or the same issues.
 */
export const expectSameResult = (
  quick: z.ZodSafeParseResult<unknown>,
  slow: z.ZodSafeParseResult<unknown>,
): void => {
  expect(quick.success).toBe(slow.success);
  if (slow.success) {
    expect(quick.data).toStrictEqual(slow.data);
    expect(exactly(quick.data)).toBe(exactly(slow.data));
  } else {
    expect(quick.error?.issues).toEqual(slow.error.issues);
  }
};

/**
 * Asserts that a faster path to a schema (a compiled parse) gives exactly the schema's answer (see
 * {@link expectSameResult}) for values drawn from `near` (inputs near the valid ones) and for anything at all.
 */
export const expectSameAnswerAsSchema = (
  fast: (value: unknown) => z.ZodSafeParseResult<unknown>,
  schema: z.ZodType,
  near: fc.Arbitrary<unknown>,
): void => {
  fc.assert(
    fc.property(fc.oneof({ weight: 5, arbitrary: near }, fc.anything()), (value) => {
      expectSameResult(fast(value), schema.safeParse(value));
    }),
    { numRuns: 3000 },
  );
};

/** Asserts that `near` yields at least `atLeast` values the schema accepts and as many it refuses. */
export const expectReachesBothOutcomes = (
  schema: z.ZodType,
  near: fc.Arbitrary<unknown>,
  atLeast: { readonly valid: number; readonly invalid: number },
): void => {
  const outcomes = fc
    .sample(near, { numRuns: 2000, seed: 11 })
    .map((value) => schema.safeParse(value).success);
  expect(outcomes.filter(Boolean).length).toBeGreaterThan(atLeast.valid);
  expect(outcomes.filter((ok) => !ok).length).toBeGreaterThan(atLeast.invalid);
};
