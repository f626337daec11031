/**
 * The nearest-rank percentile: the smallest value such that at least `percent`% of the values are at or
 * below it, i.e. the value at rank ceil(percent / 100 x n) of the sorted values. It is always one of the
 * values (no interpolation), so "90% of problems were resolved within 30 hours" is literally true of the
 * data. The median is the 50th percentile, which for an even count is the lower of the two middle values.
 * Undefined for no values. `percent` is a whole number from 1 to 100, so the rank is computed exactly
 * (0.9 x 70 is 63.00000000000001 in floating point; 90 x 70 / 100 is 63).
 */
export const nearestRank = (values: readonly number[], percent: number): number | undefined => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((percent * sorted.length) / 100)));
  return sorted[rank - 1];
};
