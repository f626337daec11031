import type { StarVolunteer } from '../projections/honour-roll/star-ratings.js';
import type { DeliberationFigures } from './deliberation-figures.js';
import type { PostedHonour } from '../projections/honours/projection.js';
import type { RankedContributor } from '../projections/honour-roll/top-contributors.js';
import type { CommunityPoints } from '../projections/points-ledger/state.js';
import type { LedgerLine } from '../projections/problem-ledger/ledger-rows.js';
import type { Figures721 } from '../projections/resolution-stats/query-721.js';
import type { Rates12345, Rates12345Definitions } from '../projections/resolution-stats/rates-12345.js';
import type { Targets721 } from '../projections/resolution-stats/targets.js';
import type { FundFigures } from './fund-figures.js';
import type { ResponsibilityFigures } from './responsibility-figures.js';

/** An event of the history the report could not use, with where it is and why. */
export interface SkippedEvent {
  readonly line: number;
  readonly streamId: string;
  readonly type: string;
  readonly reason: string;
}

/** What the history file said about itself, and what of it the report could not use. */
export interface HistoryFacts {
  /** Event lines read. */
  readonly events: number;
  /** The digest of the file's events as read, `sha256:<hex>`: which history the report was drawn from. */
  readonly digest: string;
  /** Events that are not valid linli events (left out of every figure). */
  readonly skipped: number;
  /** The first few of them, to look up with `linli audit`. */
  readonly firstSkipped: readonly SkippedEvent[];
  /** What the trailer disagreed with (digest, event count): the file was changed after export. */
  readonly integrity: readonly string[];
}

/** One community's 721 figures over the whole history. */
export interface CommunityFigures {
  readonly community: string;
  /** The community's name in the neighbourhood directory; absent when the history never established it. */
  readonly name?: string;
  /** The street of the community's problems (the first one reported, should a community appear under two). */
  readonly street: string;
  readonly figures: Figures721;
}

/** One grid's 721 figures over the whole history (grid ids are unique only within their community). */
export interface GridFigures {
  readonly community: string;
  readonly grid: string;
  /** The grid's name in the neighbourhood directory, when the history added it with one. */
  readonly name?: string;
  readonly figures: Figures721;
}

/** How many problems were open, and how many of them overdue, at one instant. */
export interface BacklogPoint {
  /** The snapshot instant: the last millisecond of the month, or the report's instant for its last month. */
  readonly at: string;
  readonly open: number;
  readonly overdue: number;
}

/** One month of the report: the 721 figures of the problems reported in it, and the backlog at its end. */
export interface MonthFigures {
  /** `YYYY-MM` in the report's time zone. */
  readonly month: string;
  /** The 721 figures of the month's cohort (the problems reported in it), judged at the report's instant. */
  readonly figures: Figures721;
  /** Every problem open at the end of the month, whenever it was reported. */
  readonly backlog: BacklogPoint;
  /** Beijing's three 12345 rates of the month's cohort, judged at the report's instant. */
  readonly rates: Rates12345;
}

/** One community's points as `communityPoints` answers, with its name in the directory. */
export interface PointsLedgerLine extends CommunityPoints {
  readonly name?: string;
}

/** The points ledger per community. */
export interface PointsLedgerFigures {
  /** Every community with points entries or in the directory, in community-id order. */
  readonly communities: readonly PointsLedgerLine[];
  /** The communities' totals added up (`community` is empty). */
  readonly total: CommunityPoints;
}

/** A place on the quarter's roll, with the community the resident's points account is held by. */
export interface HonourPlace extends RankedContributor {
  /** The community of the resident's latest points entry; absent for a resident with no account. */
  readonly community?: string;
}

/** The honour roll as of the report's instant: the quarter's top contributors and the year's stars. */
export interface HonourFigures {
  /** The quarter of the report's instant, `YYYY-Qn` in its time zone. */
  readonly quarter: string;
  /** `topContributors` for the quarter, all communities together. */
  readonly top: readonly HonourPlace[];
  /** The year of the report's instant, `YYYY`. */
  readonly year: string;
  /** `starRatings` for the year, all communities together. */
  readonly stars: readonly StarVolunteer[];
  /** The points each star takes, ascending. */
  readonly starThresholds: readonly number[];
}

/** The problem ledger (台账) counted by category, as the whole history leaves it. */
export interface CategoryLine {
  readonly category: string;
  readonly reported: number;
  /** Waiting for triage or held by a tier (reopened ones included). */
  readonly open: number;
  readonly overdue: number;
  /** Resolved or closed. */
  readonly resolved: number;
  readonly rejected: number;
}

/**
 * Everything `linli report` shows, computed from a history alone: the same history always gives the same
 * data, and the same data the same HTML.
 */
export interface ReportData {
  /**
   * The instant every figure is judged at: the latest `occurredAt` in the history (undefined for a history
   * without events). Never the wall clock, so a report can be regenerated byte for byte.
   */
  readonly asOf: string | undefined;
  /** The IANA time zone months are counted in. */
  readonly timeZone: string;
  readonly targets: Targets721;
  readonly history: HistoryFacts;
  /** The figures of every problem in the history (the union of all the months' cohorts). */
  readonly total: Figures721;
  /** Per community, in community-id order. */
  readonly communities: readonly CommunityFigures[];
  /** Every month from the first report to the report's instant, in order (months without reports included). */
  readonly months: readonly MonthFigures[];
  /** The ledger's categories, in category order. */
  readonly categories: readonly CategoryLine[];
  /** Per grid, in community-id then grid-id order. */
  readonly grids: readonly GridFigures[];
  /** The definitions the 12345 rates were counted by. */
  readonly ratesDefinitions: Rates12345Definitions;
  /** The 12345 rates of every problem in the history. */
  readonly totalRates: Rates12345;
  /** The ledger rows overdue at the report's instant, the longest overdue (earliest deadline) first. */
  readonly overdue: readonly LedgerLine[];
  readonly points: PointsLedgerFigures;
  readonly honour: HonourFigures;
  /** Proposals, ballots and meetings; absent when the read model was not folded. */
  readonly deliberation?: DeliberationFigures;
  readonly funds: FundFigures;
  readonly responsibility: ResponsibilityFigures;
  /** The honours staff posted, as recorded (`HonourAwarded`, `PrizeGiven`); empty when none were. */
  readonly honoursPosted?: readonly PostedHonour[];
}
