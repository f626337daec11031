import { lookup, type IdMap } from '../shared/id-map.js';
import type { LeaderRole, UnitLevel } from './hierarchy.js';

/** One grid, lane or neighbour group of the community's tree. */
export interface NeighbourhoodUnit {
  readonly unitId: string;
  readonly level: UnitLevel;
  /** The community id for a grid, a grid for a lane, a lane for a neighbour group. */
  readonly parentId: string;
  readonly name?: string;
}

/** Who holds each role on one unit (person ids, in order of appointment). */
export type LeaderSeats = Readonly<Partial<Record<LeaderRole, readonly string[]>>>;

/** A community that has not been established yet: every command but establishing it finds nothing. */
export interface UnestablishedNeighbourhood {
  readonly status: 'unestablished';
}

/**
 * An established community. Empty seats, empty unit entries and empty groups are removed rather than kept
 * as empty values, and an {@link IdMap}'s shape depends only on its entries, so two histories that lead to
 * the same community lead to equal states. The indexes are persistent maps rather than records because a
 * community holds many thousands of households and a record would be copied whole on every event.
 */
export interface EstablishedNeighbourhood {
  readonly status: 'established';
  readonly neighbourhoodId: string;
  readonly streetId: string;
  readonly name: string;
  /** Every grid, lane and neighbour group, by unit id. */
  readonly units: IdMap<NeighbourhoodUnit>;
  /** The leaders of the community root and of each unit, by unit id. */
  readonly leaders: IdMap<LeaderSeats>;
  /** The neighbour group of each registered household, by household id. */
  readonly households: IdMap<string>;
  /** How many households each non-empty neighbour group holds, by group id. */
  readonly groupSizes: IdMap<number>;
  /** The owners' register of the compounds: each owner's household, by `compound/owner` (see owners.ts). */
  readonly owners: IdMap<string>;
  /** How many owners each compound with any owner holds, by compound id. */
  readonly compoundOwners: IdMap<number>;
}

/** The state of one Neighbourhood aggregate (one community). */
export type NeighbourhoodState = UnestablishedNeighbourhood | EstablishedNeighbourhood;

/** The state before the community is established. */
export const initialNeighbourhoodState: NeighbourhoodState = { status: 'unestablished' };

/** True once the community has been established. */
export const isEstablished = (state: NeighbourhoodState): state is EstablishedNeighbourhood =>
  state.status === 'established';

/** The people holding `role` on `unitId` (the community id for the secretary); empty when nobody does. */
export const seatHolders = (
  state: NeighbourhoodState,
  unitId: string,
  role: LeaderRole,
): readonly string[] => (isEstablished(state) ? (lookup(state.leaders, unitId)?.[role] ?? []) : []);

/** The neighbour group a household is registered in, or undefined when it is not registered. */
export const householdGroup = (state: NeighbourhoodState, householdId: string): string | undefined =>
  isEstablished(state) ? lookup(state.households, householdId) : undefined;

/** How many households a neighbour group holds. */
export const groupSize = (state: NeighbourhoodState, groupId: string): number =>
  isEstablished(state) ? (lookup(state.groupSizes, groupId) ?? 0) : 0;
