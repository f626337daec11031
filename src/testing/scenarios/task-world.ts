import type { CommandContextInput } from '../../domain/shared/context.js';

/** An actor as a context accepts it (scope and organisations may be left out). */
export type ActorInput = CommandContextInput['actor'];

/**
 * The people and places random task histories play in: one community, one of its grids, an organisation
 * that directed tasks go to, and a handful of residents, some of them members of the organisation.
 */
export interface TaskWorld {
  readonly community: string;
  readonly unit: string;
  readonly otherCommunity: string;
  readonly organisation: string;
  readonly residents: readonly string[];
  /** The residents who belong to {@link TaskWorld.organisation}. */
  readonly members: readonly string[];
  /** When the first task is published; every later instant is measured from here. */
  readonly epoch: string;
}

/** A world modelled on Wuhou's Bairuijing community, small enough that residents collide on tasks. */
export const defaultTaskWorld: TaskWorld = {
  community: 'community-bairuijing',
  unit: 'grid-07',
  otherCommunity: 'community-longtanzi',
  organisation: 'org-electrical-coop',
  residents: ['resident-1', 'resident-2', 'resident-3', 'resident-4'],
  members: ['resident-1', 'resident-2'],
  epoch: '2026-03-01T08:00:00.000Z',
};

/** Minutes after the world's epoch as an ISO instant. */
export const instantAfter = (world: Pick<TaskWorld, 'epoch'>, minutes: number): string =>
  new Date(Date.parse(world.epoch) + minutes * 60_000).toISOString();

/** A resident as they act: members of the world's organisation carry it. */
export const residentActor = (world: TaskWorld, residentId: string): ActorInput => ({
  id: residentId,
  role: 'resident',
  organisations: world.members.includes(residentId) ? [world.organisation] : [],
});

/**
 * Everyone who might send a task command: the residents, staff of the community and of its grid, staff and an
 * administrator of another community, a grid worker, the system, and resident-1 acting as community staff
 * (who must never verify their own claim).
 */
export const taskActors = (world: TaskWorld): readonly ActorInput[] => [
  ...world.residents.map((id) => residentActor(world, id)),
  { id: 'staff-community', role: 'community-staff', scope: [world.community] },
  { id: 'staff-grid', role: 'community-staff', scope: [world.unit] },
  { id: 'admin-community', role: 'administrator', scope: [world.community] },
  { id: 'staff-elsewhere', role: 'community-staff', scope: [world.otherCommunity] },
  { id: 'admin-elsewhere', role: 'administrator', scope: [world.otherCommunity] },
  { id: 'grid-worker-1', role: 'grid-worker', scope: [world.unit] },
  { id: 'scheduler', role: 'system' },
  { id: world.residents[0] ?? 'resident-1', role: 'community-staff', scope: [world.community] },
];

/** Titles of the public and directed tasks the field reports list. */
export const TASK_TITLES = [
  'Replace the stairwell light bulb',
  'Remove illegal adverts from the lane',
  'Tutor pupils after school',
  'Mediate a parking dispute',
  'Move bulky items out of the fire lane',
  'Electrical equipment maintenance',
  'Compound greening',
  'Septic tank clearing',
] as const;

/** Hours from the epoch to the deadline of a published task: two days or a week. */
export const DEADLINE_HOURS = [48, 168] as const;
