import type { HonourAward, HonourTitle } from '../../domain/honours/events.js';
import { compareIds } from '../id-record.js';
import type { HonourPeriod } from '../honour-roll/calendar.js';
import { contributionsIn, type ResidentContribution } from '../honour-roll/contributions.js';
import { DEFAULT_STAR_THRESHOLDS } from '../honour-roll/star-ratings.js';
import type { HonourRollState } from '../honour-roll/state.js';

/**
 * How many places a quarterly title has unless configured: the demo's three per community. No field report
 * gives a number; configuration, not a finding.
 */
export const DEFAULT_TITLE_PLACES = 3;

type Merit = (a: ResidentContribution, b: ResidentContribution) => number;
/** Talents are ranked as `topContributors` ranks them: points, then verified tasks. */
const byPoints: Merit = (a, b) => b.points - a.points || b.verifiedTasks - a.verifiedTasks;
/** Pioneers are ranked as the red list orders: verified tasks, then points. */
const byTasks: Merit = (a, b) => b.verifiedTasks - a.verifiedTasks || b.points - a.points;

/** Competition rank (1, 2, 2, 4): one more than the number of residents strictly ahead. */
const rankOf = (all: readonly ResidentContribution[], mine: ResidentContribution, merit: Merit): number =>
  1 + all.filter((other) => merit(other, mine) < 0).length;

/** What a basis is drawn up for. */
export interface BasisQuery {
  readonly title: HonourTitle;
  readonly period: HonourPeriod;
  readonly community: string;
  readonly residentId: string;
  /** For `star-volunteer`: the star table; default the honour roll's. */
  readonly thresholds?: readonly number[];
}

/** The figures of an award's basis, as the roll shows them (the fields its title records). */
export type HonourBasis = HonourAward['basis'];

const basisFrom = (
  all: readonly ResidentContribution[],
  mine: ResidentContribution,
  query: BasisQuery,
): HonourBasis => {
  switch (query.title) {
    case 'governance-talent':
    case 'governance-pioneer': {
      const merit = query.title === 'governance-talent' ? byPoints : byTasks;
      return { points: mine.points, verifiedTasks: mine.verifiedTasks, rank: rankOf(all, mine, merit) };
    }
    case 'red-list':
      return { points: mine.points, verifiedTasks: mine.verifiedTasks };
    case 'star-volunteer': {
      const thresholds = [...(query.thresholds ?? DEFAULT_STAR_THRESHOLDS)];
      return { points: mine.points, stars: thresholds.filter((t) => mine.points >= t).length, thresholds };
    }
  }
};

/**
 * The basis the honour roll shows for a resident, title and period in a community: the period's points
 * earned and tasks verified, with the rank on the title's ordering for quarterly titles (talents by points,
 * pioneers by verified tasks) or the stars for a star volunteer. The audit holds every award to it.
 * @throws RangeError for a malformed period key.
 */
export const honourBasis = (roll: HonourRollState, query: BasisQuery): HonourBasis => {
  const all = contributionsIn(roll, query.period, query.community);
  const mine = all.find((c) => c.residentId === query.residentId) ?? {
    residentId: query.residentId,
    points: 0,
    verifiedTasks: 0,
  };
  return basisFrom(all, mine, query);
};

/** What {@link honourCandidates} draws up. */
export interface CandidatesQuery {
  readonly title: HonourTitle;
  readonly period: HonourPeriod;
  readonly community: string;
  /** Places of a quarterly title (ties for the last place all included); default {@link DEFAULT_TITLE_PLACES}. */
  readonly places?: number;
  /** For `star-volunteer`: the star table; default the honour roll's. */
  readonly thresholds?: readonly number[];
}

/** A resident the roll puts forward for a title, with the basis an award would record. */
export interface HonourCandidate {
  readonly residentId: string;
  readonly basis: HonourBasis;
}

/**
 * The residents the honour roll puts forward for a title: quarterly titles to everyone ranked within the
 * places (with points earned, and for pioneers verified tasks), the red list to everyone with a verified
 * task, stars to everyone whose points reach a star. Staff decide; this only proposes, each with the basis
 * the award must record. In rank order, then resident id.
 * @throws RangeError for a malformed period key or places that are not a positive integer.
 */
export const honourCandidates = (
  roll: HonourRollState,
  query: CandidatesQuery,
): readonly HonourCandidate[] => {
  const places = query.places ?? DEFAULT_TITLE_PLACES;
  if (!Number.isSafeInteger(places) || places < 1)
    throw new RangeError(`places must be a positive integer: ${places}`);
  const all = contributionsIn(roll, query.period, query.community);
  const eligible = (basis: HonourBasis): boolean => {
    if ('rank' in basis) {
      return (
        basis.rank <= places &&
        basis.points > 0 &&
        (query.title !== 'governance-pioneer' || basis.verifiedTasks > 0)
      );
    }
    if ('stars' in basis) return basis.stars > 0;
    return basis.verifiedTasks > 0;
  };
  const order = (basis: HonourBasis): number =>
    'rank' in basis ? basis.rank : 'stars' in basis ? -basis.stars : -basis.verifiedTasks;
  return all
    .map((mine) => ({
      residentId: mine.residentId,
      basis: basisFrom(all, mine, { ...query, residentId: mine.residentId }),
    }))
    .filter((candidate) => eligible(candidate.basis))
    .sort(
      (a, b) =>
        order(a.basis) - order(b.basis) ||
        b.basis.points - a.basis.points ||
        compareIds(a.residentId, b.residentId),
    );
};
