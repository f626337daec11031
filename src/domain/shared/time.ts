import { z } from 'zod';

/** An instant as an ISO-8601 string with an offset (`2026-03-01T08:00:00.000Z`). */
export const InstantSchema = z.iso.datetime({ offset: true });

/** An ISO-8601 instant. */
export type Instant = z.infer<typeof InstantSchema>;

/** Milliseconds since the epoch of an ISO instant. */
export const toMillis = (instant: string): number => Date.parse(instant);

/** Hours elapsed from `from` to `to` (negative when `to` is earlier). */
export const hoursBetween = (from: string, to: string): number => (toMillis(to) - toMillis(from)) / 3_600_000;

/** True when instant `a` is strictly after instant `b`. */
export const isAfter = (a: string, b: string): boolean => toMillis(a) > toMillis(b);

/**
 * Why an event dated `now` cannot follow its stream's last event, dated `lastAt`, or undefined when it can: a
 * stream only moves forward in time (a resolution is never dated before its report). The command handler
 * refuses such a command and the audit flags such an event, both by this rule.
 */
export const outOfOrderInTime = (lastAt: string | undefined, now: string): string | undefined =>
  lastAt !== undefined && toMillis(now) < toMillis(lastAt)
    ? `dated ${now}, before its stream's last event (${lastAt})`
    : undefined;
