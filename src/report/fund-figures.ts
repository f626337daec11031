import type { DirectoryState } from '../projections/directory/state.js';
import {
  fundLedgerRows,
  partnershipsDueForRevenueShare,
  type FundLedgerFigures,
} from '../projections/funds/queries.js';
import type { FundsState, PartnershipCard } from '../projections/funds/state.js';
import { communityName, withName } from './unit-names.js';

/** A fund ledger row with its community's name, if the directory records one. */
export interface FundLedgerLine extends FundLedgerFigures {
  readonly name?: string;
}

/** The report's fund figures: the ledger rows, and the partnerships due to share revenue at its instant. */
export interface FundFigures {
  /** By community id, then year. */
  readonly ledger: readonly FundLedgerLine[];
  readonly partnershipsDue: readonly PartnershipCard[];
  readonly partnerships: number;
  readonly sharing: number;
}

/** The fund figures of a history, judged at `asOf`. */
export const fundFigures = (funds: FundsState, directory: DirectoryState, asOf: string): FundFigures => {
  const cards = Object.values(funds.partnerships);
  return {
    ledger: fundLedgerRows(funds).map((row) => ({
      ...row,
      ...withName(communityName(directory, row.community)),
    })),
    partnershipsDue: partnershipsDueForRevenueShare(funds, asOf),
    partnerships: cards.length,
    sharing: cards.filter((card) => card.status === 'sharing').length,
  };
};
