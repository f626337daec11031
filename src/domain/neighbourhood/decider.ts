import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { CommandContext } from '../shared/context.js';
import type { Decider } from '../shared/decider.js';
import { domainError, type DomainError } from '../shared/errors.js';
import { mayEstablish, mayKeepHouseholds, mayKeepSomeHouseholds, mayManage } from './authorisation.js';
import type { NeighbourhoodCommand, NeighbourhoodCommandOf } from './commands.js';
import type { NeighbourhoodEvent } from './events.js';
import { evolveNeighbourhood } from './evolve.js';
import { PARENT_LEVEL, ROLE_LEVEL, isSharedRole } from './hierarchy.js';
import {
  groupSize,
  householdGroup,
  initialNeighbourhoodState,
  isEstablished,
  seatHolders,
  type EstablishedNeighbourhood,
  type NeighbourhoodState,
} from './state.js';
import { levelOf } from './tree.js';
import { decideOwners } from './owners.js';

/** Tunables of the Neighbourhood decider. */
export interface NeighbourhoodConfig {
  /** The most households one neighbour group may hold. Default {@link DEFAULT_MAX_HOUSEHOLDS_PER_GROUP}. */
  readonly maxHouseholdsPerGroup?: number;
}

/** Wuchang's neighbour group is "10 to 20 households, upstairs-downstairs, left and right". */
export const DEFAULT_MAX_HOUSEHOLDS_PER_GROUP = 20;

/** The Neighbourhood decider's type. */
export type NeighbourhoodDecider = Decider<NeighbourhoodCommand, NeighbourhoodEvent, NeighbourhoodState>;

type Decision = Either<DomainError, readonly NeighbourhoodEvent[]>;

/**
 * Builds the decider of one community: establishing it, growing its grid > lane > neighbour-group tree,
 * seating its leaders and keeping its household register. Throws a RangeError for a capacity that is not a
 * positive integer, a configuration mistake rather than a rejected command.
 */
export const createNeighbourhoodDecider = (config: NeighbourhoodConfig = {}): NeighbourhoodDecider => {
  const capacity = config.maxHouseholdsPerGroup ?? DEFAULT_MAX_HOUSEHOLDS_PER_GROUP;
  if (!Number.isSafeInteger(capacity) || capacity < 1) {
    throw new RangeError(`maxHouseholdsPerGroup must be a positive integer, got ${capacity}`);
  }
  return {
    initialState: initialNeighbourhoodState,
    evolve: evolveNeighbourhood,
    decide: (command, state, context) => decideNeighbourhood(command, state, context, capacity),
  };
};

const decideNeighbourhood = (
  command: NeighbourhoodCommand,
  state: NeighbourhoodState,
  context: CommandContext,
  capacity: number,
): Decision => {
  if (command.type === 'EstablishNeighbourhood') return establish(command, state, context);
  if (!isEstablished(state) || state.neighbourhoodId !== command.data.neighbourhoodId) {
    return reject('not-found', `neighbourhood ${command.data.neighbourhoodId} has not been established`);
  }
  switch (command.type) {
    case 'AddUnit':
      return addUnit(command, state, context);
    case 'AppointLeader':
      return appointLeader(command, state, context);
    case 'StandDownLeader':
      return standDownLeader(command, state, context);
    case 'RegisterHousehold':
      return registerHousehold(command, state, context, capacity);
    case 'MoveHousehold':
      return moveHousehold(command, state, context, capacity);
    case 'DeregisterHousehold':
      return deregisterHousehold(command, state, context);
    case 'RegisterOwner':
    case 'DeregisterOwner':
      return decideOwners(command, state, context);
  }
};

const reject = (code: DomainError['code'], message: string): Decision => left(domainError(code, message));

const establish = (
  command: NeighbourhoodCommandOf<'EstablishNeighbourhood'>,
  state: NeighbourhoodState,
  context: CommandContext,
): Decision => {
  const { neighbourhoodId, streetId, name } = command.data;
  if (!mayEstablish(context.actor, streetId)) {
    return reject('forbidden', `only an administrator or an official of street ${streetId} may establish it`);
  }
  if (isEstablished(state))
    return reject('already-exists', `neighbourhood ${neighbourhoodId} already exists`);
  return right([{ type: 'NeighbourhoodEstablished', data: { neighbourhoodId, streetId, name } }]);
};

const forbiddenToManage = (state: EstablishedNeighbourhood): Decision =>
  reject(
    'forbidden',
    `only an administrator, an official of street ${state.streetId} or staff of community ${state.neighbourhoodId} may do that`,
  );

const addUnit = (
  command: NeighbourhoodCommandOf<'AddUnit'>,
  state: EstablishedNeighbourhood,
  context: CommandContext,
): Decision => {
  const { neighbourhoodId, unitId, level, parentId, name } = command.data;
  if (!mayManage(context.actor, state)) return forbiddenToManage(state);
  if (levelOf(state, unitId) !== undefined) return reject('already-exists', `unit ${unitId} already exists`);
  const parentLevel = levelOf(state, parentId);
  if (parentLevel === undefined) return reject('not-found', `parent unit ${parentId} does not exist`);
  if (parentLevel !== PARENT_LEVEL[level]) {
    return reject(
      'invalid-unit',
      `a ${level} belongs under a ${PARENT_LEVEL[level]}, but ${parentId} is a ${parentLevel}`,
    );
  }
  const data = { neighbourhoodId, unitId, level, parentId };
  return right([{ type: 'UnitAdded', data: name === undefined ? data : { ...data, name } }]);
};

