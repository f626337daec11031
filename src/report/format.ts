/**
 * Number formats for the report, written out by hand rather than with `toLocaleString`, so that the bytes
 * of a report never depend on the ICU data or the locale of the machine that wrote it.
 */

/** A whole number with thousands separators: `12,345`. */
export const formatCount = (value: number): string => {
  const digits = String(Math.abs(Math.round(value)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return value < 0 ? `-${grouped}` : grouped;
};

/** A rate as a percentage with one decimal (`72.3%`), or an em dash when there is nothing to divide by. */
export const formatPercent = (rate: number | null): string =>
  rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;

/** A difference of two rates in percentage points, signed (`+2.3 pp`, `-0.5 pp`), or an em dash. */
export const formatPoints = (difference: number | null): string => {
  if (difference === null) return '—';
  const points = (difference * 100).toFixed(1);
  // -0.0 is no deviation: a rounding artefact must not read as a shortfall.
  return points === '-0.0' || points === '0.0' ? '0.0 pp' : `${difference > 0 ? '+' : ''}${points} pp`;
};

/** Hours with one decimal (`30.5 h`), or an em dash. */
export const formatHours = (hours: number | null): string => (hours === null ? '—' : `${hours.toFixed(1)} h`);

/** A length of time in days with one decimal (`3.5 d`): overdue spans run to weeks, where hours blur. */
export const formatDays = (hours: number): string => `${(hours / 24).toFixed(1)} d`;
