import { compareIds } from '../id-record.js';
import { contributionsIn } from './contributions.js';
import type { HonourRollState } from './state.js';

/**
 * The points earned in a year that each star takes: 1 star from 50 points, 2 from 150, 3 from 300, 4 from
 * 600, 5 from 1,000. With the default points table (easy 5 ... expert 40), one star is about ten easy tasks
 * in a year and five stars about one hard task a week.
 */
export const DEFAULT_STAR_THRESHOLDS: readonly number[] = [50, 150, 300, 600, 1000];

/**
 * Checks a star table: positive whole points, strictly increasing (star n+1 must take more than star n).
 * @throws RangeError for anything else.
 */
export const assertStarThresholds = (thresholds: readonly number[]): void => {
  thresholds.forEach((threshold, i) => {
    const previous = i === 0 ? 0 : (thresholds[i - 1] ?? 0);
    if (!Number.isSafeInteger(threshold) || threshold <= previous) {
      throw new RangeError(
        `star thresholds must be positive, whole and increasing: ${thresholds.join(', ')}`,
      );
    }
  });
};

/** The stars `points` earn under a (valid) table: how many thresholds they reach. */
export const starsFor = (points: number, thresholds: readonly number[] = DEFAULT_STAR_THRESHOLDS): number =>
  thresholds.filter((threshold) => points >= threshold).length;

/** What {@link starRatings} draws up. */
export interface StarRatingsQuery {
  /** The year, `YYYY` in the roll's time zone. */
  readonly year: string;
  /** One community's ratings; left out, points earned in all communities are added up. */
  readonly community?: string;
  /** Points per star, ascending; default {@link DEFAULT_STAR_THRESHOLDS}. */
  readonly thresholds?: readonly number[];
}

/** A star volunteer of the year. */
export interface StarVolunteer {
  readonly residentId: string;
  /** Points earned in the year. */
  readonly points: number;
  readonly stars: number;
}

/**
 * The year-end star volunteers posted on the notice board: every resident whose points earned in the year
 * reach at least the first threshold, with their stars; most stars first, then most points, then resident id.
 * Only earned points count: redemptions and adjustments change a balance, not a year's service.
 * @throws RangeError for a malformed year or star table.
 */
export const starRatings = (state: HonourRollState, query: StarRatingsQuery): readonly StarVolunteer[] => {
  const thresholds = query.thresholds ?? DEFAULT_STAR_THRESHOLDS;
  assertStarThresholds(thresholds);
  return contributionsIn(state, { kind: 'year', key: query.year }, query.community)
    .map(({ residentId, points }) => ({ residentId, points, stars: starsFor(points, thresholds) }))
    .filter((volunteer) => volunteer.stars > 0)
    .sort((a, b) => b.stars - a.stars || b.points - a.points || compareIds(a.residentId, b.residentId));
};
