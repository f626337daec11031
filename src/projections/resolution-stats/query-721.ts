import { TIERS, type Tier } from '../../domain/shared/tiers.js';
import { hoursBetween, toMillis } from '../../domain/shared/time.js';
import { cohortOf, type CohortMember, type PeriodQuery } from './cohort.js';
import { nearestRank } from './percentile.js';
import type { ResolutionStatsState } from './projection.js';
import { SHARE_BUCKETS, shareBucketOf, TARGET_721, type ShareBucket, type Targets721 } from './targets.js';
import { isOverdueOutcome } from './track.js';

/** One bucket of the 721 breakdown: how many resolved problems it took, its share, and how far off target. */
export interface BucketShare {
  readonly resolved: number;
  /** `resolved` over all resolved problems of the cohort; null when nothing was resolved. */
  readonly share: number | null;
  readonly target: number;
  /** `share - target`: positive means the bucket took more than its target. Null with the share. */
  readonly deviation: number | null;
}

/**
 * The 721 figures of one cohort (the problems reported in the period, see {@link cohortOf}), each judged at
 * `asOf`. Rejected problems count in `reported` and `rejected` only: a duplicate or an out-of-scope report is
 * nobody's work, so it is left out of every other figure and denominator. A reopened problem counts once,
 * with the resolution standing at `asOf` (its tier, its time, its deadline).
 */
export interface Figures721 {
  /** Problems reported in the period (by `asOf`). */
  readonly reported: number;
  /** Of those, turned away (duplicate, out of scope, invalid) by `asOf`. */
  readonly rejected: number;
  /** `reported - rejected`: the denominator of the completion rate. */
  readonly accepted: number;
  /** Accepted problems with a resolution standing at `asOf` (resolved, possibly rated or closed). */
  readonly resolved: number;
  /** `resolved` by the tier that resolved it; the four add up to `resolved`. */
  readonly resolvedByTier: Readonly<Record<Tier, number>>;
  /** The 721 buckets (street and department together make the 10); shares add up to 1 when resolved > 0. */
  readonly shares: Readonly<Record<ShareBucket, BucketShare>>;
  /** Accepted problems not resolved at `asOf` (waiting for triage, held by a tier, or reopened). */
  readonly open: number;
  /** Open problems whose deadline had passed at `asOf` (a problem not yet triaged has no deadline). */
  readonly overdue: number;
  /** Resolved problems resolved at or before the deadline in force when they were resolved. */
  readonly onTime: number;
  /** Accepted problems the reporter rated by `asOf` (the latest rating counts, once per problem). */
  readonly rated: number;
  /** Of the rated ones, those whose latest rating was satisfied. */
  readonly satisfied: number;
  /** `resolved / accepted`; null when nothing was accepted. */
  readonly completionRate: number | null;
  /** `onTime / resolved`; null when nothing was resolved. */
  readonly onTimeRate: number | null;
  /** `satisfied / rated`; null when nothing was rated. */
  readonly satisfactionRate: number | null;
  /**
   * Hours from the report to the standing resolution, over the resolved problems: the nearest-rank median
   * and 90th percentile (see {@link nearestRank}); null when nothing was resolved.
   */
  readonly hoursToResolve: { readonly median: number | null; readonly p90: number | null };
}

/** A {@link PeriodQuery} for the 721 figures, optionally against other targets than {@link TARGET_721}. */
export interface Query721 extends PeriodQuery {
  readonly targets?: Targets721;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** The 721 figures of a cohort judged at `asOf`, against `targets`. */
export const figures721 = (
  cohort: readonly CohortMember[],
  asOf: string,
  targets: Targets721 = TARGET_721,
): Figures721 => {
  const at = toMillis(asOf);
  const resolvedByTier = Object.fromEntries(TIERS.map((tier) => [tier, 0])) as Record<Tier, number>;
  const hours: number[] = [];
  let rejected = 0;
  let open = 0;
  let overdue = 0;
  let onTime = 0;
  let rated = 0;
  let satisfied = 0;
  for (const { track, outcome } of cohort) {
    if (outcome.status === 'rejected') {
      rejected += 1;
      continue;
    }
    if (outcome.rating !== undefined) {
      rated += 1;
      if (outcome.rating.satisfied) satisfied += 1;
    }
    const resolution = outcome.resolution;
    if (resolution === undefined) {
      open += 1;
      if (isOverdueOutcome(outcome, at)) overdue += 1;
      continue;
    }
    resolvedByTier[resolution.tier] += 1;
    if (resolution.dueBy !== undefined && toMillis(resolution.at) <= toMillis(resolution.dueBy)) onTime += 1;
    hours.push(hoursBetween(track.reportedAt, resolution.at));
  }
  const resolved = hours.length;
  const accepted = cohort.length - rejected;
  const byBucket = Object.fromEntries(SHARE_BUCKETS.map((bucket) => [bucket, 0])) as Record<
    ShareBucket,
    number
  >;
  for (const tier of TIERS) byBucket[shareBucketOf(tier)] += resolvedByTier[tier];
  const shares = Object.fromEntries(
    SHARE_BUCKETS.map((bucket): [ShareBucket, BucketShare] => {
      const share = ratio(byBucket[bucket], resolved);
      const target = targets[bucket];
      return [
        bucket,
        { resolved: byBucket[bucket], share, target, deviation: share === null ? null : share - target },
      ];
    }),
  ) as Record<ShareBucket, BucketShare>;
  return {
    reported: cohort.length,
    rejected,
    accepted,
    resolved,
    resolvedByTier,
    shares,
    open,
    overdue,
    onTime,
    rated,
    satisfied,
    completionRate: ratio(resolved, accepted),
    onTimeRate: ratio(onTime, resolved),
    satisfactionRate: ratio(satisfied, rated),
    hoursToResolve: { median: nearestRank(hours, 50) ?? null, p90: nearestRank(hours, 90) ?? null },
  };
};

/**
 * The 721 figures of the problems in `scope` reported in `period` (in `timeZone`, Asia/Shanghai by default),
 * judged at `asOf`. See {@link Figures721} for what each figure counts.
 * @throws RangeError for a malformed period, an unknown time zone or an invalid `asOf`.
 */
export const query721 = (state: ResolutionStatsState, query: Query721): Figures721 =>
  figures721(cohortOf(state, query), query.asOf, query.targets);
