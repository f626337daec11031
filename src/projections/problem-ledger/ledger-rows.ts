import { toMillis } from '../../domain/shared/time.js';
import { inScope, type UnitScope } from '../resolution-stats/scope.js';
import type { ProblemLedgerState } from './projection.js';
import { isOverdue, type LedgerRow } from './row.js';

/** A ledger row with its overdue flag judged at the query's `asOf`. */
export interface LedgerLine extends LedgerRow {
  readonly overdue: boolean;
}

/** Which rows to list and when to judge them overdue. */
export interface LedgerRowsQuery {
  /** The places covered; everything when omitted. */
  readonly scope?: UnitScope;
  /** The instant overdue is judged at, normally now. */
  readonly asOf: string;
}

/** Orders rows as a ledger is written: by report time, then problem id. */
export const byReportTime = (a: LedgerRow, b: LedgerRow): number =>
  toMillis(a.reportedAt) - toMillis(b.reportedAt) ||
  (a.problemId < b.problemId ? -1 : a.problemId > b.problemId ? 1 : 0);

/**
 * The ledger's rows within a scope, oldest report first, each flagged overdue when it is open past its
 * deadline at `asOf`. Rows show each problem as the events folded so far leave it; to see the ledger as it
 * stood at an earlier moment, fold the history up to that moment.
 * @throws RangeError for an invalid `asOf`.
 */
export const ledgerRows = (state: ProblemLedgerState, query: LedgerRowsQuery): LedgerLine[] => {
  if (Number.isNaN(toMillis(query.asOf))) throw new RangeError(`invalid asOf ${query.asOf}`);
  const scope = query.scope ?? {};
  return Object.values(state.rows)
    .filter((row) => inScope(row.path, scope))
    .sort(byReportTime)
    .map((row) => ({ ...row, overdue: isOverdue(row, query.asOf) }));
};
