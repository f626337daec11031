import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { CommandContext } from '../shared/context.js';
import type { Decider } from '../shared/decider.js';
import { domainError, type DomainError, type ErrorCode } from '../shared/errors.js';
import { mayKeepOrganisation, mayKeepRegister } from './authorisation.js';
import type { OrganisationCommand } from './commands.js';
import type { OrganisationEvent } from './events.js';
import { initialOrganisationState, type OrganisationState, type RegisteredOrganisation } from './state.js';

type Decision = Either<DomainError, readonly OrganisationEvent[]>;

const refuse = (code: ErrorCode, message: string): Decision => left(domainError(code, message));

const decideOnRegistered = (
  organisation: RegisteredOrganisation,
  command: Exclude<OrganisationCommand, { type: 'RegisterOrganisation' }>,
  context: CommandContext,
): Decision => {
  if (!mayKeepOrganisation(context.actor, organisation)) {
    return refuse('forbidden', 'only staff covering its home, or its head, may keep an organisation');
  }
  switch (command.type) {
    case 'AddMember':
      if (organisation.members.get(command.data.personId) === command.data.role) {
        return refuse('already-exists', `${command.data.personId} is already a ${command.data.role}`);
      }
      return right([{ type: 'MemberJoined', data: command.data }]);
    case 'RemoveMember':
      if (!organisation.members.has(command.data.personId)) {
        return refuse('not-found', `${command.data.personId} is not a member`);
      }
      return right([{ type: 'MemberLeft', data: command.data }]);
    case 'ListResource':
      if (organisation.resources.has(command.data.resourceId)) {
        return refuse('already-exists', `resource ${command.data.resourceId} is listed`);
      }
      return right([{ type: 'ResourceListed', data: command.data }]);
    case 'WithdrawResource':
      if (!organisation.resources.has(command.data.resourceId)) {
        return refuse('not-found', `no listed resource ${command.data.resourceId}`);
      }
      return right([{ type: 'ResourceWithdrawn', data: command.data }]);
  }
};

const withMembers = (
  state: RegisteredOrganisation,
  change: (members: Map<string, string>) => void,
): RegisteredOrganisation => {
  const members = new Map(state.members);
  change(members);
  return { ...state, members };
};

/** Folds one Organisation event; total: an event that cannot apply leaves the state unchanged. */
export const evolveOrganisation = (state: OrganisationState, event: OrganisationEvent): OrganisationState => {
  if (event.type === 'OrganisationRegistered') {
    if (state.status !== 'unregistered') return state;
    const { organisationId, kind, community, unit } = event.data;
    return {
      status: 'registered',
      organisationId,
      kind,
      ...(community === undefined ? {} : { community }),
      ...(unit === undefined ? {} : { unit }),
      members: new Map(),
      resources: new Map(),
    };
  }
  if (state.status === 'unregistered') return state;
  switch (event.type) {
    case 'MemberJoined':
      return withMembers(state, (members) => members.set(event.data.personId, event.data.role));
    case 'MemberLeft':
      return withMembers(state, (members) => members.delete(event.data.personId));
    case 'ResourceListed': {
      const { kind, title, capacity, terms } = event.data;
      const resources = new Map(state.resources).set(event.data.resourceId, {
        kind,
        title,
        ...(capacity === undefined ? {} : { capacity }),
        ...(terms === undefined ? {} : { terms }),
      });
      return { ...state, resources };
    }
    case 'ResourceWithdrawn': {
      const resources = new Map(state.resources);
      resources.delete(event.data.resourceId);
      return { ...state, resources };
    }
  }
};

/**
 * The Organisation decider. Community staff or an administrator covering the home unit register an
 * organisation and keep it; its head (as its history records them) keeps its members and resource list; a
 * department is kept by a deployment-wide administrator. A role change is a second `MemberJoined`.
 */
export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  initialState: initialOrganisationState,
  evolve: evolveOrganisation,
  decide: (command, state, context) => {
    if (command.type === 'RegisterOrganisation') {
      if (state.status !== 'unregistered') {
        return refuse('already-exists', `organisation ${command.data.organisationId} exists`);
      }
      if (!mayKeepRegister(context.actor, command.data)) {
        return refuse('forbidden', 'only staff covering its home may register an organisation');
      }
      return right([{ type: 'OrganisationRegistered', data: command.data }]);
    }
    if (state.status === 'unregistered') {
      return refuse('not-found', `organisation ${command.data.organisationId} is not registered`);
    }
    return decideOnRegistered(state, command, context);
  },
};
