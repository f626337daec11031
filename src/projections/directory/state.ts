import type { LeaderRole, UnitLevel } from '../../domain/neighbourhood/hierarchy.js';
import { idRecord, type IdRecord } from '../id-record.js';

/** One grid, lane or neighbour group. */
export interface DirectoryUnit {
  readonly unitId: string;
  readonly level: UnitLevel;
  /** The community id for a grid, a grid for a lane, a lane for a neighbour group. */
  readonly parentId: string;
  readonly name?: string;
}

/** Who holds each role on one unit, in order of appointment; a role nobody holds is left out. */
export type DirectorySeats = Readonly<Partial<Record<LeaderRole, readonly string[]>>>;

/**
 * One community (社区) of a street, as the Neighbourhood aggregate keeps it. Households are indexed both ways
 * (household -> group, group -> households) so that registering, moving or deregistering one household
 * touches a handful of keys, never a list of the community's 10,000 households.
 */
export interface DirectoryCommunity {
  readonly communityId: string;
  readonly streetId: string;
  readonly name: string;
  /** The revision of the last event of the community's stream applied; a redelivery at or below it is ignored. */
  readonly revision: number;
  readonly units: Readonly<IdRecord<DirectoryUnit>>;
  /** Parent id (the community id for grids) -> ids of its child units. */
  readonly children: Readonly<IdRecord<Readonly<IdRecord<true>>>>;
  /** Unit id (the community id for the secretary) -> its seats; a unit with no leader is left out. */
  readonly leaders: Readonly<IdRecord<DirectorySeats>>;
  /** Household id -> the neighbour group it is registered in. */
  readonly households: Readonly<IdRecord<string>>;
  /** Neighbour group id -> ids of its households; an empty group is left out. */
  readonly groups: Readonly<IdRecord<Readonly<IdRecord<true>>>>;
  /** Neighbour group id -> how many households it holds; an empty group is left out. */
  readonly groupSizes: Readonly<IdRecord<number>>;
  readonly householdCount: number;
}

/** One leadership seat a person holds. */
export interface DirectorySeat {
  readonly communityId: string;
  readonly unitId: string;
  readonly role: LeaderRole;
}

/** The neighbourhood directory: every street's communities with their trees, leaders and households. */
export interface DirectoryState {
  readonly communities: Readonly<IdRecord<DirectoryCommunity>>;
  /** Street id -> ids of its communities. */
  readonly streets: Readonly<IdRecord<Readonly<IdRecord<true>>>>;
  /** Unit id -> the communities that have a unit of that id (one, unless hosts reuse unit ids). */
  readonly unitCommunities: Readonly<IdRecord<Readonly<IdRecord<true>>>>;
  /** Person id -> their seats, keyed `community/unit/role` (ids never contain `/`). */
  readonly seats: Readonly<IdRecord<Readonly<IdRecord<DirectorySeat>>>>;
}

/** The directory before any community is established. */
export const initialDirectoryState: DirectoryState = {
  communities: idRecord(),
  streets: idRecord(),
  unitCommunities: idRecord(),
  seats: idRecord(),
};
