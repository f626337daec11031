import { z } from 'zod';
import { InstantSchema, toMillis } from '../shared/time.js';

/** One redemption event (the quarterly 积分兑换 day): redemption is open from `opens` until before `closes`. */
export const RedemptionWindowSchema = z
  .object({ opens: InstantSchema, closes: InstantSchema })
  .refine((window) => toMillis(window.opens) < toMillis(window.closes), 'a window closes after it opens');

/** A redemption window (see {@link RedemptionWindowSchema}). */
export type RedemptionWindow = z.infer<typeof RedemptionWindowSchema>;

/** When residents may redeem: a list of windows, or any pure predicate over the instant. */
export type RedemptionWindows = readonly RedemptionWindow[] | ((now: string) => boolean);

/** True when redemption is open at `now`; with no windows configured it is always open. */
export const isRedemptionOpen = (windows: RedemptionWindows | undefined, now: string): boolean => {
  if (windows === undefined) return true;
  if (typeof windows === 'function') return windows(now);
  const at = toMillis(now);
  return windows.some((window) => toMillis(window.opens) <= at && at < toMillis(window.closes));
};
