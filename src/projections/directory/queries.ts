import { TREE_DEPTH, type LeaderRole, type TreeLevel } from '../../domain/neighbourhood/hierarchy.js';
import { entryOf, sortedIds } from '../id-record.js';
import type { DirectoryCommunity, DirectorySeats, DirectoryState } from './state.js';

/** A community's entry, or undefined for one never established. */
export const communityEntry = (state: DirectoryState, communityId: string): DirectoryCommunity | undefined =>
  entryOf(state.communities, communityId);

/** The ids of a street's communities, sorted. */
export const communitiesOfStreet = (state: DirectoryState, streetId: string): readonly string[] =>
  sortedIds(entryOf(state.streets, streetId) ?? {});

/** Who holds which role on a unit (the community id for the secretary); empty when nobody leads it. */
export const leadersOf = (state: DirectoryState, communityId: string, unitId: string): DirectorySeats =>
  entryOf(communityEntry(state, communityId)?.leaders ?? {}, unitId) ?? {};

/** The people holding one role on one unit, in order of appointment. */
export const leadersInRole = (
  state: DirectoryState,
  communityId: string,
  unitId: string,
  role: LeaderRole,
): readonly string[] => leadersOf(state, communityId, unitId)[role] ?? [];

/** The ids of the households registered in a neighbour group, sorted. */
export const householdsOf = (
  state: DirectoryState,
  communityId: string,
  groupId: string,
): readonly string[] => sortedIds(entryOf(communityEntry(state, communityId)?.groups ?? {}, groupId) ?? {});

/** The neighbour group a household is registered in, or undefined. */
export const groupOfHousehold = (
  state: DirectoryState,
  communityId: string,
  householdId: string,
): string | undefined => entryOf(communityEntry(state, communityId)?.households ?? {}, householdId);

/** One node of a community's tree, with the households registered anywhere under it. */
export interface DirectoryTreeNode {
  readonly unitId: string;
  readonly level: TreeLevel;
  readonly name?: string;
  readonly households: number;
  /** Child units, by unit id. */
  readonly children: readonly DirectoryTreeNode[];
}

/** The subtree under `unitId`, or undefined for a unit the community does not have. */
const subtree = (
  community: DirectoryCommunity,
  unitId: string,
  depth: number,
): DirectoryTreeNode | undefined => {
  const isRoot = unitId === community.communityId;
  const unit = isRoot ? undefined : entryOf(community.units, unitId);
  if (!isRoot && unit === undefined) return undefined;
  // A tree folded from events no decider produced may not be a tree; never recurse past the real depth.
  const children =
    depth >= TREE_DEPTH
      ? []
      : sortedIds(entryOf(community.children, unitId) ?? {})
          .map((childId) => subtree(community, childId, depth + 1))
          .filter((node): node is DirectoryTreeNode => node !== undefined);
  const own = entryOf(community.groupSizes, unitId) ?? 0;
  const households = children.reduce((sum, node) => sum + node.households, own);
  const name = isRoot ? community.name : unit?.name;
  return {
    unitId,
    level: unit?.level ?? 'community',
    ...(name === undefined ? {} : { name }),
    households,
    children,
  };
};

/**
 * A community's tree (street -> community -> grid -> lane -> neighbour group) from `unitId` down (the whole
 * community when left out), with household counts; undefined for an unknown community or unit.
 */
export const unitTree = (
  state: DirectoryState,
  communityId: string,
  unitId: string = communityId,
): DirectoryTreeNode | undefined => {
  const community = communityEntry(state, communityId);
  return community === undefined ? undefined : subtree(community, unitId, 0);
};

/** How many households are registered under a unit (the whole community when `unitId` is left out). */
export const householdCountOf = (state: DirectoryState, communityId: string, unitId?: string): number => {
  const community = communityEntry(state, communityId);
  if (community === undefined) return 0;
  if (unitId === undefined || unitId === communityId) return community.householdCount;
  return subtree(community, unitId, 0)?.households ?? 0;
};
