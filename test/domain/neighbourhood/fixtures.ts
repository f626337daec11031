/**
 * A small Wuchang-style community for the stories: Bairuijing under Zhonghualu street, with grid A (lanes
 * A1, A2; groups A1-1, A1-2, A2-1) and grid B (lane B1; group B1-1). Events are built here once, so each story
 * states only what it adds.
 */
import type { CommandContextInput } from '../../../src/domain/shared/context.js';
import type { NeighbourhoodEvent } from '../../../src/domain/neighbourhood/events.js';
import type { UnitLevel } from '../../../src/domain/neighbourhood/hierarchy.js';
import { testContext } from '../../../src/testing/context.js';

/** The community of the stories. */
export const N = 'bairuijing';
/** The street Bairuijing belongs to. */
export const STREET = 'zhonghualu';

/** Bairuijing established under its street. */
export const established: NeighbourhoodEvent = {
  type: 'NeighbourhoodEstablished',
  data: { neighbourhoodId: N, streetId: STREET, name: 'Bairuijing' },
};

/** A unit added to Bairuijing. */
export const unitAdded = (unitId: string, level: UnitLevel, parentId: string): NeighbourhoodEvent => ({
  type: 'UnitAdded',
  data: { neighbourhoodId: N, unitId, level, parentId },
});

/** A household registered into a neighbour group of Bairuijing. */
export const registered = (householdId: string, groupId: string): NeighbourhoodEvent => ({
  type: 'HouseholdRegistered',
  data: { neighbourhoodId: N, householdId, groupId },
});

/** A leader appointed in Bairuijing. */
export const appointed = (
  unitId: string,
  role: Extract<NeighbourhoodEvent, { type: 'LeaderAppointed' }>['data']['role'],
  personId: string,
): NeighbourhoodEvent => ({ type: 'LeaderAppointed', data: { neighbourhoodId: N, unitId, role, personId } });

/** The two-grid community every story starts from. */
export const community: readonly NeighbourhoodEvent[] = [
  established,
  unitAdded('grid-a', 'grid', N),
  unitAdded('lane-a1', 'lane', 'grid-a'),
  unitAdded('lane-a2', 'lane', 'grid-a'),
  unitAdded('group-a1-1', 'neighbour-group', 'lane-a1'),
  unitAdded('group-a1-2', 'neighbour-group', 'lane-a1'),
  unitAdded('group-a2-1', 'neighbour-group', 'lane-a2'),
  unitAdded('grid-b', 'grid', N),
  unitAdded('lane-b1', 'lane', 'grid-b'),
  unitAdded('group-b1-1', 'neighbour-group', 'lane-b1'),
];

/** Twenty households, a full neighbour group at the default capacity. */
export const fullGroup = (groupId: string, prefix = 'hh'): NeighbourhoodEvent[] =>
  Array.from({ length: 20 }, (_, i) => registered(`${prefix}-${i + 1}`, groupId));

/** An actor as a command context is written. */
export type ActorInput = CommandContextInput['actor'];

/** The actors of the stories, inside and outside Bairuijing. */
export const admin: ActorInput = { id: 'admin-1', role: 'administrator', scope: ['*'] };
export const official: ActorInput = { id: 'official-1', role: 'street-official', scope: [STREET] };
export const otherOfficial: ActorInput = { id: 'official-9', role: 'street-official', scope: ['huayuan'] };
export const staff: ActorInput = { id: 'staff-1', role: 'community-staff', scope: [N] };
export const otherStaff: ActorInput = { id: 'staff-9', role: 'community-staff', scope: ['zhongnan'] };
export const workerA: ActorInput = { id: 'worker-a', role: 'grid-worker', scope: ['grid-a'] };
export const workerB: ActorInput = { id: 'worker-b', role: 'grid-worker', scope: ['grid-b'] };
export const resident: ActorInput = { id: 'resident-1', role: 'resident', scope: [N] };

/** A context in which `actor` acts. */
export const as = (actor: ActorInput): CommandContextInput => testContext({ actor });
