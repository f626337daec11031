import { periodKeyOf } from '../projections/resolution-stats/calendar.js';

const HOUR = 3_600_000;

const parseMonth = (key: string): { year: number; month: number } => {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (match === null) throw new RangeError(`invalid month ${key}`);
  return { year: Number(match[1]), month: Number(match[2]) };
};

/** The month after `key` (`2026-12` -> `2027-01`). */
export const nextMonth = (key: string): string => {
  const { year, month } = parseMonth(key);
  return month === 12
    ? `${String(year + 1).padStart(4, '0')}-01`
    : `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`;
};

/** Every month from `first` to `last`, both included, in order; empty when `last` comes first. */
export const monthsBetween = (first: string, last: string): string[] => {
  const months: string[] = [];
  for (let key = first; key <= last; key = nextMonth(key)) months.push(key);
  return months;
};

/**
 * The instant (epoch milliseconds) a local month begins in a time zone: its first local midnight. Found by
 * bisection with the same calendar the statistics bucket by ({@link periodKeyOf}), so that a month-end
 * snapshot and the month a problem is counted in can never disagree, whatever the zone's offset or
 * daylight saving rules. No zone is more than 14 hours from UTC, so the answer lies within 15 hours of the
 * UTC midnight.
 * @throws RangeError for a malformed month or an unknown time zone.
 */
export const monthStartMillis = (key: string, timeZone: string): number => {
  const { year, month } = parseMonth(key);
  const utcMidnight = Date.UTC(year, month - 1, 1);
  let before = utcMidnight - 15 * HOUR;
  let from = utcMidnight + 15 * HOUR;
  while (from - before > 1) {
    const middle = Math.floor((before + from) / 2);
    if (periodKeyOf(middle, 'month', timeZone) >= key) from = middle;
    else before = middle;
  }
  return from;
};
