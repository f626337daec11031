/**
 * The directory over random neighbourhoods: replay properties, and every answer checked against the
 * Neighbourhood aggregate's own fold of each community's stream.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Recorded } from '../../../src/commands/aggregate.js';
import type { LinliEvent } from '../../../src/domain/linli.js';
import {
  LEADER_ROLES,
  evolveNeighbourhood,
  groupSize,
  householdGroup,
  initialNeighbourhoodState,
  seatHolders,
  unitLocation,
  type NeighbourhoodEvent,
  type NeighbourhoodState,
} from '../../../src/domain/neighbourhood/index.js';
import {
  communitiesOfStreet,
  directoryProjection,
  groupOfHousehold,
  householdCountOf,
  householdsOf,
  leadersInRole,
  scopeOf,
  unitPathOf,
  unitTree,
  type DirectoryState,
  type DirectoryTreeNode,
} from '../../../src/projections/directory/index.js';
import { itKeepsTheReplayLaws } from '../support/replay-laws.js';
import { parseAll, readAll } from '../support/replay.js';
import { record } from '../support/timeline.js';
import {
  ROAMING_PEOPLE,
  STREETS,
  neighbourhoodsArb,
  poolsOf,
  seatsOf,
  type Neighbourhoods,
} from './communities.js';

const NEIGHBOURHOOD_TYPES = new Set<string>([
  'NeighbourhoodEstablished',
  'UnitAdded',
  'LeaderAppointed',
  'LeaderStoodDown',
  'HouseholdRegistered',
  'HouseholdMoved',
  'HouseholdDeregistered',
]);

/** Each community's state as its own aggregate folds it from the recorded events. */
const aggregateStates = (events: readonly Recorded<LinliEvent>[]): Map<string, NeighbourhoodState> => {
  const states = new Map<string, NeighbourhoodState>();
  for (const event of events) {
    if (!NEIGHBOURHOOD_TYPES.has(event.type)) continue;
    const e = event as Recorded<NeighbourhoodEvent>;
    const id = e.data.neighbourhoodId;
    states.set(id, evolveNeighbourhood(states.get(id) ?? initialNeighbourhoodState, e));
  }
  return states;
};

/** Walks a tree: every child hangs under its parent, and counts add up from the groups. */
const checkTree = (directory: DirectoryState, community: string, node: DirectoryTreeNode, grid?: string) => {
  const path = unitPathOf(directory, node.unitId, community);
  const ownGrid = node.level === 'grid' ? node.unitId : grid;
  expect(path?.grid).toBe(ownGrid);
  const own = node.level === 'neighbour-group' ? householdsOf(directory, community, node.unitId).length : 0;
  expect(node.households).toBe(node.children.reduce((sum, child) => sum + child.households, own));
  expect(householdCountOf(directory, community, node.unitId)).toBe(node.households);
  for (const child of node.children) {
    expect(directory.communities[community]!.units[child.unitId]!.parentId).toBe(node.unitId);
    checkTree(directory, community, child, ownGrid);
  }
};

const check = (directory: DirectoryState, world: Neighbourhoods, events: readonly Recorded<LinliEvent>[]) => {
  const states = aggregateStates(events);
  const scopes = new Map<string, Set<string>>();
  for (const tree of world.trees) {
    const id = tree.neighbourhoodId;
    const aggregate = states.get(id)!;
    const pools = poolsOf(tree);
    const units = [id, ...pools.gridIds, ...pools.laneIds, ...pools.groupIds, 'nowhere'];
    for (const unitId of units) {
      // The path a problem would be stamped with is the one the aggregate itself computes.
      expect(unitPathOf(directory, unitId, id)).toEqual(unitLocation(aggregate, unitId));
      // Unit ids are unique across generated communities, so the community need not be named.
      expect(unitPathOf(directory, unitId)).toEqual(unitLocation(aggregate, unitId));
      for (const role of LEADER_ROLES) {
        const holders = seatHolders(aggregate, unitId, role);
        expect(leadersInRole(directory, id, unitId, role)).toEqual(holders);
        for (const person of holders) scopes.set(person, (scopes.get(person) ?? new Set()).add(unitId));
      }
    }
    let registered = 0;
    for (const householdId of pools.householdIds) {
      const group = householdGroup(aggregate, householdId);
      expect(groupOfHousehold(directory, id, householdId)).toBe(group);
      if (group !== undefined) {
        registered += 1;
        expect(householdsOf(directory, id, group)).toContain(householdId);
      }
    }
    for (const groupId of pools.groupIds) {
      expect(householdsOf(directory, id, groupId)).toHaveLength(groupSize(aggregate, groupId));
    }
    expect(householdCountOf(directory, id)).toBe(registered);
    checkTree(directory, id, unitTree(directory, id)!);
  }
  // Everyone who ever held a seat or could have, including those who stood down from every seat.
  const people = world.trees.flatMap((tree) => seatsOf(tree).map((seat) => seat.personId));
  for (const person of new Set([...people, ...ROAMING_PEOPLE, 'nobody'])) {
    expect(scopeOf(directory, person)).toEqual([...(scopes.get(person) ?? [])].sort());
  }
  for (const street of STREETS) {
    const expected = world.trees
      .filter((tree) => tree.streetId === street)
      .map((tree) => tree.neighbourhoodId);
    expect(communitiesOfStreet(directory, street)).toEqual([...expected].sort());
  }
};

describe('neighbourhood directory properties', () => {
  itKeepsTheReplayLaws(directoryProjection, {
    worlds: neighbourhoodsArb,
    rebuildTitle: 'rebuilt from scratch equals applied in any batches, and agrees with the aggregate',
    rebuildRuns: 40,
    recount: (directory, events, world) => check(directory, world, events),
  });

  it('generates histories that move, deregister and stand down, across streets', async () => {
    // Guards the generator: without these events the properties would say little about the register.
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(neighbourhoodsArb, async (world) => {
        const { store } = await record(world.steps);
        for (const event of parseAll(await readAll(store))) seen.add(event.type);
        if (world.trees.length > 1) seen.add('several communities');
      }),
      { numRuns: 40 },
    );
    for (const kind of [
      'HouseholdMoved',
      'HouseholdDeregistered',
      'LeaderStoodDown',
      'several communities',
    ]) {
      expect(seen).toContain(kind);
    }
  });
});
