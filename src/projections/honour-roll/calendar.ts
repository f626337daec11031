// One calendar for every read model: the local date of an instant comes from the 721 statistics' calendar.
import { isTimeZone, periodKeyOf } from '../resolution-stats/calendar.js';

/** The time zone honour rolls are kept in unless configured otherwise: the field reports are all in China. */
export const DEFAULT_HONOUR_TIME_ZONE = 'Asia/Shanghai';

/**
 * Checks an IANA time zone name (`Asia/Shanghai`, `UTC`).
 * @throws RangeError for a zone the runtime does not know.
 */
export const assertTimeZone = (timeZone: string): void => {
  if (!isTimeZone(timeZone)) throw new RangeError(`unknown time zone: ${timeZone}`);
};

/**
 * The month `YYYY-MM` an instant falls in on the wall calendar of a time zone:
 * `2026-03-31T17:00:00Z` is `2026-04` in Asia/Shanghai.
 */
export const monthKeyOf = (instant: string, timeZone: string): string =>
  periodKeyOf(instant, 'month', timeZone);

/** A stretch of the calendar a roll is drawn up for: a month `2026-05`, a quarter `2026-Q2` or a year `2026`. */
export type HonourPeriod =
  | { readonly kind: 'month'; readonly key: string }
  | { readonly kind: 'quarter'; readonly key: string }
  | { readonly kind: 'year'; readonly key: string };

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * The month keys a period covers, in order.
 * @throws RangeError for a malformed key (`2026-13`, `2026-Q5`, `26`).
 */
export const monthsOf = (period: HonourPeriod): readonly string[] => {
  const pattern = { month: /^(\d{4})-(0[1-9]|1[0-2])$/, quarter: /^(\d{4})-Q([1-4])$/, year: /^(\d{4})$/ }[
    period.kind
  ];
  const match = pattern.exec(period.key);
  if (match === null) throw new RangeError(`not a ${period.kind} key: ${period.key}`);
  const year = match[1] ?? '';
  switch (period.kind) {
    case 'month':
      return [period.key];
    case 'quarter': {
      const first = (Number(match[2]) - 1) * 3 + 1;
      return [first, first + 1, first + 2].map((month) => `${year}-${pad2(month)}`);
    }
    case 'year':
      return Array.from({ length: 12 }, (_, i) => `${year}-${pad2(i + 1)}`);
  }
};

/** The quarter `YYYY-Qn` an instant falls in on the wall calendar of a time zone. */
export const quarterKeyOf = (instant: string, timeZone: string): string =>
  periodKeyOf(instant, 'quarter', timeZone);
