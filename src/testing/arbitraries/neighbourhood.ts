import fc from 'fast-check';
import type { CommandContextInput } from '../../domain/shared/context.js';
import type { NeighbourhoodCommandInput } from '../../domain/neighbourhood/commands.js';
import {
  LEADER_ROLES,
  PARENT_LEVEL,
  ROLE_LEVEL,
  UNIT_LEVELS,
  type LeaderRole,
  type TreeLevel,
  type UnitLevel,
} from '../../domain/neighbourhood/hierarchy.js';
import {
  pooledUnitIds,
  PROTOTYPE_KEY_IDS,
  type NeighbourhoodIdPools,
} from '../scenarios/neighbourhood-pools.js';

/** An actor as a command context is written (scope and organisations optional). */
export type NeighbourhoodActorInput = CommandContextInput['actor'];

/** One command with the context it is sent in, ready for `CommandHandler.handle` or `spec().when`. */
export interface NeighbourhoodStep {
  readonly command: NeighbourhoodCommandInput;
  readonly context: CommandContextInput;
}

/** A valid opaque id (letters, digits and `._:-`), now and then one of {@link PROTOTYPE_KEY_IDS}. */
export const neighbourhoodIdArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.stringMatching(/^[a-z][a-z0-9_-]{0,11}$/), weight: 9 },
  { arbitrary: fc.constantFrom(...PROTOTYPE_KEY_IDS), weight: 1 },
);

/** Public names of real communities from the field reports, for realistic data without personal data. */
export const communityNameArb: fc.Arbitrary<string> = fc.constantFrom(
  'Bairuijing',
  'Longtanzi',
  'Zhonglou',
  'Meilingju',
  'Wuhou',
  'Wuchang',
);

/**
 * Any Neighbourhood command over the pools, valid or not: wrong levels, unknown parents, full groups,
 * occupied seats and duplicate ids all come up, which is what a model-based test needs to probe the rules.
 * About four commands in five are well-formed (a lane under a pooled grid, a grid leader on a pooled grid),
 * the rest pick any unit for any level or role.
 */
