import { z } from 'zod';
import { toMillis } from '../../domain/shared/time.js';

/** The time zone figures are bucketed in unless a query names another: the field reports are all in China. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The calendar periods the statistics are reported by. */
export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;

/** A kind of calendar period. */
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/**
 * One calendar period, named as people write it: a month `2026-03`, a quarter `2026-Q1`, a year `2026`. Its
 * boundaries are local midnights in the time zone of the query, not UTC ones.
 */
export const PeriodSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('month'),
    key: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is YYYY-MM'),
  }),
  z.object({ kind: z.literal('quarter'), key: z.string().regex(/^\d{4}-Q[1-4]$/, 'a quarter is YYYY-Qn') }),
  z.object({ kind: z.literal('year'), key: z.string().regex(/^\d{4}$/, 'a year is YYYY') }),
]);

/** A calendar period (see {@link PeriodSchema}). */
export type Period = z.infer<typeof PeriodSchema>;

const formatters = new Map<string, Intl.DateTimeFormat>();
/**
 * How many zone spellings the caches below keep before they start afresh. Zone names come from callers'
 * queries and `Intl` accepts any capitalisation (`aSiA/sHaNgHaI`), so without a bound each new spelling
 * would hold memory for the life of the process; a real host uses a handful of zones.
 */
const CACHED_ZONES = 32;

/**
 * A formatter of an instant's wall-calendar parts (year, month, day, and with `withTime` the hour and minute
 * on a 24-hour clock) in a time zone. Built once per zone and kind and kept: building one costs far more than
 * using it, and a report buckets thousands of instants.
 * @throws RangeError for a time zone the runtime does not know.
 */
export const zonedFormatter = (timeZone: string, withTime = false): Intl.DateTimeFormat => {
  const key = `${withTime ? 'datetime' : 'date'} ${timeZone}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hourCycle: 'h23', hour: '2-digit', minute: '2-digit' } : {}),
    });
    if (formatters.size >= 2 * CACHED_ZONES) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
};

/** True when `timeZone` is an IANA time zone this runtime knows (`Asia/Shanghai`, `UTC`). */
export const isTimeZone = (timeZone: string): boolean => {
  try {
    zonedFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
};

/** Zod schema of an IANA time zone name, for hosts parsing a query from outside. */
export const TimeZoneSchema = z.string().refine(isTimeZone, 'an IANA time zone such as Asia/Shanghai');

/** A calendar date as the wall calendar of some time zone shows it. */
export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * The local date of an instant in a time zone (`2026-03-31T17:00:00Z` is 1 April in Asia/Shanghai).
 * @throws RangeError for a time zone the runtime does not know.
 */
export const localDate = (instant: string | number, timeZone: string): LocalDate => {
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of zonedFormatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return { year, month, day };
};

/** A month on the wall calendar of some time zone. */
export type LocalMonth = Pick<LocalDate, 'year' | 'month'>;

const DAY_MS = 86_400_000;
/** How many UTC days a zone's month cache holds before it starts afresh: some fifty years of days. */
const CACHED_DAYS_PER_ZONE = 20_000;

/**
 * Per time zone: UTC day number -> the local month every instant of that UTC day falls in, or null for a day
 * that may straddle two months. Across one UTC day local time moves by under 24 hours plus whatever the zone's
 * offset changes by, and no zone has ever changed its offset by more than 24 hours at once (Samoa's skipped
 * day, the Alaska purchase), so local time stays within a day before and two days after the day's local
 * start. A day whose local start is between the 4th and the 25th therefore stays in its month, with a day to
 * spare either way. This rests on the runtime's time-zone data, as every local date here does; other days
 * are computed instant by instant.
 */
const monthsByDay = new Map<string, Map<number, LocalMonth | null>>();

/** The month a whole UTC day falls in, in a zone (null when the day may straddle two months), cached. */
const monthOfWholeDay = (day: number, timeZone: string): LocalMonth | null => {
  let days = monthsByDay.get(timeZone);
  const known = days?.get(day);
  if (known !== undefined) return known;
  const start = localDate(day * DAY_MS, timeZone);
  const month =
    start.day >= 4 && start.day <= 25 ? Object.freeze({ year: start.year, month: start.month }) : null;
  if (days === undefined) {
    if (monthsByDay.size >= CACHED_ZONES) monthsByDay.clear();
    days = new Map();
    monthsByDay.set(timeZone, days);
  } else if (days.size >= CACHED_DAYS_PER_ZONE) {
    days.clear();
  }
  days.set(day, month);
  return month;
};

/** The range of instants a Date can hold: 100,000,000 days either side of 1970. */
const MAX_DATE_MS = 8.64e15;

/**
 * The local month of an instant in a time zone: what {@link localDate} says, without its day. Bucketing by
 * month is what every read model and report does for each event or problem, so the answer is cached per UTC
 * day (see `monthsByDay`): a formatter call costs several microseconds, a lookup a few nanoseconds.
 * @throws RangeError for a time zone the runtime does not know, or an instant that is not a date.
 */
export const localMonth = (instant: string | number, timeZone: string): LocalMonth => {
  const millis = typeof instant === 'number' ? instant : toMillis(instant);
  if (millis >= -MAX_DATE_MS && millis <= MAX_DATE_MS) {
    const whole = monthOfWholeDay(Math.floor(millis / DAY_MS), timeZone);
    if (whole !== null) return whole;
  }
  // Outside the cache's days, or not a date at all (which the formatter refuses with a RangeError).
  const date = localDate(millis, timeZone);
  return Object.freeze({ year: date.year, month: date.month });
};

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** The key of the period of `kind` that holds a local date (only its year and month count). */
export const periodKeyOfDate = (date: LocalMonth, kind: PeriodKind): string => {
  const year = pad(date.year, 4);
  switch (kind) {
    case 'month':
      return `${year}-${pad(date.month, 2)}`;
    case 'quarter':
      return `${year}-Q${Math.ceil(date.month / 3)}`;
    case 'year':
      return year;
  }
};

/**
 * The key of the period of `kind` an instant falls in, in a time zone.
 * @throws RangeError for a time zone the runtime does not know.
 */
export const periodKeyOf = (instant: string | number, kind: PeriodKind, timeZone: string): string =>
  periodKeyOfDate(localMonth(instant, timeZone), kind);

/**
 * Checks a period and a time zone before a query buckets anything with them. A query's parameters are
 * written by the host's developer or parsed with {@link PeriodSchema} and {@link TimeZoneSchema}, so a bad
 * one is a programming error and throws, rather than silently matching nothing.
 * @throws RangeError for a malformed period key or an unknown time zone.
 */
export const assertPeriodAndZone = (period: Period, timeZone: string): void => {
  const parsed = PeriodSchema.safeParse(period);
  if (!parsed.success) throw new RangeError(`invalid period ${JSON.stringify(period)}`);
  if (!isTimeZone(timeZone)) throw new RangeError(`unknown time zone ${timeZone}`);
};
