import { TREE_DEPTH } from '../../domain/neighbourhood/hierarchy.js';
import type { UnitPath } from '../../domain/shared/units.js';
import { entryOf } from '../id-record.js';
import type { DirectoryCommunity, DirectoryState } from './state.js';

/**
 * The community a unit id belongs to: the one named, or else the only community with a unit of that id.
 * Undefined when no community has it, or when several do (unit ids are the host's choice and only unique
 * within a community): guessing there could stamp a problem on the wrong community.
 */
export const communityOfUnit = (
  state: DirectoryState,
  unitId: string,
  communityId?: string,
): DirectoryCommunity | undefined => {
  if (communityId !== undefined) return entryOf(state.communities, communityId);
  const holders = Object.keys(entryOf(state.unitCommunities, unitId) ?? {});
  const only = holders.length === 1 ? holders[0] : undefined;
  return only === undefined ? undefined : entryOf(state.communities, only);
};

/**
 * The unit ids from the community root down to `unitId`, widest first (community, grid, lane, group); the
 * community id alone for the root. Undefined for a unit the community does not have or a broken chain.
 */
export const unitChain = (community: DirectoryCommunity, unitId: string): readonly string[] | undefined => {
  const below: string[] = [];
  let current = unitId;
  // Bounded by the tree's depth, so a tree folded from events no decider produced cannot loop.
  for (let steps = 0; steps <= TREE_DEPTH; steps++) {
    if (current === community.communityId) return [current, ...below.reverse()];
    const unit = entryOf(community.units, current);
    if (unit === undefined) return undefined;
    below.push(current);
    current = unit.parentId;
  }
  return undefined;
};

/**
 * The street / community / grid path of a grid, lane or neighbour group: what a problem reported there is
 * stamped with. Undefined for the community root (it lies in no grid), an unknown unit, or a unit id several
 * communities share unless `communityId` says which.
 */
export const unitPathOf = (
  state: DirectoryState,
  unitId: string,
  communityId?: string,
): UnitPath | undefined => {
  const community = communityOfUnit(state, unitId, communityId);
  if (community === undefined) return undefined;
  const grid = unitChain(community, unitId)?.[1];
  return grid === undefined
    ? undefined
    : { street: community.streetId, community: community.communityId, grid };
};
