import type { ActorInput } from './task-world.js';

/**
 * The people and places random fund histories play in: one community of one street, a community of
 * another street (whose staff must be refused), residents, and partner organisations.
 */
export interface FundWorld {
  readonly street: string;
  readonly community: string;
  readonly otherStreet: string;
  readonly otherCommunity: string;
  readonly residents: readonly string[];
  /** Organisations that co-fund or partner (ids only: the Organisation aggregate is another's). */
  readonly organisations: readonly string[];
  /** The fund year generated projects are solicited for. */
  readonly fundYear: number;
  /** When the first project is solicited; every later instant is measured from here. */
  readonly epoch: string;
}

/** A world modelled on Wuhou's Chaoyin community, small enough that residents and ids collide. */
export const defaultFundWorld: FundWorld = {
  street: 'street-wuhou-jiangxi',
  community: 'community-chaoyin',
  otherStreet: 'street-longtanzi',
  otherCommunity: 'community-longtanzi-1',
  residents: ['resident-1', 'resident-2', 'resident-3'],
  organisations: ['org-charging-partner', 'org-social-enterprise'],
  fundYear: 2026,
  epoch: '2026-03-01T08:00:00.000Z',
};

/** The community's fund staff: a community worker. */
export const fundStaff = (world: FundWorld): ActorInput => ({
  id: 'staff-community',
  role: 'community-staff',
  scope: [world.community],
});

/** The street official who supervises the community's fund. */
export const fundSupervisor = (world: FundWorld): ActorInput => ({
  id: 'official-street',
  role: 'street-official',
  scope: [world.street],
});

/**
 * Everyone who might send a fund or partnership command: residents, the community's staff and an
 * administrator, the street's official, staff and an official elsewhere, a grid worker, the system.
 */
export const fundActors = (world: FundWorld): readonly ActorInput[] => [
  ...world.residents.map((id): ActorInput => ({ id, role: 'resident' })),
  fundStaff(world),
  { id: 'admin-community', role: 'administrator', scope: [world.community] },
  fundSupervisor(world),
  { id: 'staff-elsewhere', role: 'community-staff', scope: [world.otherCommunity] },
  { id: 'official-elsewhere', role: 'street-official', scope: [world.otherStreet] },
  { id: 'grid-worker-1', role: 'grid-worker', scope: [world.community] },
  { id: 'scheduler', role: 'system', scope: ['*'] },
];
