import { toMillis } from '../../domain/shared/time.js';
import { assertPeriodAndZone, DEFAULT_TIME_ZONE, periodKeyOf, type Period } from './calendar.js';
import type { ResolutionStatsState } from './projection.js';
import { inScope, type UnitScope } from './scope.js';
import { outcomeAt, type ProblemOutcome, type ProblemTrack } from './track.js';

/** What every statistics query is asked for: a place, a period, a time zone and the instant it is judged at. */
export interface PeriodQuery {
  /** The places covered; everything when omitted. */
  readonly scope?: UnitScope;
  /** The calendar period, in `timeZone`. */
  readonly period: Period;
  /**
   * The instant the figures are judged at: events after it are ignored as if they had not happened yet, and
   * open problems past their deadline at it are overdue. Pin it (say, the end of the period, or the filing
   * date) and the figures never change however much history is added later.
   */
  readonly asOf: string;
  /** The IANA time zone periods are bucketed in; {@link DEFAULT_TIME_ZONE} (Asia/Shanghai) when omitted. */
  readonly timeZone?: string;
}

/** A problem of a cohort with how it stood at `asOf`. */
export interface CohortMember {
  readonly track: ProblemTrack;
  readonly outcome: ProblemOutcome;
}

/**
 * The cohort of a query: the problems in scope **reported** within the period (in its time zone) and by
 * `asOf`, each with how it stood at `asOf`, in problem-id order. Every figure of a period counts this
 * cohort, so a problem counts in exactly one month, one quarter and one year (those of its report), however
 * long it took to resolve; a figure changes only as its problems' outcomes do, never because a resolution
 * fell in another month.
 * @throws RangeError for a malformed period or an unknown time zone.
 */
export const cohortOf = (state: ResolutionStatsState, query: PeriodQuery): CohortMember[] => {
  const timeZone = query.timeZone ?? DEFAULT_TIME_ZONE;
  assertPeriodAndZone(query.period, timeZone);
  const asOf = toMillis(query.asOf);
  if (Number.isNaN(asOf)) throw new RangeError(`invalid asOf ${query.asOf}`);
  const scope = query.scope ?? {};
  const members: CohortMember[] = [];
  for (const id of Object.keys(state.problems).sort()) {
    const track = state.problems[id];
    if (track === undefined || !inScope(track.path, scope)) continue;
    if (toMillis(track.reportedAt) > asOf) continue;
    if (periodKeyOf(track.reportedAt, query.period.kind, timeZone) !== query.period.key) continue;
    members.push({ track, outcome: outcomeAt(track, asOf) });
  }
  return members;
};
