import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { CommandHandler } from '../../../src/commands/command-handler.js';
import { neighbourhoodAggregate } from '../../../src/domain/neighbourhood/aggregate.js';
import type { NeighbourhoodEvent } from '../../../src/domain/neighbourhood/events.js';
import { evolveNeighbourhood } from '../../../src/domain/neighbourhood/evolve.js';
import { LEADER_ROLES, UNIT_LEVELS } from '../../../src/domain/neighbourhood/hierarchy.js';
import {
  groupSize,
  householdGroup,
  initialNeighbourhoodState,
  seatHolders,
  type NeighbourhoodState,
} from '../../../src/domain/neighbourhood/state.js';
import {
  gridOf,
  levelOf,
  scopePath,
  unitLocation,
  unitPath,
} from '../../../src/domain/neighbourhood/tree.js';
import { fold } from '../../../src/domain/shared/decider.js';
import { entriesOf } from '../../../src/domain/shared/id-map.js';
import { neighbourhoodStream } from '../../../src/domain/shared/ids.js';
import { InMemoryEventStore } from '../../../src/store/memory.js';
import { communityTreeArb } from '../../../src/testing/arbitraries/neighbourhood.js';
import { N, STREET, community, established, registered, unitAdded } from './fixtures.js';

const stateOf = (events: readonly NeighbourhoodEvent[]): NeighbourhoodState =>
  fold(neighbourhoodAggregate.decider, events);

describe('reading the unit tree', () => {
  const state = stateOf(community);

  it('gives the chain from the community root down to a unit', () => {
    expect(unitPath(state, 'group-a1-2')).toEqual([N, 'grid-a', 'lane-a1', 'group-a1-2']);
    expect(unitPath(state, 'lane-b1')).toEqual([N, 'grid-b', 'lane-b1']);
    expect(unitPath(state, N)).toEqual([N]);
    expect(unitPath(state, 'nowhere')).toBeUndefined();
    expect(scopePath(state, 'group-b1-1')).toEqual([STREET, N, 'grid-b', 'lane-b1', 'group-b1-1']);
  });

  it('places a unit on the street / community / grid path that problems carry', () => {
    expect(unitLocation(state, 'group-a2-1')).toEqual({ street: STREET, community: N, grid: 'grid-a' });
    expect(unitLocation(state, 'grid-b')).toEqual({ street: STREET, community: N, grid: 'grid-b' });
    expect(unitLocation(state, N)).toBeUndefined();
    expect(gridOf(state, 'lane-a2')).toBe('grid-a');
    expect(levelOf(state, N)).toBe('community');
    expect(levelOf(state, 'lane-a2')).toBe('lane');
  });

  it('finds nothing in a community that was never established', () => {
    const empty = initialNeighbourhoodState;
    expect(unitPath(empty, N)).toBeUndefined();
    expect(levelOf(empty, N)).toBeUndefined();
    expect(unitLocation(empty, 'grid-a')).toBeUndefined();
    expect(groupSize(empty, 'group-a1-1')).toBe(0);
    expect(seatHolders(empty, N, 'community-secretary')).toEqual([]);
    expect(householdGroup(empty, 'hh-1')).toBeUndefined();
  });

  it('does not mistake prototype keys for units, households or leaders', () => {
    for (const id of ['__proto__', 'constructor', 'toString']) {
      expect(levelOf(state, id)).toBeUndefined();
      expect(unitPath(state, id)).toBeUndefined();
      expect(householdGroup(state, id)).toBeUndefined();
      expect(groupSize(state, id)).toBe(0);
      expect(seatHolders(state, id, 'grid-leader')).toEqual([]);
    }
  });
});

