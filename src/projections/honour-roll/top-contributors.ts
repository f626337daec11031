import { compareIds } from '../id-record.js';
import { contributionsIn, type ResidentContribution } from './contributions.js';
import type { HonourRollState } from './state.js';

/** What {@link topContributors} draws up. */
export interface TopContributorsQuery {
  /** The quarter, `YYYY-Qn` in the roll's time zone (`2026-Q2`). */
  readonly quarter: string;
  /** One community's roll; left out, contributions to all communities are added up. */
  readonly community?: string;
  /** How many places the roll has; default 10. Everyone tied for the last place is on it. */
  readonly limit?: number;
}

/** One place on a quarterly roll of top contributors. */
export interface RankedContributor extends ResidentContribution {
  /** 1 for the top; residents tied on points and verified tasks share a rank, and the next rank skips. */
  readonly rank: number;
}

/** More points first, then more verified tasks; then resident id, which orders a listing but not a rank. */
const byMerit = (a: ResidentContribution, b: ResidentContribution): number =>
  b.points - a.points || b.verifiedTasks - a.verifiedTasks;

/**
 * The quarter's top contributors (the community's "governance talents" and "pioneers"): residents who earned
 * points in the quarter, ranked by points earned, ties broken by verified tasks. Residents equal on both share
 * a rank (competition ranking: 1, 2, 2, 4) and are listed by resident id. The roll holds every resident
 * ranked within `limit`, so a tie for the last place never turns on an id.
 * @throws RangeError for a malformed quarter key or a limit that is not a positive integer.
 */
export const topContributors = (
  state: HonourRollState,
  query: TopContributorsQuery,
): readonly RankedContributor[] => {
  const limit = query.limit ?? 10;
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw new RangeError(`limit must be a positive integer: ${limit}`);
  const ranked = contributionsIn(state, { kind: 'quarter', key: query.quarter }, query.community)
    .filter((contribution) => contribution.points > 0)
    .sort((a, b) => byMerit(a, b) || compareIds(a.residentId, b.residentId));
  const roll: RankedContributor[] = [];
  ranked.forEach((contribution, i) => {
    const previous = roll[i - 1];
    const rank = previous !== undefined && byMerit(previous, contribution) === 0 ? previous.rank : i + 1;
    roll.push({ ...contribution, rank });
  });
  return roll.filter((place) => place.rank <= limit);
};
