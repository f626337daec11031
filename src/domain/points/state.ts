import { emptyIdMap, type IdMap } from '../shared/id-map.js';
import type { PointsEventOf } from './events.js';

/**
 * A resident's points account. `balance` is `earned - redeemed + adjusted`; the maps hold what each award (by
 * task), redemption and adjustment (by id) recorded, so that a replayed command changes nothing and an id
 * reused for other content is told apart. They are persistent maps, so recording an entry costs the same on an
 * account of ten entries or ten thousand; they share the events' data, copying nothing.
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
  readonly awardedTaskIds: IdMap<PointsEventOf<'PointsEarned'>['data']>;
  readonly redemptionIds: IdMap<PointsEventOf<'PointsRedeemed'>['data']>;
  readonly adjustmentIds: IdMap<PointsEventOf<'PointsAdjusted'>['data']>;
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
