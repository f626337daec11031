import { topContributors, type RankedContributor } from '../projections/honour-roll/top-contributors.js';
import { communityPoints, residentAccount } from '../projections/points-ledger/queries.js';
import type { CommunityPoints } from '../projections/points-ledger/state.js';
import type { Figures721 } from '../projections/resolution-stats/query-721.js';
import { report721 } from '../projections/resolution-stats/report-721.js';
import { YEAR_END, iso } from './clock.js';
import type { Provocation } from './commander.js';
import type { District } from './district.js';
import type { DemoReadModels } from './read-models.js';
import type { YearCounts } from './simulate.js';

/** The quarter whose honour roll the demo prints: the last of the simulated year. */
export const HONOUR_QUARTER = '2026-Q4';

/** One community's line of the report. */
export interface CommunitySummary {
  readonly communityId: string;
  readonly name: string;
  readonly households: number;
  readonly grids: number;
  /** The year's 721 figures (problems reported in 2026, as they stood at the end of the year). */
  readonly figures: Figures721;
  readonly points: CommunityPoints;
}

/** A place on the quarter's honour roll, with the community the resident's account is kept in. */
export interface HonourPlace extends RankedContributor {
  readonly community: string;
}

/** What `runDemo` found, every figure drawn from the read models rebuilt from the recorded history. */
export interface DemoSummary {
  readonly seed: number;
  readonly households: number;
  readonly street: { readonly streetId: string; readonly name: string };
  readonly communities: readonly CommunitySummary[];
  /** The street as a whole. */
  readonly total: { readonly figures: Figures721; readonly points: Omit<CommunityPoints, 'community'> };
  readonly honourRoll: { readonly quarter: string; readonly places: readonly HonourPlace[] };
  readonly commands: number;
  readonly events: number;
  readonly eventTypes: Readonly<Record<string, number>>;
  readonly counts: YearCounts;
  /** The commands the demo sent to show a rule at work, each refused as expected. */
  readonly provoked: readonly Provocation[];
  /** Where the history was exported to, when it was. */
  readonly history?: { readonly path: string; readonly events: number; readonly digest: string };
}

/** Everything {@link summarise} reads. */
export interface SummaryInput {
  readonly seed: number;
  readonly district: District;
  readonly models: DemoReadModels;
  readonly commands: number;
  readonly counts: YearCounts;
  readonly provoked: readonly Provocation[];
}

/** Draws the demo's summary from the rebuilt read models. */
export const summarise = (input: SummaryInput): DemoSummary => {
  const { district, models } = input;
  const ids = district.communities.map((community) => community.communityId);
  const report = report721(models.resolutionStats, {
    by: 'community',
    scope: { street: district.streetId },
    period: { kind: 'year', key: '2026' },
    asOf: iso(YEAR_END),
    units: ids,
  });
  const figuresOf = new Map(report.rows.map((row) => [row.unit, row.figures]));
  const communities = district.communities.map((community): CommunitySummary => {
    const figures = figuresOf.get(community.communityId);
    if (figures === undefined) throw new Error(`the 721 report has no row for ${community.communityId}`);
    return {
      communityId: community.communityId,
      name: community.name,
      households: community.households.filter((household) => household.active).length,
      grids: community.grids.length,
      figures,
      points: communityPoints(models.pointsLedger, community.communityId),
    };
  });
  const sum = (pick: (points: CommunityPoints) => number): number =>
    communities.reduce((total, community) => total + pick(community.points), 0);
  const places = topContributors(models.honourRoll, { quarter: HONOUR_QUARTER, limit: 10 }).map(
    (place): HonourPlace => ({
      ...place,
      community: residentAccount(models.pointsLedger, place.residentId)?.community ?? '',
    }),
  );
  return {
    seed: input.seed,
    households: district.households,
    street: { streetId: district.streetId, name: district.streetName },
    communities,
    total: {
      figures: report.total,
      points: {
        issued: sum((p) => p.issued),
        redeemed: sum((p) => p.redeemed),
        adjusted: sum((p) => p.adjusted),
        outstanding: sum((p) => p.outstanding),
        residents: sum((p) => p.residents),
      },
    },
    honourRoll: { quarter: HONOUR_QUARTER, places },
    commands: input.commands,
    events: models.events,
    eventTypes: models.eventTypes,
    counts: input.counts,
    provoked: input.provoked,
  };
};
