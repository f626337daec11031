/**
 * Random neighbourhoods for the directory tests: up to three valid communities (communityTreeArb) on two
 * streets, then random Neighbourhood commands by random actors on them (appointments, stand-downs, moves,
 * deregistrations, units at the wrong level...), all sent through the governance facade. Many of the random
 * commands are refused; what is recorded is what the aggregate accepted.
 */
import fc from 'fast-check';
import type { LinliCommandInput } from '../../../src/domain/linli.js';
import type { LeaderRole } from '../../../src/domain/neighbourhood/hierarchy.js';
import {
  communityTreeArb,
  neighbourhoodActorArb,
  neighbourhoodCommandArb,
  type CommunityTree,
  type NeighbourhoodActorInput as ActorInput,
} from '../../../src/testing/arbitraries/neighbourhood.js';
import { type NeighbourhoodIdPools } from '../../../src/testing/scenarios/neighbourhood-pools.js';
import type { TimelineStep } from '../support/timeline.js';

/** The two streets communities are established under. */
export const STREETS = ['street-wuchang', 'street-wuhou'] as const;

/** People who may be seated anywhere, so one person can lead units of two communities. */
export const ROAMING_PEOPLE = ['p-roaming-1', 'p-roaming-2'] as const;

/** Moves a generated community to `streetId`: its establishment and the official who establishes it. */
const onStreet = (tree: CommunityTree, streetId: string): CommunityTree => ({
  ...tree,
  streetId,
  steps: tree.steps.map((step) =>
    step.command.type === 'EstablishNeighbourhood'
      ? {
          command: { ...step.command, data: { ...step.command.data, streetId } },
          context: {
            ...step.context,
            actor: { id: `${streetId}.official`, role: 'street-official', scope: [streetId] },
          },
        }
      : step,
  ),
});

/** Every id a community's random commands draw from: its own units and households, and a few new ones. */
export const poolsOf = (tree: CommunityTree): NeighbourhoodIdPools => {
  const id = tree.neighbourhoodId;
  const lanes = tree.grids.flatMap((grid) => grid.lanes);
  const groups = lanes.flatMap((lane) => lane.groups);
  return {
    neighbourhoodId: id,
    streetId: tree.streetId,
    gridIds: [...tree.grids.map((grid) => grid.gridId), `${id}.gx`],
    laneIds: [...lanes.map((lane) => lane.laneId), `${id}.gx.lx`],
    groupIds: [...groups.map((group) => group.groupId), `${id}.gx.lx.nx`],
    householdIds: [...groups.flatMap((group) => group.householdIds), `${id}.hx1`, `${id}.hx2`],
    personIds: [tree.secretaryId, ...tree.grids.map((grid) => grid.leaderId), ...ROAMING_PEOPLE],
  };
};

/** Every seat a generated community fills, as (unit, role, person). */
export const seatsOf = (tree: CommunityTree): { unitId: string; role: LeaderRole; personId: string }[] => [
  { unitId: tree.neighbourhoodId, role: 'community-secretary', personId: tree.secretaryId },
  ...tree.grids.flatMap((grid) => [
    { unitId: grid.gridId, role: 'grid-leader' as const, personId: grid.leaderId },
    ...grid.workerIds.map((personId) => ({ unitId: grid.gridId, role: 'grid-worker' as const, personId })),
    ...grid.lanes.flatMap((lane) => [
      { unitId: lane.laneId, role: 'lane-leader' as const, personId: lane.leaderId },
      ...lane.groups.map((group) => ({
        unitId: group.groupId,
        role: 'neighbour-leader' as const,
        personId: group.leaderId,
      })),
    ]),
  ]),
];

/**
 * Changes a community's staff would plausibly make, so that most are accepted: leaders stand down and
 * others (some of them seated in another community too) take their seats, households move, leave and
 * arrive, a new grid, lane and group are added.
 */
