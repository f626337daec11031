import { cohortOf, type CohortMember } from './cohort.js';
import { DEFAULT_TIME_ZONE, type Period } from './calendar.js';
import type { ResolutionStatsState } from './projection.js';
import { figures721, type Figures721, type Query721 } from './query-721.js';
import { inScope, type PathLevel, type UnitScope } from './scope.js';

/** What a 721 report is asked for: a {@link Query721} and the level to break its scope down by. */
export interface Report721Query extends Query721 {
  /** Break the scope down by street, community or grid. */
  readonly by: PathLevel;
  /**
   * Units to list even when none of their problems is in the cohort (say, every community of the street
   * from the neighbourhood directory). The state knows only units where a problem was ever reported.
   */
  readonly units?: readonly string[];
}

/** One line of a {@link Report721}: a unit and its figures. */
export interface Report721Row {
  readonly unit: string;
  readonly figures: Figures721;
}

/** The figures per unit, in unit-id order, and for the whole scope. */
export interface Report721 {
  readonly scope: UnitScope;
  readonly by: PathLevel;
  readonly period: Period;
  readonly asOf: string;
  readonly timeZone: string;
  readonly rows: readonly Report721Row[];
  /** The figures of the whole scope: the rows' counts add up to it. */
  readonly total: Figures721;
}

/**
 * The 721 figures of every street, community or grid within a scope (every community of a street, every
 * grid of a community) for a period, judged at `asOf`. A unit is listed when a problem was ever reported in
 * it within the scope, or when `units` names it, so that a unit with no problem this month shows zeros
 * instead of vanishing.
 * @throws RangeError for a malformed period, an unknown time zone or an invalid `asOf`.
 */
export const report721 = (state: ResolutionStatsState, query: Report721Query): Report721 => {
  const scope = query.scope ?? {};
  const cohort = cohortOf(state, query);
  const byUnit = new Map<string, CohortMember[]>();
  for (const unit of query.units ?? []) byUnit.set(unit, []);
  for (const track of Object.values(state.problems)) {
    if (inScope(track.path, scope) && !byUnit.has(track.path[query.by])) byUnit.set(track.path[query.by], []);
  }
  for (const member of cohort) byUnit.get(member.track.path[query.by])?.push(member);
  const rows = [...byUnit.keys()]
    .sort()
    .map((unit) => ({ unit, figures: figures721(byUnit.get(unit) ?? [], query.asOf, query.targets) }));
  return {
    scope,
    by: query.by,
    period: query.period,
    asOf: query.asOf,
    timeZone: query.timeZone ?? DEFAULT_TIME_ZONE,
    rows,
    total: figures721(cohort, query.asOf, query.targets),
  };
};
