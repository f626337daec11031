import { toMillis } from '../domain/shared/time.js';
import { deliberationFigures } from './deliberation-figures.js';
import type { DeliberationState } from '../projections/deliberation/state.js';
import type { DirectoryState } from '../projections/directory/state.js';
import type { HonourRollState } from '../projections/honour-roll/state.js';
import type { HonoursBoardState } from '../projections/honours/projection.js';
import { postedHonours } from '../projections/honours/queries.js';
import type { PointsLedgerState } from '../projections/points-ledger/state.js';
import type { ProblemLedgerState } from '../projections/problem-ledger/projection.js';
import { periodKeyOf } from '../projections/resolution-stats/calendar.js';
import type { CohortMember } from '../projections/resolution-stats/cohort.js';
import type { ResolutionStatsState } from '../projections/resolution-stats/projection.js';
import { figures721 } from '../projections/resolution-stats/query-721.js';
import { rates12345Of, type Rates12345Definitions } from '../projections/resolution-stats/rates-12345.js';
import type { Targets721 } from '../projections/resolution-stats/targets.js';
import { outcomeAt } from '../projections/resolution-stats/track.js';
import { backlogSeries, type DatedMember } from './backlog-series.js';
import { ledgerCategories } from './ledger-categories.js';
import { monthStartMillis, monthsBetween, nextMonth } from './month-calendar.js';
import { overdueProblems } from './overdue-problems.js';
import type { CommunityFigures, GridFigures, ReportData } from './report-data.js';
import { communityName, gridName, withName } from './unit-names.js';
import { honourFigures, pointsFigures, type HonourOptions } from './volunteer-figures.js';
import type { FundsState } from '../projections/funds/state.js';
import { fundFigures } from './fund-figures.js';
import type { ResponsibilityState } from '../projections/responsibility/state.js';
import { responsibilityFigures } from './responsibility-figures.js';

/** The read models a report is computed from, folded over the same history. */
export interface ReportStates {
  readonly resolutionStats: ResolutionStatsState;
  readonly problemLedger: ProblemLedgerState;
  readonly pointsLedger: PointsLedgerState;
  readonly honourRoll: HonourRollState;
  readonly directory: DirectoryState;
  /** The deliberation read model, when folded: the report then shows proposals, ballots and meetings. */
  readonly deliberation?: DeliberationState;
  readonly funds: FundsState;
  /** Who answers for each problem; left out, the report's responsibility section is empty. */
  readonly responsibility?: ResponsibilityState;
  /** The honours posted; left out, the report shows none. */
  readonly honoursBoard?: HonoursBoardState;
}

/** When and how the figures are judged. */
export interface ReportFigureOptions {
  /** The instant every figure is judged at; undefined only for a history without events. */
  readonly asOf: string | undefined;
  readonly timeZone: string;
  readonly targets: Targets721;
  /** How the 12345 rates are counted. */
  readonly rates12345: Rates12345Definitions;
  /** How the honour roll is drawn up. */
  readonly honour: HonourOptions;
}

// A history without events has no problems: any instant judges an empty cohort the same way.
const NO_EVENTS_ASOF = '1970-01-01T00:00:00.000Z';

const groupBy = <T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
};

const inIdOrder = <T>(groups: Map<string, T>): [string, T][] =>
  [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * The report's figures from the folded read models, all judged at `asOf`. A problem counts in the month
 * (and year) of its report, exactly as {@link figures721}'s cohorts count it, so every month's figures equal
 * `query721` for that month, and a community's figures equal the sum of its yearly `query721` cohorts: the
 * community table covers the whole history, not one year, so that a community with few problems still has
 * enough of them to judge its shares by. The backlog is counted differently, at each month's end: every
 * problem open then, whenever it was reported. Grids are counted as communities are; the points, the honour
 * roll, the 12345 rates and the overdue list are the answers of those read models' own queries.
 */
export const reportFigures = (
  states: ReportStates,
  options: ReportFigureOptions,
): Omit<ReportData, 'history'> => {
  const { timeZone, targets } = options;
  const asOf = options.asOf ?? NO_EVENTS_ASOF;
  const asOfMillis = toMillis(asOf);
  const problems = states.resolutionStats.problems;
  const reported: { member: CohortMember; month: string }[] = [];
  for (const id of Object.keys(problems).sort()) {
    const track = problems[id];
    if (track === undefined || toMillis(track.reportedAt) > asOfMillis) continue;
    reported.push({
      member: { track, outcome: outcomeAt(track, asOfMillis) },
      month: periodKeyOf(track.reportedAt, 'month', timeZone),
    });
  }
  const firstMonth = reported.reduce<string | undefined>(
    (first, { month }) => (first === undefined || month < first ? month : first),
    undefined,
  );
  const lastMonth = periodKeyOf(asOf, 'month', timeZone);
  const months = firstMonth === undefined ? [] : monthsBetween(firstMonth, lastMonth);
  const monthIndex = new Map(months.map((month, index) => [month, index]));
  const members: DatedMember[] = reported.map(({ member, month }) => ({
    ...member,
    monthIndex: monthIndex.get(month) ?? 0,
  }));

  const byMonth = groupBy(members, (member) => months[member.monthIndex] ?? lastMonth);
  const snapshots = months.map((month, index) =>
    index === months.length - 1 ? asOfMillis : monthStartMillis(nextMonth(month), timeZone) - 1,
  );
  const backlog = backlogSeries(members, snapshots, asOfMillis);

  const communities: CommunityFigures[] = inIdOrder(
    groupBy(members, (member) => member.track.path.community),
  ).map(([community, group]) => {
    const earliest = group.reduce((first, member) =>
      toMillis(member.track.reportedAt) < toMillis(first.track.reportedAt) ? member : first,
    );
    return {
      community,
      ...withName(communityName(states.directory, community)),
      street: earliest.track.path.street,
      figures: figures721(group, asOf, targets),
    };
  });
  // Grouped by community first: grid ids are the host's choice and unique only within a community.
  const grids: GridFigures[] = inIdOrder(groupBy(members, (member) => member.track.path.community)).flatMap(
    ([community, group]) =>
      inIdOrder(groupBy(group, (member) => member.track.path.grid)).map(([grid, cell]) => ({
        community,
        grid,
        ...withName(gridName(states.directory, community, grid)),
        figures: figures721(cell, asOf, targets),
      })),
  );

  return {
    asOf: options.asOf,
    timeZone,
    targets,
    total: figures721(members, asOf, targets),
    communities,
    months: months.map((month, index) => ({
      month,
      figures: figures721(byMonth.get(month) ?? [], asOf, targets),
      backlog: backlog[index] ?? { at: asOf, open: 0, overdue: 0 },
      rates: rates12345Of(byMonth.get(month) ?? [], asOf, options.rates12345),
    })),
    categories: ledgerCategories(states.problemLedger, asOf),
    grids,
    ratesDefinitions: options.rates12345,
    totalRates: rates12345Of(members, asOf, options.rates12345),
    overdue: overdueProblems(states.problemLedger, asOf),
    points: pointsFigures(states.pointsLedger, states.directory),
    honour: honourFigures(states.honourRoll, states.pointsLedger, asOf, options.honour),
    ...(states.deliberation === undefined
      ? {}
      : { deliberation: deliberationFigures(states.deliberation, asOf) }),
    funds: fundFigures(states.funds, states.directory, asOf),
    responsibility: responsibilityFigures(states.responsibility, options.asOf),
    honoursPosted: states.honoursBoard === undefined ? [] : postedHonours(states.honoursBoard),
  };
};
