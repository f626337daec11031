/**
 * The simulated calendar: the year 2026 in Asia/Shanghai. China keeps UTC+8 all year (no daylight saving),
 * so local dates and hours follow from a fixed offset, and no clock is ever read.
 */

/** Milliseconds in an hour. */
export const HOUR = 3_600_000;

/** Milliseconds in a day. */
export const DAY = 24 * HOUR;

/** Asia/Shanghai's offset from UTC. */
const OFFSET = 8 * HOUR;

/** The first instant of the simulated year: 2026-01-01T00:00+08:00. */
export const YEAR_START = Date.UTC(2026, 0, 1) - OFFSET;

/** Days in the simulated year (2026 is not a leap year). */
export const DAYS_IN_YEAR = 365;

/** The instant the simulated year ends (exclusive): 2027-01-01T00:00+08:00. */
export const YEAR_END = YEAR_START + DAYS_IN_YEAR * DAY;

/** An instant as the ISO-8601 string commands carry. */
export const iso = (at: number): string => new Date(at).toISOString();

/** The local wall-clock reading of an instant. */
export interface LocalTime {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  readonly day: number;
  /** 0 to 23. */
  readonly hour: number;
  /** 0 (Sunday) to 6 (Saturday). */
  readonly weekday: number;
}

/** The local date and hour of an instant. */
export const localTime = (at: number): LocalTime => {
  const shifted = new Date(at + OFFSET);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    weekday: shifted.getUTCDay(),
  };
};

/** The instant of a local date and time (month 1 to 12; hours may be fractional). */
export const localInstant = (year: number, month: number, day: number, hour = 0): number =>
  Date.UTC(year, month - 1, day) - OFFSET + hour * HOUR;

/** The instant a day of the simulated year starts (day 0 is 1 January). */
export const dayStart = (day: number): number => YEAR_START + day * DAY;

/** The day of the simulated year an instant falls on. */
export const dayOf = (at: number): number => Math.floor((at - YEAR_START) / DAY);

/**
 * The instant itself when it falls in working hours (08:00 to 20:00 local), else the next morning at 08:00
 * plus `lateness` hours: staff do not triage or close files at three in the morning.
 */
export const duringWorkingHours = (at: number, lateness: number): number => {
  const { hour } = localTime(at);
  if (hour >= 8 && hour < 20) return at;
  const morning = dayStart(dayOf(at)) + 8 * HOUR;
  return (hour < 8 ? morning : morning + DAY) + lateness * HOUR;
};

/** The quarter (1 to 4) of a local month. */
export const quarterOfMonth = (month: number): number => Math.ceil(month / 3);

/** The last Saturday of a local month: the day the community holds its redemption event. */
export const lastSaturday = (year: number, month: number): number => {
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  for (let day = lastDay; ; day--) {
    if (new Date(Date.UTC(year, month - 1, day)).getUTCDay() === 6) return day;
  }
};