export const neighbourhoodCommandArb = (
  pools: NeighbourhoodIdPools,
): fc.Arbitrary<NeighbourhoodCommandInput> => {
  const neighbourhoodId = fc.constant(pools.neighbourhoodId);
  const anyUnit = fc.constantFrom(...pooledUnitIds(pools));
  const anyUnitOrRoot = fc.constantFrom(pools.neighbourhoodId, ...pooledUnitIds(pools));
  const poolOf: Record<TreeLevel, fc.Arbitrary<string>> = {
    community: fc.constant(pools.neighbourhoodId),
    grid: fc.constantFrom(...pools.gridIds),
    lane: fc.constantFrom(...pools.laneIds),
    'neighbour-group': fc.constantFrom(...pools.groupIds),
    compound: fc.constantFrom(...(pools.compoundIds ?? [pools.neighbourhoodId])),
  };
  // Without a compound pool the arbitrary keeps to the grid branch, as it did before compounds existed.
  const compounds = pools.compoundIds ?? [];
  const levels = UNIT_LEVELS.filter((level) => compounds.length > 0 || level !== 'compound');
  const roles = LEADER_ROLES.filter((role) => compounds.length > 0 || ROLE_LEVEL[role] !== 'compound');
  const mostly = <T>(wellFormed: fc.Arbitrary<T>, anything: fc.Arbitrary<T>): fc.Arbitrary<T> =>
    fc.oneof({ weight: 4, arbitrary: wellFormed }, { weight: 1, arbitrary: anything });
  const group = mostly(poolOf['neighbour-group'], anyUnitOrRoot);
  const household = fc.constantFrom(...pools.householdIds);
  const person = fc.constantFrom(...pools.personIds);
  const reason = fc.option(fc.constantFrom('moved away', 'term ended', 'duplicate record'), {
    nil: undefined,
  });
  const unitName = fc.option(fc.constantFrom('North', 'Lane 3', 'Block 7'), { nil: undefined });
  const placement = mostly(
    fc.constantFrom(...levels).chain((level) =>
      fc.record({
        level: fc.constant(level),
        unitId: poolOf[level],
        parentId: poolOf[PARENT_LEVEL[level]],
      }),
    ),
    fc.record({ level: fc.constantFrom(...levels), unitId: anyUnit, parentId: anyUnitOrRoot }),
  );
  const seat = mostly(
    fc
      .constantFrom(...roles)
      .chain((role) => fc.record({ role: fc.constant(role), unitId: poolOf[ROLE_LEVEL[role]] })),
    fc.record({ role: fc.constantFrom(...roles), unitId: anyUnitOrRoot }),
  );
  return fc.oneof(
    {
      weight: 1,
      arbitrary: fc
        .record({ neighbourhoodId, streetId: fc.constant(pools.streetId), name: communityNameArb })
        .map((data): NeighbourhoodCommandInput => ({ type: 'EstablishNeighbourhood', data })),
    },
    {
      weight: 6,
      arbitrary: fc
        .record({ neighbourhoodId, placement, name: unitName })
        .map(({ placement: p, ...rest }): NeighbourhoodCommandInput => ({
          type: 'AddUnit',
          data: withoutUndefined({ ...rest, ...p }),
        })),
    },
    {
      weight: 4,
      arbitrary: fc
        .record({ neighbourhoodId, seat, personId: person })
        .map(({ seat: s, ...rest }): NeighbourhoodCommandInput => ({
          type: 'AppointLeader',
          data: { ...rest, ...s },
        })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({ neighbourhoodId, seat, personId: person, reason })
        .map(({ seat: s, ...rest }): NeighbourhoodCommandInput => ({
          type: 'StandDownLeader',
          data: withoutUndefined({ ...rest, ...s }),
        })),
    },
    {
      weight: 6,
      arbitrary: fc
        .record({ neighbourhoodId, householdId: household, groupId: group })
        .map((data): NeighbourhoodCommandInput => ({ type: 'RegisterHousehold', data })),
    },
    {
      weight: 3,
      arbitrary: fc
        .record({ neighbourhoodId, householdId: household, toGroupId: group })
        .map((data): NeighbourhoodCommandInput => ({ type: 'MoveHousehold', data })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({ neighbourhoodId, householdId: household, reason })
        .map((data): NeighbourhoodCommandInput => ({
          type: 'DeregisterHousehold',
          data: withoutUndefined(data),
        })),
    },
    ...ownerCommandArbs(pools, mostly(poolOf.compound, anyUnitOrRoot), household, person),
  );
};

/** Owners' register commands over the pools' compounds (none without a compound pool). */
const ownerCommandArbs = (
  pools: NeighbourhoodIdPools,
  compoundId: fc.Arbitrary<string>,
  householdId: fc.Arbitrary<string>,
  ownerId: fc.Arbitrary<string>,
): { weight: number; arbitrary: fc.Arbitrary<NeighbourhoodCommandInput> }[] => {
  if ((pools.compoundIds ?? []).length === 0) return [];
  const neighbourhoodId = fc.constant(pools.neighbourhoodId);
  return [
    {
      weight: 4,
      arbitrary: fc
        .record({ neighbourhoodId, ownerId, householdId, compoundId })
        .map((data): NeighbourhoodCommandInput => ({ type: 'RegisterOwner', data })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({ neighbourhoodId, ownerId, compoundId })
        .map((data): NeighbourhoodCommandInput => ({ type: 'DeregisterOwner', data })),
    },
  ];
};

/**
 * Actors around one community: an administrator, officials and staff in and out of scope, grid workers
 * scoped to pooled grids and lanes (or, wrongly, to the whole community), and a resident. Those who may act come
 * up about three times in four, so that generated histories grow a community rather than a pile of
 * refusals.
 */
export const neighbourhoodActorArb = (pools: NeighbourhoodIdPools): fc.Arbitrary<NeighbourhoodActorInput> => {
  const actor = (weight: number, value: NeighbourhoodActorInput) => ({
    weight,
    arbitrary: fc.constant(value),
  });
  return fc.oneof(
    actor(2, { id: 'admin-1', role: 'administrator', scope: ['*'] }),
    actor(1, { id: 'admin-2', role: 'administrator' }),
    actor(3, { id: 'official-1', role: 'street-official', scope: [pools.streetId] }),
    actor(4, { id: 'staff-1', role: 'community-staff', scope: [pools.neighbourhoodId] }),
    {
      weight: 3,
      arbitrary: fc
        .constantFrom(...pools.gridIds, ...pools.laneIds)
        .map((unitId): NeighbourhoodActorInput => ({
          id: `worker-${unitId}`,
          role: 'grid-worker',
          scope: [unitId],
        })),
    },
    actor(1, { id: 'official-2', role: 'street-official', scope: ['other-street'] }),
    actor(1, { id: 'staff-2', role: 'community-staff', scope: ['other-community'] }),
    actor(1, { id: 'worker-everywhere', role: 'grid-worker', scope: [pools.neighbourhoodId] }),
    actor(1, { id: 'resident-1', role: 'resident', scope: [pools.neighbourhoodId] }),
  );
};

/** How big a generated community may grow; the defaults follow Wuchang's four lanes a grid, five groups a lane. */
export interface CommunityTreeOptions {
  readonly maxGrids?: number;
  readonly maxLanesPerGrid?: number;
  readonly maxGroupsPerLane?: number;
  /** At most this many households per group; keep it within the decider's `maxHouseholdsPerGroup`. */
  readonly maxHouseholdsPerGroup?: number;
  readonly maxGridWorkersPerGrid?: number;
}

/** A neighbour group of a generated community and the households registered in it. */
export interface GeneratedGroup {
  readonly groupId: string;
  readonly leaderId: string;
  readonly householdIds: readonly string[];
}

/** A lane of a generated community. */
export interface GeneratedLane {
  readonly laneId: string;
  readonly leaderId: string;
  readonly groups: readonly GeneratedGroup[];
}

/** A grid of a generated community, with the grid workers who registered its households. */
export interface GeneratedGrid {
  readonly gridId: string;
  readonly leaderId: string;
  readonly workerIds: readonly string[];
  readonly lanes: readonly GeneratedLane[];
}

/** A valid community: what it looks like, and the commands (each with its actor) that build it. */
export interface CommunityTree {
  readonly neighbourhoodId: string;
  readonly streetId: string;
  readonly name: string;
  readonly secretaryId: string;
  readonly grids: readonly GeneratedGrid[];
  /** Every command that builds the community, in order; each one is accepted on the state before it. */
  readonly steps: readonly NeighbourhoodStep[];
}

const START_MILLIS = Date.UTC(2026, 2, 1, 8, 0, 0);

/**
 * A valid community and the command sequence that builds it: a street official establishes it, community
 * staff add the grids, lanes and neighbour groups and seat their leaders, and each grid's first grid worker
 * registers the households of that grid. Command ids are unique per community and instants increase, so the
 * steps can go through a real command handler unchanged.
 */
export const communityTreeArb = (options: CommunityTreeOptions = {}): fc.Arbitrary<CommunityTree> => {
  const households = fc.integer({ min: 0, max: options.maxHouseholdsPerGroup ?? 5 });
  const lane = fc.array(households, { minLength: 1, maxLength: options.maxGroupsPerLane ?? 5 });
  const grid = fc.record({
    workers: fc.integer({ min: 1, max: options.maxGridWorkersPerGrid ?? 2 }),
    lanes: fc.array(lane, { minLength: 1, maxLength: options.maxLanesPerGrid ?? 4 }),
  });
  return fc
    .record({
      neighbourhoodId: neighbourhoodIdArb,
      streetId: neighbourhoodIdArb.map((id) => `street-${id}`),
      name: communityNameArb,
      grids: fc.array(grid, { minLength: 1, maxLength: options.maxGrids ?? 2 }),
    })
    .map(({ neighbourhoodId, streetId, name, grids }) => buildTree(neighbourhoodId, streetId, name, grids));
};

interface GridShape {
  readonly workers: number;
  readonly lanes: readonly (readonly number[])[];
}

const buildTree = (
  neighbourhoodId: string,
  streetId: string,
  name: string,
  shape: readonly GridShape[],
): CommunityTree => {
  const steps: NeighbourhoodStep[] = [];
  const at = (actor: NeighbourhoodActorInput, command: NeighbourhoodCommandInput): void => {
    const i = steps.length;
    steps.push({
      command,
      context: {
        actor,
        now: new Date(START_MILLIS + i * 60_000).toISOString(),
        commandId: `${neighbourhoodId}.cmd-${i}`,
      },
    });
  };
  const official: NeighbourhoodActorInput = {
    id: `${streetId}.official`,
    role: 'street-official',
    scope: [streetId],
  };
  const staff: NeighbourhoodActorInput = {
    id: `${neighbourhoodId}.staff`,
    role: 'community-staff',
    scope: [neighbourhoodId],
  };
  const appoint = (unitId: string, role: LeaderRole, personId: string): void =>
    at(staff, { type: 'AppointLeader', data: { neighbourhoodId, unitId, role, personId } });
  const addUnit = (unitId: string, level: UnitLevel, parentId: string): void =>
    at(staff, { type: 'AddUnit', data: { neighbourhoodId, unitId, level, parentId } });

  at(official, { type: 'EstablishNeighbourhood', data: { neighbourhoodId, streetId, name } });
  const secretaryId = `${neighbourhoodId}.secretary`;
  appoint(neighbourhoodId, 'community-secretary', secretaryId);
  let householdCount = 0;
  const grids = shape.map((gridShape, g): GeneratedGrid => {
    const gridId = `${neighbourhoodId}.g${g + 1}`;
    addUnit(gridId, 'grid', neighbourhoodId);
    const leaderId = `${gridId}.leader`;
    appoint(gridId, 'grid-leader', leaderId);
    const workerIds = Array.from({ length: gridShape.workers }, (_, w) => `${gridId}.worker${w + 1}`);
    for (const workerId of workerIds) appoint(gridId, 'grid-worker', workerId);
    const worker: NeighbourhoodActorInput = {
      id: workerIds[0] ?? gridId,
      role: 'grid-worker',
      scope: [gridId],
    };
    const lanes = gridShape.lanes.map((laneShape, l): GeneratedLane => {
      const laneId = `${gridId}.l${l + 1}`;
      addUnit(laneId, 'lane', gridId);
      appoint(laneId, 'lane-leader', `${laneId}.leader`);
      const groups = laneShape.map((size, n): GeneratedGroup => {
        const groupId = `${laneId}.n${n + 1}`;
        addUnit(groupId, 'neighbour-group', laneId);
        appoint(groupId, 'neighbour-leader', `${groupId}.leader`);
        const householdIds = Array.from({ length: size }, () => `${neighbourhoodId}.h${++householdCount}`);
        for (const householdId of householdIds) {
          at(worker, { type: 'RegisterHousehold', data: { neighbourhoodId, householdId, groupId } });
        }
        return { groupId, leaderId: `${groupId}.leader`, householdIds };
      });
      return { laneId, leaderId: `${laneId}.leader`, groups };
    });
    return { gridId, leaderId, workerIds, lanes };
  });
  return { neighbourhoodId, streetId, name, secretaryId, grids, steps };
};

/** Drops undefined optional fields, so generated commands look like what a caller would write. */
const withoutUndefined = <D>(data: D): D =>
  Object.fromEntries(Object.entries(data as Record<string, unknown>).filter(([, v]) => v !== undefined)) as D;
