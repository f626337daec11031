import type { LinliCommandInput } from '../../domain/linli.js';
import type { CommandContextInput } from '../../domain/shared/context.js';

/** An actor as a context accepts it (scope and organisations may be left out). */
type ActorInput = CommandContextInput['actor'];

/**
 * One compound (小区) of a community and its owners: where proposals, ballots and deliberation days play.
 * Modelled on Meilingju, whose elevator vote counted 200 owners.
 */
export interface CompoundWorld {
  readonly street: string;
  readonly community: string;
  readonly compound: string;
  /** Owner ids `owner-001` ...; each owns the household of the same number. */
  readonly owners: readonly string[];
  /** The community's staff member who convenes. */
  readonly staff: ActorInput;
  /** When the world is set up; later instants are measured from here. */
  readonly epoch: string;
}

/** A compound world with `owners` owners (200 by default, Meilingju's count). */
export const compoundWorld = (owners = 200, epoch = '2026-03-01T00:00:00.000Z'): CompoundWorld => ({
  street: 'street-meilingju',
  community: 'community-meilingju',
  compound: 'compound-meilingju',
  owners: Array.from({ length: owners }, (_, i) => `owner-${String(i + 1).padStart(3, '0')}`),
  staff: { id: 'staff-meilingju', role: 'community-staff', scope: ['community-meilingju'] },
  epoch,
});

/** An owner acting in person. */
export const ownerActor = (ownerId: string): ActorInput => ({ id: ownerId, role: 'resident' });

/** One command and the context it is sent in. */
export interface WorldStep {
  readonly command: LinliCommandInput;
  readonly context: CommandContextInput;
}

/**
 * The steps that record a compound world: the community established by a street official, the compound
 * added and every owner registered by the community's staff, all at the world's epoch.
 */
export const compoundWorldSteps = (world: CompoundWorld): readonly WorldStep[] => {
  const official: ActorInput = { id: 'official-1', role: 'street-official', scope: [world.street] };
  const at = (actor: ActorInput, n: number): CommandContextInput => ({
    actor,
    now: world.epoch,
    commandId: `world-${n}`,
  });
  const neighbourhoodId = world.community;
  return [
    {
      command: {
        type: 'EstablishNeighbourhood',
        data: { neighbourhoodId, streetId: world.street, name: 'Meilingju' },
      },
      context: at(official, 0),
    },
    {
      command: {
        type: 'AddUnit',
        data: { neighbourhoodId, unitId: world.compound, level: 'compound', parentId: neighbourhoodId },
      },
      context: at(world.staff, 1),
    },
    ...world.owners.map((ownerId, i): WorldStep => ({
      command: {
        type: 'RegisterOwner',
        data: {
          neighbourhoodId,
          ownerId,
          householdId: `household-${ownerId.slice(6)}`,
          compoundId: world.compound,
        },
      },
      context: at(world.staff, i + 2),
    })),
  ];
};
