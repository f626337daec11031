import { compareIds } from '../id-record.js';
import type { HonourPeriod } from './calendar.js';
import { contributionsIn, type ResidentContribution } from './contributions.js';
import type { HonourRollState } from './state.js';

/** What {@link redList} draws up. */
export interface RedListQuery {
  /** The month, quarter or year, in the roll's time zone. */
  readonly period: HonourPeriod;
  /** One community's list; left out, verified work in all communities is added up. */
  readonly community?: string;
  /** The fewest verified tasks that put a resident on the list; default 1. */
  readonly minTasks?: number;
}

/**
 * The red list (红榜) as Wuchang posts it: every resident with at least `minTasks` tasks verified in the
 * period (by the time of the `TaskVerified`, in the roll's time zone), with their count of verified tasks and
 * the points earned in the period. Unlike the top contributors it is not a ranking but a list of everyone who
 * did the work: most verified tasks first, then most points, then resident id.
 * @throws RangeError for a malformed period key or a `minTasks` that is not a positive integer.
 */
export const redList = (state: HonourRollState, query: RedListQuery): readonly ResidentContribution[] => {
  const minTasks = query.minTasks ?? 1;
  if (!Number.isSafeInteger(minTasks) || minTasks < 1) {
    throw new RangeError(`minTasks must be a positive integer: ${minTasks}`);
  }
  return contributionsIn(state, query.period, query.community)
    .filter((contribution) => contribution.verifiedTasks >= minTasks)
    .sort(
      (a, b) =>
        b.verifiedTasks - a.verifiedTasks || b.points - a.points || compareIds(a.residentId, b.residentId),
    );
};
