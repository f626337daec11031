import { FUND_STEPS, type FundStep } from '../../domain/fund-project/state.js';
import { toMillis } from '../../domain/shared/time.js';
import { compareIds, entryOf } from '../id-record.js';
import {
  emptyFundLedgerRow,
  type FundLedgerRow,
  type FundProjectCard,
  type FundsState,
  type PartnershipCard,
} from './state.js';

/** A ledger row with the leverage summed: partner and resident money together. */
export interface FundLedgerFigures extends FundLedgerRow {
  readonly leveragedFen: number;
}

const withLeverage = (row: FundLedgerRow): FundLedgerFigures => ({
  ...row,
  leveragedFen: row.partnerFen + row.residentFen,
});

/** The fund ledger of a community's year: allocated, spent, leveraged (zeros for a year with nothing). */
export const fundLedger = (state: FundsState, community: string, year: number): FundLedgerFigures => {
  const years = entryOf(state.ledger, community);
  const row = years === undefined ? undefined : entryOf(years, String(year));
  return withLeverage(row ?? emptyFundLedgerRow(community, year));
};

/** Every ledger row, by community (id order) then year, optionally of one community only. */
export const fundLedgerRows = (state: FundsState, community?: string): FundLedgerFigures[] =>
  Object.keys(state.ledger)
    .filter((id) => community === undefined || id === community)
    .sort(compareIds)
    .flatMap((id) =>
      Object.values(entryOf(state.ledger, id) ?? {})
        .sort((a, b) => a.year - b.year)
        .map(withLeverage),
    );

/** The project board of a community: its projects by step, each list in project-id order. */
export type FundProjectBoard = Readonly<Record<FundStep, readonly FundProjectCard[]>>;

/** The project board of a community, optionally of one fund year. */
export const fundProjectBoard = (state: FundsState, community: string, year?: number): FundProjectBoard => {
  const board: Record<FundStep, FundProjectCard[]> = {
    solicited: [],
    decided: [],
    implementing: [],
    completed: [],
    closed: [],
    declined: [],
  };
  const ids = Object.keys(state.projects).sort(compareIds);
  for (const id of ids) {
    const card = entryOf(state.projects, id);
    if (card === undefined || card.community !== community) continue;
    if (year !== undefined && card.fundYear !== year) continue;
    board[card.step].push(card);
  }
  return board;
};

/** The steps of the board in order, `declined` last: for hosts that render it column by column. */
export const FUND_BOARD_COLUMNS: readonly FundStep[] = [...FUND_STEPS, 'declined'];

/**
 * Partnerships whose term has ended by `asOf` and that do not share revenue yet (agreed, not ended): those
 * the community should now start sharing, optionally of one community. Ordered by term end, then id.
 */
export const partnershipsDueForRevenueShare = (
  state: FundsState,
  asOf: string,
  community?: string,
): PartnershipCard[] =>
  Object.values(state.partnerships)
    .filter(
      (card) =>
        card.status === 'agreed' &&
        (community === undefined || card.community === community) &&
        toMillis(card.termEnd) <= toMillis(asOf),
    )
    .sort(
      (a, b) => toMillis(a.termEnd) - toMillis(b.termEnd) || compareIds(a.partnershipId, b.partnershipId),
    );
