import { ledgerRows, type LedgerLine } from '../projections/problem-ledger/ledger-rows.js';
import type { ProblemLedgerState } from '../projections/problem-ledger/projection.js';
import { toMillis } from '../domain/shared/time.js';

/**
 * The problem ledger's rows overdue at `asOf` (as `ledgerRows` flags them), the earliest deadline first,
 * so the list opens with the problems kept waiting longest; ties stay in the ledger's order (oldest report
 * first). Every overdue row is listed: it is the list a street office acts on.
 */
export const overdueProblems = (state: ProblemLedgerState, asOf: string): LedgerLine[] =>
  ledgerRows(state, { asOf })
    .filter((row) => row.overdue)
    // An overdue row always has a deadline; the fallback only satisfies the type.
    .sort((a, b) => toMillis(a.dueBy ?? a.reportedAt) - toMillis(b.dueBy ?? b.reportedAt));
