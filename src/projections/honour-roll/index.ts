/** The honour roll: quarterly top contributors, the red list (红榜) and annual star-volunteer ratings. */
export {
  DEFAULT_HONOUR_TIME_ZONE,
  assertTimeZone,
  monthKeyOf,
  monthsOf,
  quarterKeyOf,
  type HonourPeriod,
} from './calendar.js';
export { contributionsIn, type ResidentContribution } from './contributions.js';
export { createHonourRollProjection, honourRollProjection, type HonourRollOptions } from './projection.js';
export { redList, type RedListQuery } from './red-list.js';
export {
  DEFAULT_STAR_THRESHOLDS,
  assertStarThresholds,
  starRatings,
  starsFor,
  type StarRatingsQuery,
  type StarVolunteer,
} from './star-ratings.js';
export { emptyHonourRoll, type Contribution, type HonourRollState } from './state.js';
export { topContributors, type RankedContributor, type TopContributorsQuery } from './top-contributors.js';
