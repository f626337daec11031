import { compareIds, entryOf } from '../id-record.js';
import {
  emptyCommunityPoints,
  type CommunityPoints,
  type PointsLedgerState,
  type ResidentAccount,
} from './state.js';

/** A resident's account, or undefined for a resident with no entries. */
export const residentAccount = (state: PointsLedgerState, residentId: string): ResidentAccount | undefined =>
  entryOf(state.accounts, residentId);

/** A community's points totals; all zero for a community with no entries. */
export const communityPoints = (state: PointsLedgerState, community: string): CommunityPoints =>
  entryOf(state.communities, community) ?? emptyCommunityPoints(community);

/** What one community owes at its next redemption event. */
export interface CommunityOutstanding {
  readonly community: string;
  readonly outstanding: number;
}

/**
 * What each community owes, by community id. `communities` narrows the answer (a street's communities, from
 * the directory) and lists a named community with no entries at zero; left out, every community with
 * entries is listed.
 */
export const outstandingByCommunity = (
  state: PointsLedgerState,
  communities?: readonly string[],
): readonly CommunityOutstanding[] =>
  [...new Set(communities ?? Object.keys(state.communities))]
    .sort(compareIds)
    .map((community) => ({ community, outstanding: communityPoints(state, community).outstanding }));
