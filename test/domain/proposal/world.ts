import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import { expect } from 'vitest';
import {
  createGovernance,
  type Governance,
  type GovernanceOptions,
} from '../../../src/commands/governance.js';
import type { Appended } from '../../../src/commands/aggregate.js';
import type { LinliCommandInput, LinliEvent } from '../../../src/domain/linli.js';
import type { CommandContextInput } from '../../../src/domain/shared/context.js';
import type { DomainError } from '../../../src/domain/shared/errors.js';
import {
  compoundWorld,
  compoundWorldSteps,
  ownerActor,
  type CompoundWorld,
} from '../../../src/testing/scenarios/compound-world.js';

let counter = 0;

/** A facade over a fresh in-memory store holding a compound world, and helpers to act in it. */
export interface WorldHarness {
  readonly gov: Governance;
  readonly world: CompoundWorld;
  /** Sends a command as `actor` at `now` (the world's epoch by default). */
  send(
    command: LinliCommandInput,
    actor: CommandContextInput['actor'],
    now?: string,
  ): Promise<Either<DomainError, readonly Appended<LinliEvent>[]>>;
  /** Sends a command that must be accepted, returning the event types it recorded. */
  ok(command: LinliCommandInput, actor: CommandContextInput['actor'], now?: string): Promise<string[]>;
  /** Submits a proposal by the first owner. */
  submit(proposalId: string): Promise<void>;
  /** The owners `from` to `to` (1-based, inclusive) support the proposal; the event types recorded. */
  support(proposalId: string, from: number, to: number): Promise<string[]>;
}

/** Builds a harness over a world of `owners` owners. */
export const harness = async (owners = 200, options: GovernanceOptions = {}): Promise<WorldHarness> => {
  const gov = createGovernance(options);
  const world = compoundWorld(owners);
  for (const step of compoundWorldSteps(world)) {
    const result = await gov.execute(step.command, step.context);
    if (isLeft(result)) throw new Error(result.left.message);
  }
  const send: WorldHarness['send'] = (command, actor, now = world.epoch) =>
    gov.execute(command, { actor, now, commandId: `h-${(counter += 1)}` });
  const ok: WorldHarness['ok'] = async (command, actor, now) => {
    const result = await send(command, actor, now);
    if (isLeft(result)) expect.fail(`${command.type} refused: ${result.left.code} ${result.left.message}`);
    return result.right.map((event) => event.type);
  };
  return {
    gov,
    world,
    send,
    ok,
    async submit(proposalId) {
      const owner = world.owners[0] ?? '';
      await ok(
        {
          type: 'SubmitProposal',
          data: {
            proposalId,
            community: world.community,
            compoundId: world.compound,
            title: 'Replace the elevators of blocks 1-4',
            proposer: { kind: 'owner', ownerId: owner },
          },
        },
        ownerActor(owner),
      );
    },
    async support(proposalId, from, to) {
      const types: string[] = [];
      for (const ownerId of world.owners.slice(from - 1, to)) {
        types.push(
          ...(await ok({ type: 'SupportProposal', data: { proposalId, ownerId } }, ownerActor(ownerId))),
        );
      }
      return types;
    },
  };
};
