import type { ProblemStatus } from '../../domain/problem/state.js';
import { TIERS, type Tier } from '../../domain/shared/tiers.js';
import { assertPeriodAndZone, DEFAULT_TIME_ZONE, periodKeyOf } from '../resolution-stats/calendar.js';
import { ledgerRows, type LedgerLine } from './ledger-rows.js';
import type { ProblemLedgerState } from './projection.js';
import { isOpenRow, settledAt } from './row.js';

/** Every status a ledger line can have, in lifecycle order. */
export const LEDGER_STATUSES = [
  'reported',
  'triaged',
  'resolved',
  'closed',
  'rejected',
] as const satisfies readonly ProblemStatus[];

/** The day of the month before which a community files its ledger with the street (Longtanzi: the 25th). */
export const FILING_DAY = 25;

/** Which community's report, for which month, judged when, and in which time zone. */
export interface MonthlyLedgerQuery {
  readonly community: string;
  /** The month, `YYYY-MM`, in `timeZone`. */
  readonly month: string;
  /** The instant overdue is judged at: normally the filing date. */
  readonly asOf: string;
  /** Asia/Shanghai when omitted. */
  readonly timeZone?: string;
}

/** A line of the monthly report: a ledger row, and whether it was reported before the month. */
export interface MonthlyLedgerLine extends LedgerLine {
  readonly carriedOver: boolean;
}

/** Counts over the lines of a report. `untriaged` is the tier of a problem not yet handed to one. */
export interface LedgerTally {
  readonly byCategory: Readonly<Record<string, number>>;
  readonly byStatus: Readonly<Record<ProblemStatus, number>>;
  readonly byTier: Readonly<Record<Tier | 'untriaged', number>>;
  readonly overdue: number;
}

/** The ledger a community files with its street for one month. */
export interface MonthlyLedgerReport {
  readonly community: string;
  readonly month: string;
  readonly timeZone: string;
  readonly asOf: string;
  /** The local date (`YYYY-MM-25`) the report is due with the street: it is filed before it. */
  readonly fileBefore: string;
  /** The month's problems, oldest report first. */
  readonly lines: readonly MonthlyLedgerLine[];
  /** Lines reported within the month. */
  readonly reportedInMonth: number;
  /** Lines reported in an earlier month and not settled before this one. */
  readonly carriedOver: number;
  /** Lines whose standing resolution or rejection falls within the month. */
  readonly settledInMonth: number;
  readonly tally: LedgerTally;
}

const tallyOf = (lines: readonly MonthlyLedgerLine[]): LedgerTally => {
  const categories = [...new Set(lines.map((line) => line.category))].sort();
  const byCategory = Object.fromEntries(categories.map((category) => [category, 0])) as Record<
    string,
    number
  >;
  const byStatus = Object.fromEntries(LEDGER_STATUSES.map((status) => [status, 0])) as Record<
    ProblemStatus,
    number
  >;
  const byTier = Object.fromEntries([...TIERS, 'untriaged'].map((tier) => [tier, 0])) as Record<
    Tier | 'untriaged',
    number
  >;
  let overdue = 0;
  for (const line of lines) {
    byCategory[line.category] = (byCategory[line.category] ?? 0) + 1;
    byStatus[line.status] += 1;
    byTier[line.tier ?? 'untriaged'] += 1;
    if (line.overdue) overdue += 1;
  }
  return { byCategory, byStatus, byTier, overdue };
};

/**
 * The monthly ledger report of a community (Longtanzi: filed with the street before the 25th). It lists
 * every problem on the community's books during the month: those reported in it, and those reported
 * earlier that were still open when it began (open now, or settled during or after the month). Each line
 * shows the problem as the events folded so far leave it, flagged overdue at `asOf`, and the report counts
 * the lines by category, status, tier and overdue. Months are local months in `timeZone`.
 * @throws RangeError for a malformed month, an unknown time zone or an invalid `asOf`.
 */
export const monthlyLedgerReport = (
  state: ProblemLedgerState,
  query: MonthlyLedgerQuery,
): MonthlyLedgerReport => {
  const timeZone = query.timeZone ?? DEFAULT_TIME_ZONE;
  const { month } = query;
  assertPeriodAndZone({ kind: 'month', key: month }, timeZone);
  const monthOf = (instant: string): string => periodKeyOf(instant, 'month', timeZone);
  const lines: MonthlyLedgerLine[] = [];
  let settledInMonth = 0;
  for (const line of ledgerRows(state, { scope: { community: query.community }, asOf: query.asOf })) {
    const reportedIn = monthOf(line.reportedAt);
    if (reportedIn > month) continue;
    const settled = settledAt(line);
    const settledIn = settled === undefined ? undefined : monthOf(settled);
    if (reportedIn < month && !isOpenRow(line) && (settledIn === undefined || settledIn < month)) continue;
    if (settledIn === month) settledInMonth += 1;
    lines.push({ ...line, carriedOver: reportedIn < month });
  }
  const carriedOver = lines.filter((line) => line.carriedOver).length;
  return {
    community: query.community,
    month,
    timeZone,
    asOf: query.asOf,
    fileBefore: `${month}-${FILING_DAY}`,
    lines,
    reportedInMonth: lines.length - carriedOver,
    carriedOver,
    settledInMonth,
    tally: tallyOf(lines),
  };
};
