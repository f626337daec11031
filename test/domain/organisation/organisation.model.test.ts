import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { CommandHandler } from '../../../src/commands/command-handler.js';
import {
  organisationAggregate,
  type OrganisationCommandInput,
} from '../../../src/domain/organisation/index.js';
import { fold } from '../../../src/domain/shared/decider.js';
import type { ErrorCode } from '../../../src/domain/shared/errors.js';
import { organisationStream } from '../../../src/domain/shared/ids.js';
import { InMemoryEventStore } from '../../../src/store/memory.js';
import {
  organisationActorArb,
  organisationCommandArb,
} from '../../../src/testing/arbitraries/organisation.js';
import { defaultOrganisationWorld as world } from '../../../src/testing/scenarios/organisation-world.js';
import type { ActorInput } from '../../../src/testing/scenarios/task-world.js';
import { collect } from '../../store/contract.js';

/** What the model knows of one organisation: the rules below are restated against it, not the decider. */
interface ModelOrganisation {
  readonly department: boolean;
  readonly members: Map<string, string>;
  readonly resources: Set<string>;
}

interface Model {
  readonly organisations: Map<string, ModelOrganisation>;
  step: number;
}

interface Real {
  readonly store: InMemoryEventStore;
  handler: CommandHandler;
  readonly accepted: Set<string>;
}

type Expected = { readonly accept: string } | { readonly reject: ErrorCode };

/** Staff of the world's community and the deployment-wide administrator keep the register; a department only the latter. */
const keepsRegister = (actor: ActorInput, department: boolean): boolean => {
  if (actor.role === 'administrator' && (actor.scope ?? []).includes('*')) return true;
  return (
    !department &&
    (actor.role === 'community-staff' || actor.role === 'administrator') &&
    (actor.scope ?? []).includes(world.community)
  );
};

const expected = (model: Model, command: OrganisationCommandInput, actor: ActorInput): Expected => {
  const organisation = model.organisations.get(command.data.organisationId);
  if (command.type === 'RegisterOrganisation') {
    if (organisation !== undefined) return { reject: 'already-exists' };
    return keepsRegister(actor, command.data.kind === 'department')
      ? { accept: 'OrganisationRegistered' }
      : { reject: 'forbidden' };
  }
  if (organisation === undefined) return { reject: 'not-found' };
  const head = actor.role !== 'system' && organisation.members.get(actor.id) === 'head';
  if (!keepsRegister(actor, organisation.department) && !head) return { reject: 'forbidden' };
  switch (command.type) {
    case 'AddMember':
      return organisation.members.get(command.data.personId) === command.data.role
        ? { reject: 'already-exists' }
        : { accept: 'MemberJoined' };
    case 'RemoveMember':
      return organisation.members.has(command.data.personId)
        ? { accept: 'MemberLeft' }
        : { reject: 'not-found' };
    case 'ListResource':
      return organisation.resources.has(command.data.resourceId)
        ? { reject: 'already-exists' }
        : { accept: 'ResourceListed' };
    case 'WithdrawResource':
      return organisation.resources.has(command.data.resourceId)
        ? { accept: 'ResourceWithdrawn' }
        : { reject: 'not-found' };
  }
};

const apply = (model: Model, command: OrganisationCommandInput): void => {
  const id = command.data.organisationId;
  if (command.type === 'RegisterOrganisation') {
    model.organisations.set(id, {
      department: command.data.kind === 'department',
      members: new Map(),
      resources: new Set(),
    });
    return;
  }
  const organisation = model.organisations.get(id)!;
  if (command.type === 'AddMember') organisation.members.set(command.data.personId, command.data.role);
  if (command.type === 'RemoveMember') organisation.members.delete(command.data.personId);
  if (command.type === 'ListResource') organisation.resources.add(command.data.resourceId);
  if (command.type === 'WithdrawResource') organisation.resources.delete(command.data.resourceId);
};

class OrganisationCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly command: OrganisationCommandInput,
    readonly actor: ActorInput,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: Model, real: Real): Promise<void> {
    const stream = organisationStream(this.command.data.organisationId);
    const before = await collect(real.store.readStream(stream));
    const context = {
      actor: this.actor,
      now: new Date(Date.parse(world.epoch) + (model.step += 1) * 60_000).toISOString(),
      commandId: `cmd-${model.step}`,
    };
    const want = expected(model, this.command, this.actor);
    const result = await real.handler.handle(organisationAggregate, this.command, context);
    const after = await collect(real.store.readStream(stream));
    if ('reject' in want) {
      expect(isLeft(result) && result.left.code).toBe(want.reject);
      expect(after).toEqual(before);
    } else {
      if (isLeft(result))
        throw new Error(`expected ${want.accept}, got ${result.left.code}: ${result.left.message}`);
      expect(result.right.events.map((event) => event.type)).toEqual([want.accept]);
      real.accepted.add(want.accept);
      apply(model, this.command);
    }
    // The stream folds to the model's members and resources.
    const state = fold(
      organisationAggregate.decider,
      after.map((event) => ({ type: event.type, data: event.data }) as never),
    );
    const modelled = model.organisations.get(this.command.data.organisationId);
    if (modelled === undefined) expect(state.status).toBe('unregistered');
    else if (state.status === 'registered') {
      expect(Object.fromEntries(state.members)).toEqual(Object.fromEntries(modelled.members));
      expect([...state.resources.keys()].sort()).toEqual([...modelled.resources].sort());
    } else throw new Error('the model has an organisation the stream does not');
  }

  toString(): string {
    return `${this.actor.id}/${this.actor.role} ${this.command.type} ${JSON.stringify(this.command.data)}`;
  }
}

class RestartHandler implements fc.AsyncCommand<Model, Real> {
  check(): boolean {
    return true;
  }
  async run(_model: Model, real: Real): Promise<void> {
    real.handler = new CommandHandler(real.store);
  }
  toString(): string {
    return 'restart handler';
  }
}

const stepArb = fc
  .tuple(organisationCommandArb(world), organisationActorArb(world))
  .map(([command, actor]) => new OrganisationCommand(command, actor));
const commandsArb = fc.commands([stepArb, stepArb, stepArb, fc.constant(new RestartHandler())], {
  maxCommands: 40,
  size: 'medium',
});

const runModel = async (accepted: Set<string>): Promise<void> => {
  await fc.assert(
    fc.asyncProperty(commandsArb, async (commands) => {
      const store = new InMemoryEventStore();
      const setup = () => ({
        model: { organisations: new Map(), step: 0 } as Model,
        real: { store, handler: new CommandHandler(store), accepted } as Real,
      });
      await fc.asyncModelRun(setup, commands);
    }),
    { numRuns: 80 },
  );
};

describe('Organisation: model-based, through the CommandHandler and the in-memory store', () => {
  it('agrees with the model on every command and reaches every event type', async () => {
    const accepted = new Set<string>();
    await runModel(accepted);
    // Guards against a model that only ever rejects.
    expect([...accepted].sort()).toEqual([
      'MemberJoined',
      'MemberLeft',
      'OrganisationRegistered',
      'ResourceListed',
      'ResourceWithdrawn',
    ]);
  });
});
