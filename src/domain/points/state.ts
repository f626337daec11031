import { emptyIdMap, type IdMap } from '../shared/id-map.js';

/**
 * A resident's points account. `balance` is `earned - redeemed + adjusted`; the id sets make awards (by task),
 * redemptions and adjustments (by id) idempotent, so a replayed command changes nothing. They are persistent
 * maps, so recording an entry costs the same on an account of ten entries or ten thousand.
 */
export interface ResidentPointsState {
  /**
   * The community that keeps the account: the one its first entry was recorded in. Redemptions and
   * corrections are made there, by its staff, whatever community a later command names.
   */
  readonly community?: string;
  readonly balance: number;
  readonly earned: number;
  readonly redeemed: number;
  /** The signed sum of all adjustments. */
  readonly adjusted: number;
  readonly awardedTaskIds: IdMap<true>;
  readonly redemptionIds: IdMap<true>;
  readonly adjustmentIds: IdMap<true>;
}

/** An account with no entries. */
export const initialPointsState: ResidentPointsState = {
  balance: 0,
  earned: 0,
  redeemed: 0,
  adjusted: 0,
  awardedTaskIds: emptyIdMap(),
  redemptionIds: emptyIdMap(),
  adjustmentIds: emptyIdMap(),
};
