import { z } from 'zod';

/**
 * China Standard Time is UTC+8 all year: China has kept no daylight saving time since 1991. A fixed offset
 * gives the Shanghai date of an instant without the ICU time-zone data some Node builds lack, and keeps the
 * deciders independent of the host's zone: the same history decides the same way on every machine.
 */
export const SHANGHAI_OFFSET_MINUTES = 8 * 60;

/** Longtanzi's deliberation day: "the 10th of each month". Configuration; this is the seed's value. */
export const DEFAULT_DELIBERATION_DAY = 10;

/** Which day of each month is deliberation day, 1 to 28 so that every month has it. */
export const DeliberationDaySchema = z.number().int().min(1).max(28);

/** A calendar date `YYYY-MM-DD`. */
export const LocalDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

const pad = (n: number): string => String(n).padStart(2, '0');

const dateString = (year: number, month: number, day: number): string => `${year}-${pad(month)}-${pad(day)}`;

/** The Shanghai calendar date of an instant: year, month (1-12) and day. */
export const shanghaiDate = (instant: string): { year: number; month: number; day: number } => {
  const local = new Date(Date.parse(instant) + SHANGHAI_OFFSET_MINUTES * 60_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
};

/** The Shanghai calendar date of an instant as `YYYY-MM-DD`. */
export const shanghaiDateOf = (instant: string): string => {
  const { year, month, day } = shanghaiDate(instant);
  return dateString(year, month, day);
};

/**
 * The deliberation day a matter raised at `instant` goes to: this month's when raised on or before the day
 * (Shanghai time), next month's otherwise, so a referral on the 11th waits for the 10th of next month.
 */
export const deliberationDayFor = (
  instant: string,
  dayOfMonth: number = DEFAULT_DELIBERATION_DAY,
): string => {
  const { year, month, day } = shanghaiDate(instant);
  if (day <= dayOfMonth) return dateString(year, month, dayOfMonth);
  return month === 12 ? dateString(year + 1, 1, dayOfMonth) : dateString(year, month + 1, dayOfMonth);
};

/** True when the instant falls on a deliberation day in Shanghai. */
export const isDeliberationDay = (instant: string, dayOfMonth: number = DEFAULT_DELIBERATION_DAY): boolean =>
  shanghaiDate(instant).day === dayOfMonth;

/** The twelve deliberation days of a year, in order. */
export const deliberationDaysOf = (
  year: number,
  dayOfMonth: number = DEFAULT_DELIBERATION_DAY,
): readonly string[] => Array.from({ length: 12 }, (_, i) => dateString(year, i + 1, dayOfMonth));
