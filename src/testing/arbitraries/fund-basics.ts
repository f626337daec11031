import fc from 'fast-check';
import type { CommandContextInput } from '../../domain/shared/context.js';
import type { Contributor, DecisionRef } from '../../domain/fund-project/events.js';
import {
  defaultFundWorld,
  fundActors,
  fundStaff,
  fundSupervisor,
  type FundWorld,
} from '../scenarios/fund-world.js';
import type { ActorInput } from '../scenarios/task-world.js';

/** One thing someone tries to do to a fund project or partnership: a command, who, and minutes before it. */
export interface FundAction<C> {
  readonly command: C;
  readonly actor: ActorInput;
  readonly advanceMinutes: number;
}

/** A command ready for the command handler: the command and its full context. */
export interface FundCommandStep<C> {
  readonly command: C;
  readonly context: CommandContextInput;
}

/** Any actor of the world. */
export const fundActorArb = (world: FundWorld = defaultFundWorld): fc.Arbitrary<ActorInput> =>
  fc.constantFrom(...fundActors(world));

/** Mostly `likely`, sometimes anyone of the world (so that some attempts are refused). */
const mostly = (likely: fc.Arbitrary<ActorInput>, world: FundWorld): fc.Arbitrary<ActorInput> =>
  fc.oneof({ weight: 5, arbitrary: likely }, { weight: 1, arbitrary: fundActorArb(world) });

/** Mostly the community's fund staff or administrator, sometimes anyone. */
export const fundStaffActorArb = (world: FundWorld = defaultFundWorld): fc.Arbitrary<ActorInput> =>
  mostly(
    fc.constantFrom<ActorInput>(fundStaff(world), {
      id: 'admin-community',
      role: 'administrator',
      scope: [world.community],
    }),
    world,
  );

/** Mostly the street's official, sometimes anyone. */
export const fundSupervisorActorArb = (world: FundWorld = defaultFundWorld): fc.Arbitrary<ActorInput> =>
  mostly(fc.constant(fundSupervisor(world)), world);

/** Mostly a resident, sometimes anyone. */
export const fundResidentActorArb = (world: FundWorld = defaultFundWorld): fc.Arbitrary<ActorInput> =>
  mostly(
    fc.constantFrom(...world.residents).map((id): ActorInput => ({ id, role: 'resident' })),
    world,
  );

/**
 * An amount in fen between `min` and `max` yuan, in whole yuan or with fen: amounts collide with approvals
 * often enough that spending is refused for exceeding one, and sometimes lands on it exactly.
 */
export const fenArb = (minYuan: number, maxYuan: number): fc.Arbitrary<number> =>
  fc.oneof(
    fc.integer({ min: minYuan, max: maxYuan }).map((y) => y * 100),
    fc.integer({ min: minYuan * 100, max: maxYuan * 100 }),
  );

/** A decision reference: a ballot, a meeting item, or a committee decision. */
export const decisionRefArb: fc.Arbitrary<DecisionRef> = fc.oneof(
  fc
    .integer({ min: 1, max: 9 })
    .map((n) => ({ kind: 'ballot' as const, proposalId: `proposal-${n}`, matter: 'fund the project' })),
  fc
    .integer({ min: 1, max: 9 })
    .map((n) => ({ kind: 'meeting' as const, meetingId: `meeting-${n}`, item: `item ${n}` })),
  fc
    .integer({ min: 1, max: 9 })
    .map((n) => ({ kind: 'committee' as const, reference: `fund committee 2026/${n}` })),
);

/** A co-funder: the owners' committee, residents, or an organisation of the world. */
export const contributorArb = (world: FundWorld = defaultFundWorld): fc.Arbitrary<Contributor> =>
  fc.oneof(
    fc.constant({ kind: 'owners-committee' as const }),
    fc.integer({ min: 1, max: 300 }).map((participants) => ({ kind: 'residents' as const, participants })),
    fc
      .constantFrom(...world.organisations)
      .map((organisationId) => ({ kind: 'organisation' as const, organisationId })),
  );
