/** The funds read model: the fund ledger per community and year, the project board, partnerships due. */
export {
  FUND_BOARD_COLUMNS,
  fundLedger,
  fundLedgerRows,
  fundProjectBoard,
  partnershipsDueForRevenueShare,
  type FundLedgerFigures,
  type FundProjectBoard,
} from './queries.js';
export { fundsProjection } from './projection.js';
export {
  initialFundsState,
  type CoFunding,
  type FundLedgerRow,
  type FundProjectCard,
  type FundsState,
  type PartnershipCard,
} from './state.js';
