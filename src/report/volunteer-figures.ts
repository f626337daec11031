import { compareIds } from '../projections/id-record.js';
import type { DirectoryState } from '../projections/directory/state.js';
import { quarterKeyOf } from '../projections/honour-roll/calendar.js';
import { starRatings } from '../projections/honour-roll/star-ratings.js';
import type { HonourRollState } from '../projections/honour-roll/state.js';
import { topContributors } from '../projections/honour-roll/top-contributors.js';
import { communityPoints, residentAccount } from '../projections/points-ledger/queries.js';
import { emptyCommunityPoints, type CommunityPoints } from '../projections/points-ledger/state.js';
import type { PointsLedgerState } from '../projections/points-ledger/state.js';
import { periodKeyOf } from '../projections/resolution-stats/calendar.js';
import type { HonourFigures, PointsLedgerFigures } from './report-data.js';
import { communityName, withName } from './unit-names.js';

/**
 * The points ledger of every community with entries, and of every community the directory knows (at zero
 * when it has none), each as `communityPoints` answers; the total adds them up.
 */
export const pointsFigures = (ledger: PointsLedgerState, directory: DirectoryState): PointsLedgerFigures => {
  const ids = [...new Set([...Object.keys(ledger.communities), ...Object.keys(directory.communities)])].sort(
    compareIds,
  );
  const communities = ids.map((community) => ({
    ...communityPoints(ledger, community),
    ...withName(communityName(directory, community)),
  }));
  const total = communities.reduce<CommunityPoints>(
    (sum: CommunityPoints, line) => ({
      community: '',
      issued: sum.issued + line.issued,
      redeemed: sum.redeemed + line.redeemed,
      adjusted: sum.adjusted + line.adjusted,
      outstanding: sum.outstanding + line.outstanding,
      residents: sum.residents + line.residents,
    }),
    emptyCommunityPoints(''),
  );
  return { communities, total };
};

/** How an honour roll is drawn up for the report. */
export interface HonourOptions {
  /** Places on the quarter's roll (ties for the last place all included). */
  readonly places: number;
  /** The points each star takes, ascending. */
  readonly starThresholds: readonly number[];
}

/**
 * The honour roll at `asOf`: `topContributors` of its quarter and `starRatings` of its year, both in the
 * roll's time zone and over all communities, each place with the community holding the resident's account.
 * @throws RangeError for a places count or star table the honour roll's queries refuse.
 */
export const honourFigures = (
  roll: HonourRollState,
  ledger: PointsLedgerState,
  asOf: string,
  options: HonourOptions,
): HonourFigures => {
  const quarter = quarterKeyOf(asOf, roll.timeZone);
  const year = periodKeyOf(asOf, 'year', roll.timeZone);
  const top = topContributors(roll, { quarter, limit: options.places }).map((place) => {
    const community = residentAccount(ledger, place.residentId)?.community;
    return community === undefined ? place : { ...place, community };
  });
  return {
    quarter,
    top,
    year,
    stars: starRatings(roll, { year, thresholds: options.starThresholds }),
    starThresholds: options.starThresholds,
  };
};