describe('evolve', () => {
  it('ignores what could not have been decided instead of throwing', () => {
    const before = stateOf([registered('hh-1', 'group-a1-1')]);
    expect(before).toEqual(initialNeighbourhoodState);
    const state = stateOf([...community, registered('hh-1', 'group-a1-1')]);
    expect(evolveNeighbourhood(state, established)).toBe(state);
    expect(evolveNeighbourhood(state, unitAdded('grid-a', 'lane', 'grid-b'))).toBe(state);
    expect(
      evolveNeighbourhood(state, {
        type: 'HouseholdDeregistered',
        data: { neighbourhoodId: N, householdId: 'hh-9' },
      }),
    ).toBe(state);
    expect(
      evolveNeighbourhood(state, {
        type: 'LeaderStoodDown',
        data: { neighbourhoodId: N, unitId: 'grid-a', role: 'grid-leader', personId: 'p-9' },
      }),
    ).toBe(state);
  });

  it('keeps group counts in step with the register whatever a move claims', () => {
    const state = stateOf([
      ...community,
      registered('hh-1', 'group-a1-1'),
      {
        type: 'HouseholdMoved',
        data: { neighbourhoodId: N, householdId: 'hh-1', fromGroupId: 'group-b1-1', toGroupId: 'group-a1-2' },
      },
    ]);
    expect(groupSize(state, 'group-a1-1')).toBe(0);
    expect(groupSize(state, 'group-b1-1')).toBe(0);
    expect(groupSize(state, 'group-a1-2')).toBe(1);
  });

  it('folds two histories that reach the same community to equal states', () => {
    const groups = ['group-a1-1', 'group-a1-2', 'group-a2-1', 'group-b1-1'];
    const groupOf = (i: number): string => groups[i % groups.length]!;
    const ids = Array.from({ length: 400 }, (_, i) => i);
    const direct = ids.map((i) => registered(`hh-${i}`, groupOf(i)));
    // Backwards, each household first put in the wrong group and then moved, with a passer-by who leaves.
    const roundabout = ids.reverse().flatMap((i): NeighbourhoodEvent[] => [
      registered(`passer-${i}`, groupOf(i)),
      registered(`hh-${i}`, groupOf(i + 1)),
      {
        type: 'HouseholdMoved',
        data: {
          neighbourhoodId: N,
          householdId: `hh-${i}`,
          fromGroupId: groupOf(i + 1),
          toGroupId: groupOf(i),
        },
      },
      { type: 'HouseholdDeregistered', data: { neighbourhoodId: N, householdId: `passer-${i}` } },
    ]);
    const state = stateOf([...community, ...direct]);
    expect(stateOf([...community, ...roundabout])).toEqual(state);
    expect(stateOf([...community, ...roundabout.slice(0, -1)])).not.toEqual(state);
  });

  it('never loops on a parent chain that no decider would produce', () => {
    const state = stateOf([established, unitAdded('x', 'lane', 'y'), unitAdded('y', 'grid', 'x')]);
    expect(unitPath(state, 'x')).toBeUndefined();
    expect(unitLocation(state, 'y')).toBeUndefined();
  });

  it('is total over any sequence of schema-valid events', () => {
    const id = fc.constantFrom(N, 'u1', 'u2', 'u3', 'h1', 'h2', '__proto__', 'constructor');
    const event: fc.Arbitrary<NeighbourhoodEvent> = fc.oneof(
      fc.constant(established),
      fc
        .record({ unitId: id, level: fc.constantFrom(...UNIT_LEVELS), parentId: id })
        .map((data): NeighbourhoodEvent => ({ type: 'UnitAdded', data: { neighbourhoodId: N, ...data } })),
      fc
        .record({ unitId: id, role: fc.constantFrom(...LEADER_ROLES), personId: id })
        .map((data): NeighbourhoodEvent => ({
          type: 'LeaderAppointed',
          data: { neighbourhoodId: N, ...data },
        })),
      fc
        .record({ unitId: id, role: fc.constantFrom(...LEADER_ROLES), personId: id })
        .map((data): NeighbourhoodEvent => ({
          type: 'LeaderStoodDown',
          data: { neighbourhoodId: N, ...data },
        })),
      fc.record({ householdId: id, groupId: id }).map((data): NeighbourhoodEvent => ({
        type: 'HouseholdRegistered',
        data: { neighbourhoodId: N, ...data },
      })),
      fc.record({ householdId: id, fromGroupId: id, toGroupId: id }).map((data): NeighbourhoodEvent => ({
        type: 'HouseholdMoved',
        data: { neighbourhoodId: N, ...data },
      })),
      fc.record({ householdId: id }).map((data): NeighbourhoodEvent => ({
        type: 'HouseholdDeregistered',
        data: { neighbourhoodId: N, ...data },
      })),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        const state = stateOf(events);
        if (state.status !== 'established') return;
        const total = [...entriesOf(state.groupSizes)].reduce((sum, [, n]) => sum + n, 0);
        expect(total).toBe([...entriesOf(state.households)].length);
        for (const [unitId] of entriesOf(state.units)) {
          const path = unitPath(state, unitId);
          if (path !== undefined) expect([path[0], path.at(-1)]).toEqual([N, unitId]);
        }
      }),
    );
  });
});

describe('the community tree arbitrary', () => {
  it('builds communities whose every command is accepted, through the real handler and store', async () => {
    await fc.assert(
      fc.asyncProperty(
        communityTreeArb({ maxGrids: 2, maxLanesPerGrid: 2, maxGroupsPerLane: 3 }),
        async (tree) => {
          const store = new InMemoryEventStore();
          const handler = new CommandHandler(store);
          for (const step of tree.steps) {
            const result = await handler.handle(neighbourhoodAggregate, step.command, step.context);
            if (isLeft(result)) {
              throw new Error(`${step.command.type} refused: ${result.left.code} ${result.left.message}`);
            }
          }
          const events: NeighbourhoodEvent[] = [];
          for await (const raw of store.readStream(neighbourhoodStream(tree.neighbourhoodId))) {
            const parsed = neighbourhoodAggregate.events.parse(raw, { errorCode: 'invalid-event' });
            if (isLeft(parsed)) throw new Error(parsed.left.message);
            events.push(parsed.right);
          }
          expect(events).toHaveLength(tree.steps.length);
          const state = stateOf(events);
          expect(seatHolders(state, tree.neighbourhoodId, 'community-secretary')).toEqual([tree.secretaryId]);
          for (const grid of tree.grids) {
            expect(seatHolders(state, grid.gridId, 'grid-leader')).toEqual([grid.leaderId]);
            expect(seatHolders(state, grid.gridId, 'grid-worker')).toEqual(grid.workerIds);
            for (const lane of grid.lanes) {
              expect(unitPath(state, lane.laneId)).toEqual([tree.neighbourhoodId, grid.gridId, lane.laneId]);
              for (const group of lane.groups) {
                expect(unitLocation(state, group.groupId)).toEqual({
                  street: tree.streetId,
                  community: tree.neighbourhoodId,
                  grid: grid.gridId,
                });
                expect(groupSize(state, group.groupId)).toBe(group.householdIds.length);
                for (const householdId of group.householdIds) {
                  expect(householdGroup(state, householdId)).toBe(group.groupId);
                }
              }
            }
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('gives every step its own command id and a later instant than the step before', () => {
    fc.assert(
      fc.property(communityTreeArb(), (tree) => {
        const ids = tree.steps.map((step) => step.context.commandId);
        expect(new Set(ids).size).toBe(ids.length);
        const instants = tree.steps.map((step) => Date.parse(step.context.now));
        expect(instants.every((t, i) => i === 0 || t > instants[i - 1]!)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});
