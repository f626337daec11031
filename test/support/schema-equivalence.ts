import fc from 'fast-check';
import { expect } from 'vitest';
import type { z } from 'zod';

/**
 * Asserts that a faster path to a schema (a compiled parse) gives exactly the schema's answer (success, data,
 * issues) for values drawn from `near` (inputs near the valid ones) and for anything at all.
 */
export const expectSameAnswerAsSchema = (
  fast: (value: unknown) => z.ZodSafeParseResult<unknown>,
  schema: z.ZodType,
  near: fc.Arbitrary<unknown>,
): void => {
  fc.assert(
    fc.property(fc.oneof({ weight: 5, arbitrary: near }, fc.anything()), (value) => {
      const quick = fast(value);
      const slow = schema.safeParse(value);
      expect(quick.success).toBe(slow.success);
      if (slow.success) expect(quick.data).toStrictEqual(slow.data);
      else expect(quick.error?.issues).toEqual(slow.error.issues);
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