const appointLeader = (
  command: NeighbourhoodCommandOf<'AppointLeader'>,
  state: EstablishedNeighbourhood,
  context: CommandContext,
): Decision => {
  const { neighbourhoodId, unitId, role, personId } = command.data;
  if (!mayManage(context.actor, state)) return forbiddenToManage(state);
  const level = levelOf(state, unitId);
  if (level === undefined) return reject('not-found', `unit ${unitId} does not exist`);
  if (level !== ROLE_LEVEL[role]) {
    return reject('invalid-unit', `a ${role} serves a ${ROLE_LEVEL[role]}, but ${unitId} is a ${level}`);
  }
  const holders = seatHolders(state, unitId, role);
  if (holders.includes(personId)) {
    return reject('already-exists', `${personId} already serves as ${role} of ${unitId}`);
  }
  if (!isSharedRole(role) && holders.length > 0) {
    return reject('conflict', `${unitId} already has a ${role}; stand them down first`);
  }
  return right([{ type: 'LeaderAppointed', data: { neighbourhoodId, unitId, role, personId } }]);
};

const standDownLeader = (
  command: NeighbourhoodCommandOf<'StandDownLeader'>,
  state: EstablishedNeighbourhood,
  context: CommandContext,
): Decision => {
  const { neighbourhoodId, unitId, role, personId, reason } = command.data;
  if (!mayManage(context.actor, state)) return forbiddenToManage(state);
  if (!seatHolders(state, unitId, role).includes(personId)) {
    return reject('not-found', `${personId} does not serve as ${role} of ${unitId}`);
  }
  const data = { neighbourhoodId, unitId, role, personId };
  return right([{ type: 'LeaderStoodDown', data: reason === undefined ? data : { ...data, reason } }]);
};

/** The group a household may be placed in: it exists and it is a neighbour group. */
const checkGroup = (state: EstablishedNeighbourhood, groupId: string): DomainError | undefined => {
  const level = levelOf(state, groupId);
  if (level === undefined) return domainError('not-found', `neighbour group ${groupId} does not exist`);
  if (level !== 'neighbour-group') {
    return domainError('invalid-unit', `households live in neighbour groups, but ${groupId} is a ${level}`);
  }
  return undefined;
};

const forbiddenRegister = (state: EstablishedNeighbourhood): Decision =>
  reject('forbidden', `the actor keeps no part of the household register of ${state.neighbourhoodId}`);

const forbiddenHouseholds = (unitIds: readonly string[]): Decision =>
  reject('forbidden', `the actor does not keep the household register of ${unitIds.join(' and ')}`);

const checkRoom = (
  state: EstablishedNeighbourhood,
  groupId: string,
  capacity: number,
): DomainError | undefined =>
  groupSize(state, groupId) >= capacity
    ? domainError('limit-exceeded', `neighbour group ${groupId} already holds ${capacity} households`)
    : undefined;

const registerHousehold = (
  command: NeighbourhoodCommandOf<'RegisterHousehold'>,
  state: EstablishedNeighbourhood,
  context: CommandContext,
  capacity: number,
): Decision => {
  const { neighbourhoodId, householdId, groupId } = command.data;
  if (!mayKeepSomeHouseholds(context.actor, state)) return forbiddenRegister(state);
  const badGroup = checkGroup(state, groupId);
  if (badGroup !== undefined) return left(badGroup);
  if (!mayKeepHouseholds(context.actor, state, [groupId])) return forbiddenHouseholds([groupId]);
  const current = householdGroup(state, householdId);
  if (current !== undefined) {
    return reject('already-exists', `household ${householdId} is already registered in ${current}`);
  }
  const full = checkRoom(state, groupId, capacity);
  if (full !== undefined) return left(full);
  return right([{ type: 'HouseholdRegistered', data: { neighbourhoodId, householdId, groupId } }]);
};

const moveHousehold = (
  command: NeighbourhoodCommandOf<'MoveHousehold'>,
  state: EstablishedNeighbourhood,
  context: CommandContext,
  capacity: number,
): Decision => {
  const { neighbourhoodId, householdId, toGroupId } = command.data;
  if (!mayKeepSomeHouseholds(context.actor, state)) return forbiddenRegister(state);
  const fromGroupId = householdGroup(state, householdId);
  if (fromGroupId === undefined) return reject('not-found', `household ${householdId} is not registered`);
  const badGroup = checkGroup(state, toGroupId);
  if (badGroup !== undefined) return left(badGroup);
  if (!mayKeepHouseholds(context.actor, state, [fromGroupId, toGroupId])) {
    return forbiddenHouseholds([fromGroupId, toGroupId]);
  }
  if (fromGroupId === toGroupId) {
    return reject('invalid-transition', `household ${householdId} is already in ${toGroupId}`);
  }
  const full = checkRoom(state, toGroupId, capacity);
  if (full !== undefined) return left(full);
  return right([{ type: 'HouseholdMoved', data: { neighbourhoodId, householdId, fromGroupId, toGroupId } }]);
};

const deregisterHousehold = (
  command: NeighbourhoodCommandOf<'DeregisterHousehold'>,
  state: EstablishedNeighbourhood,
  context: CommandContext,
): Decision => {
  const { neighbourhoodId, householdId, reason } = command.data;
  if (!mayKeepSomeHouseholds(context.actor, state)) return forbiddenRegister(state);
  const groupId = householdGroup(state, householdId);
  if (groupId === undefined) return reject('not-found', `household ${householdId} is not registered`);
  if (!mayKeepHouseholds(context.actor, state, [groupId])) return forbiddenHouseholds([groupId]);
  const data = { neighbourhoodId, householdId };
  return right([{ type: 'HouseholdDeregistered', data: reason === undefined ? data : { ...data, reason } }]);
};
