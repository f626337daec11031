/**
 * A resident's points account. `balance` is `earned - redeemed + adjusted`; the id sets make awards (by task),
 * redemptions and adjustments (by id) idempotent, so a replayed command changes nothing.
 */
export interface ResidentPointsState {
  readonly balance: number;
  readonly earned: number;
  readonly redeemed: number;
  /** The signed sum of all adjustments. */
  readonly adjusted: number;
  readonly awardedTaskIds: ReadonlySet<string>;
  readonly redemptionIds: ReadonlySet<string>;
  readonly adjustmentIds: ReadonlySet<string>;
}

/** An account with no entries. */
export const initialPointsState: ResidentPointsState = {
  balance: 0,
  earned: 0,
  redeemed: 0,
  adjusted: 0,
  awardedTaskIds: new Set(),
  redemptionIds: new Set(),
  adjustmentIds: new Set(),
};
