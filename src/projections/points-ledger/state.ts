import { idRecord, type IdRecord } from '../id-record.js';

/** What an entry of a resident's ledger records. */
export type LedgerEntryKind = 'earned' | 'redeemed' | 'adjusted';

/** One line of a resident's points history, as the auditor reads it. */
export interface LedgerEntry {
  /** The event's global position in the log, as a decimal string (exact, and JSON-able unlike a bigint). */
  readonly position: string;
  /** The event's revision in the resident's `points-<residentId>` stream. */
  readonly revision: number;
  readonly eventId: string;
  readonly occurredAt: string;
  readonly kind: LedgerEntryKind;
  /** Signed: positive for earned points, negative for a redemption, either sign for an adjustment. */
  readonly amount: number;
  /** The balance right after this entry; never below zero in a history the decider wrote. */
  readonly balanceAfter: number;
  /** The community the entry was made in. */
  readonly community: string;
  readonly taskId?: string;
  readonly redemptionId?: string;
  readonly adjustmentId?: string;
  /** An adjustment's stated reason. */
  readonly reason?: string;
}

/** One resident's points account. */
export interface ResidentAccount {
  readonly residentId: string;
  /** `earned - redeemed + adjusted`. */
  readonly balance: number;
  readonly earned: number;
  readonly redeemed: number;
  /** The signed sum of the adjustments. */
  readonly adjusted: number;
  /**
   * The community the resident's balance is owed by: the community of their latest entry. Points belong to
   * the resident, not to a community, so the community they last earned, redeemed or were adjusted in is
   * taken as the one whose next redemption event will pay out the balance.
   */
  readonly community: string;
  /** The stream revision of the last entry applied: a redelivered entry at or below it changes nothing. */
  readonly revision: number;
  readonly entries: readonly LedgerEntry[];
}

/**
 * One community's points. `issued`, `redeemed` and `adjusted` count the entries made in the community;
 * `outstanding` is the sum of the balances of the residents whose account it holds (see
 * {@link ResidentAccount.community}). With residents who never change community, `outstanding` equals
 * `issued - redeemed + adjusted`; when one does, their whole balance moves with them.
 */
export interface CommunityPoints {
  readonly community: string;
  readonly issued: number;
  readonly redeemed: number;
  /** The signed sum of the adjustments made in the community. */
  readonly adjusted: number;
  /** What the community owes at its next redemption event. */
  readonly outstanding: number;
  /** How many residents' accounts it holds. */
  readonly residents: number;
}

/** The points ledger: every resident's account and every community's totals. */
export interface PointsLedgerState {
  readonly accounts: Readonly<IdRecord<ResidentAccount>>;
  readonly communities: Readonly<IdRecord<CommunityPoints>>;
}

/** The ledger before any points event. */
export const initialPointsLedgerState: PointsLedgerState = {
  accounts: idRecord(),
  communities: idRecord(),
};

/** The totals of a community with no entries. */
export const emptyCommunityPoints = (community: string): CommunityPoints => ({
  community,
  issued: 0,
  redeemed: 0,
  adjusted: 0,
  outstanding: 0,
  residents: 0,
});
