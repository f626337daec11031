import { ledgerRows } from '../projections/problem-ledger/ledger-rows.js';
import type { ProblemLedgerState } from '../projections/problem-ledger/projection.js';
import { isOpenRow } from '../projections/problem-ledger/row.js';
import type { CategoryLine } from './report-data.js';

type Counts = { -readonly [K in Exclude<keyof CategoryLine, 'category'>]: number };

/**
 * The problem ledger (台账) counted by the category triage confirmed (the reported one before triage), with
 * overdue judged at `asOf`; categories in code-point order.
 */
export const ledgerCategories = (state: ProblemLedgerState, asOf: string): CategoryLine[] => {
  const byCategory = new Map<string, Counts>();
  for (const row of ledgerRows(state, { asOf })) {
    let counts = byCategory.get(row.category);
    if (counts === undefined) {
      counts = { reported: 0, open: 0, overdue: 0, resolved: 0, rejected: 0 };
      byCategory.set(row.category, counts);
    }
    counts.reported += 1;
    if (isOpenRow(row)) counts.open += 1;
    if (row.overdue) counts.overdue += 1;
    if (row.status === 'resolved' || row.status === 'closed') counts.resolved += 1;
    if (row.status === 'rejected') counts.rejected += 1;
  }
  return [...byCategory]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([category, counts]) => ({ category, ...counts }));
};
