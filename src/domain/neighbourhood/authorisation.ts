import { coversPath, hasRole, type Actor } from '../shared/actors.js';
import { unitPath } from './tree.js';
import type { EstablishedNeighbourhood } from './state.js';

/** Who may act on a community as a whole (its tree and its leaders), given a scope that covers it. */
const COMMUNITY_MANAGERS = ['administrator', 'street-official', 'community-staff'] as const;

/**
 * Establishing a community is the street's act: an administrator or a street official whose scope covers
 * the street (administrators are held to their scope like everyone else; `'*'` covers every street).
 */
export const mayEstablish = (actor: Actor, streetId: string): boolean =>
  hasRole(actor, ['administrator', 'street-official']) && coversPath(actor, [streetId]);

/**
 * Shaping the tree and appointing leaders: an administrator, street official or community worker whose
 * scope covers the community (its street or the community itself).
 */
export const mayManage = (actor: Actor, state: EstablishedNeighbourhood): boolean =>
  hasRole(actor, COMMUNITY_MANAGERS) && coversPath(actor, [state.streetId, state.neighbourhoodId]);

/**
 * Whether the actor could keep any household of the community: checked before looking households or groups
 * up, so that an outsider learns nothing about the register from the rejection.
 */
export const mayKeepSomeHouseholds = (actor: Actor, state: EstablishedNeighbourhood): boolean =>
  mayManage(actor, state) || hasRole(actor, ['grid-worker']);

/**
 * Keeping the household register: whoever may manage the community, and a grid worker for households in
 * the grid they work. A grid worker's reach is judged only on the part of the path from the grid down, so a
 * community id in a grid worker's scope does not stretch it over the whole community. Every group the
 * command touches must be covered: moving a household from grid A into grid B needs both.
 */
export const mayKeepHouseholds = (
  actor: Actor,
  state: EstablishedNeighbourhood,
  groupIds: readonly string[],
): boolean =>
  mayManage(actor, state) ||
  (hasRole(actor, ['grid-worker']) &&
    groupIds.every((groupId) => coversPath(actor, unitPath(state, groupId)?.slice(1) ?? [])));
