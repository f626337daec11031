import { lookup } from '../shared/id-map.js';
import type { UnitPath } from '../shared/units.js';
import { TREE_DEPTH, type TreeLevel } from './hierarchy.js';
import { isEstablished, type NeighbourhoodState } from './state.js';

/** The level of a unit, `community` for the community id itself, undefined for an unknown id. */
export const levelOf = (state: NeighbourhoodState, unitId: string): TreeLevel | undefined => {
  if (!isEstablished(state)) return undefined;
  if (unitId === state.neighbourhoodId) return 'community';
  return lookup(state.units, unitId)?.level;
};

/**
 * The chain of unit ids from the community root down to `unitId`, widest first (community, grid, lane,
 * group), the order `coversPath` and `pathUnits` use. Undefined for an unknown unit or a broken chain.
 */
export const unitPath = (state: NeighbourhoodState, unitId: string): readonly string[] | undefined => {
  if (!isEstablished(state)) return undefined;
  const below: string[] = [];
  let current = unitId;
  // Bounded by the tree's depth, so even a state built from events no decider produced cannot loop.
  for (let steps = 0; steps <= TREE_DEPTH; steps++) {
    if (current === state.neighbourhoodId) return [current, ...below.reverse()];
    const unit = lookup(state.units, current);
    if (unit === undefined) return undefined;
    below.push(current);
    current = unit.parentId;
  }
  return undefined;
};

/** The unit chain with the street in front: what an actor's scope is checked against. */
export const scopePath = (state: NeighbourhoodState, unitId: string): readonly string[] | undefined => {
  const path = unitPath(state, unitId);
  return path === undefined || !isEstablished(state) ? undefined : [state.streetId, ...path];
};

/** The grid a unit lies in (the unit itself for a grid); undefined for the community root or an unknown id. */
export const gridOf = (state: NeighbourhoodState, unitId: string): string | undefined => {
  const path = unitPath(state, unitId);
  const top = path?.[1];
  // A compound hangs off the community beside the grids: it lies in no grid.
  return top !== undefined && levelOf(state, top) === 'grid' ? top : undefined;
};

/**
 * Where a unit stands as the street / community / grid path that problem events carry; undefined for the
 * community root (it lies in no grid) or an unknown unit.
 */
export const unitLocation = (state: NeighbourhoodState, unitId: string): UnitPath | undefined => {
  const grid = gridOf(state, unitId);
  if (grid === undefined || !isEstablished(state)) return undefined;
  return { street: state.streetId, community: state.neighbourhoodId, grid };
};