const churnArb = (tree: CommunityTree): fc.Arbitrary<{ command: LinliCommandInput; actor: ActorInput }> => {
  const neighbourhoodId = tree.neighbourhoodId;
  const pools = poolsOf(tree);
  const actor: ActorInput = {
    id: `${neighbourhoodId}.staff`,
    role: 'community-staff',
    scope: [neighbourhoodId],
  };
  const seat = fc.constantFrom(...seatsOf(tree));
  const person = fc.constantFrom(...pools.personIds);
  const household = fc.constantFrom(...pools.householdIds);
  const group = fc.constantFrom(...pools.groupIds);
  const newUnits = [
    { unitId: `${neighbourhoodId}.gx`, level: 'grid' as const, parentId: neighbourhoodId },
    { unitId: `${neighbourhoodId}.gx.lx`, level: 'lane' as const, parentId: `${neighbourhoodId}.gx` },
    {
      unitId: `${neighbourhoodId}.gx.lx.nx`,
      level: 'neighbour-group' as const,
      parentId: `${neighbourhoodId}.gx.lx`,
    },
  ];
  const command: fc.Arbitrary<LinliCommandInput> = fc.oneof(
    seat.map(({ unitId, role, personId }) => ({
      type: 'StandDownLeader' as const,
      data: { neighbourhoodId, unitId, role, personId },
    })),
    fc.tuple(seat, person).map(([{ unitId, role }, personId]) => ({
      type: 'AppointLeader' as const,
      data: { neighbourhoodId, unitId, role, personId },
    })),
    fc.tuple(household, group).map(([householdId, toGroupId]) => ({
      type: 'MoveHousehold' as const,
      data: { neighbourhoodId, householdId, toGroupId },
    })),
    household.map((householdId) => ({
      type: 'DeregisterHousehold' as const,
      data: { neighbourhoodId, householdId },
    })),
    fc.tuple(household, group).map(([householdId, groupId]) => ({
      type: 'RegisterHousehold' as const,
      data: { neighbourhoodId, householdId, groupId },
    })),
    fc
      .constantFrom(...newUnits)
      .map((unit) => ({ type: 'AddUnit' as const, data: { neighbourhoodId, ...unit } })),
  );
  return fc.record({ command, actor: fc.constant(actor) });
};

/** One command and its context, ready for `Governance.execute`: a timeline's step. */
export type DirectoryStep = TimelineStep;

/** The communities a history builds, and the steps, in order. */
export interface Neighbourhoods {
  readonly trees: readonly CommunityTree[];
  readonly steps: readonly DirectoryStep[];
}

const START = Date.parse('2026-03-01T08:00:00.000Z');

/** Up to three communities, built and then worked on at random. */
export const neighbourhoodsArb: fc.Arbitrary<Neighbourhoods> = fc
  .uniqueArray(
    fc
      .tuple(
        communityTreeArb({ maxGrids: 2, maxLanesPerGrid: 2, maxGroupsPerLane: 3, maxHouseholdsPerGroup: 4 }),
        fc.constantFrom(...STREETS),
      )
      .map(([tree, street]) => onStreet(tree, street)),
    { selector: (tree) => tree.neighbourhoodId, minLength: 1, maxLength: 3 },
  )
  .chain((trees) => {
    const randomStep = fc.nat({ max: trees.length - 1 }).chain((i) => {
      const pools = poolsOf(trees[i]!);
      const anything = fc.record<{ command: LinliCommandInput; actor: ActorInput }>({
        command: neighbourhoodCommandArb(pools),
        actor: neighbourhoodActorArb(pools),
      });
      return fc.oneof({ weight: 3, arbitrary: churnArb(trees[i]!) }, { weight: 1, arbitrary: anything });
    });
    return fc.array(randomStep, { maxLength: 40 }).map((random) => {
      const ordered = [
        ...trees.flatMap((tree) => tree.steps),
        ...random.map(({ command, actor }) => ({ command, context: { actor, now: '', commandId: '' } })),
      ];
      // One clock and one command id sequence for the whole history.
      const steps = ordered.map((step, i) => ({
        command: step.command,
        context: { ...step.context, now: new Date(START + i * 60_000).toISOString(), commandId: `dir-${i}` },
      }));
      return { trees, steps };
    });
  });
