import type { CohortMember } from '../projections/resolution-stats/cohort.js';
import { isOverdueOutcome, outcomeAt, type ProblemOutcome } from '../projections/resolution-stats/track.js';
import { toMillis } from '../domain/shared/time.js';
import type { BacklogPoint } from './report-data.js';

/** A problem with the index of the month it was reported in. */
export interface DatedMember extends CohortMember {
  readonly monthIndex: number;
}

/** Open as the 721 figures count it: accepted (not turned away) and without a standing resolution. */
const isOpen = (outcome: ProblemOutcome): boolean =>
  outcome.status !== 'rejected' && outcome.resolution === undefined;

/**
 * The latest step time among the steps in force at `asOf` (replayed as a prefix, as {@link outcomeAt} does).
 * At any snapshot from this instant to `asOf` the same steps are in force, so the outcome at `asOf` can be
 * reused instead of replaying the track again.
 */
const settledMillis = (member: CohortMember, asOf: number): number => {
  let latest = toMillis(member.track.reportedAt);
  for (const step of member.track.steps) {
    const at = toMillis(step.at);
    if (at > asOf) break;
    if (at > latest) latest = at;
  }
  return latest;
};

/**
 * Open and overdue problems at each snapshot instant (the end of each month, `asOf` for the last): every
 * problem reported by then, in whatever month, as it stood then. Each problem is replayed only at the month
 * ends before its last change; after it, its outcome at `asOf` still holds.
 */
export const backlogSeries = (
  members: readonly DatedMember[],
  snapshots: readonly number[],
  asOf: number,
): BacklogPoint[] => {
  const open = snapshots.map(() => 0);
  const overdue = snapshots.map(() => 0);
  for (const member of members) {
    const reported = toMillis(member.track.reportedAt);
    const settled = settledMillis(member, asOf);
    for (let index = member.monthIndex; index < snapshots.length; index++) {
      const at = snapshots[index] ?? asOf;
      if (at < reported) continue;
      const outcome = at >= settled ? member.outcome : outcomeAt(member.track, at);
      if (!isOpen(outcome)) continue;
      open[index] = (open[index] ?? 0) + 1;
      if (isOverdueOutcome(outcome, at)) overdue[index] = (overdue[index] ?? 0) + 1;
    }
  }
  return snapshots.map((at, index) => ({
    at: new Date(at).toISOString(),
    open: open[index] ?? 0,
    overdue: overdue[index] ?? 0,
  }));
};
