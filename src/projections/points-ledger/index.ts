/** The points ledger: every resident's balance and history, and what each community owes. */
export { entryOf, type IdRecord } from '../id-record.js';
export { pointsLedgerProjection } from './projection.js';
export {
  communityPoints,
  outstandingByCommunity,
  residentAccount,
  type CommunityOutstanding,
} from './queries.js';
export {
  emptyCommunityPoints,
  initialPointsLedgerState,
  type CommunityPoints,
  type LedgerEntry,
  type LedgerEntryKind,
  type PointsLedgerState,
  type ResidentAccount,
} from './state.js';
