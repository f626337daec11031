import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { z } from 'zod';
import type { CommandContext } from '../shared/context.js';
import { domainError, type DomainError } from '../shared/errors.js';
import { emptyIdMap, entriesOf, lookup, withEntry, withoutEntry, type IdMap } from '../shared/id-map.js';
import { mayManage } from './authorisation.js';
import type { ownerCommandSchemas, ownerEventSchemas } from './owners-schemas.js';
import type { EstablishedNeighbourhood, NeighbourhoodState } from './state.js';
import { isEstablished } from './state.js';
import { levelOf } from './tree.js';

/** An owners' register event. */
export type OwnerEvent =
  | { readonly type: 'OwnerRegistered'; readonly data: z.output<typeof ownerEventSchemas.OwnerRegistered> }
  | {
      readonly type: 'OwnerDeregistered';
      readonly data: z.output<typeof ownerEventSchemas.OwnerDeregistered>;
    };

/** An owners' register command. */
export type OwnerCommand =
  | { readonly type: 'RegisterOwner'; readonly data: z.output<typeof ownerCommandSchemas.RegisterOwner> }
  | {
      readonly type: 'DeregisterOwner';
      readonly data: z.output<typeof ownerCommandSchemas.DeregisterOwner>;
    };

/** The register's entries: the household of each owner, keyed by {@link ownerKey}. */
export interface OwnerRegister {
  readonly owners: IdMap<string>;
  /** How many owners each compound with any owner holds, by compound id. */
  readonly compoundOwners: IdMap<number>;
}

/** The empty owners' register of a newly established community. */
export const emptyOwnerRegister = (): OwnerRegister => ({
  owners: emptyIdMap(),
  compoundOwners: emptyIdMap(),
});

/** The register key of an owner in a compound: an owner of flats in two compounds is an owner in each. */
export const ownerKey = (compoundId: string, ownerId: string): string => `${compoundId}/${ownerId}`;

/** True when `ownerId` is a registered owner of the compound. */
export const isRegisteredOwner = (state: NeighbourhoodState, compoundId: string, ownerId: string): boolean =>
  isEstablished(state) && lookup(state.owners, ownerKey(compoundId, ownerId)) !== undefined;

/** How many owners the compound's register holds now: the base of every share a vote is judged by. */
export const ownerCount = (state: NeighbourhoodState, compoundId: string): number =>
  isEstablished(state) ? (lookup(state.compoundOwners, compoundId) ?? 0) : 0;

/** The registered owners of a compound, sorted by id: the roll of a ballot opened now. */
export const ownersOf = (state: NeighbourhoodState, compoundId: string): readonly string[] => {
  if (!isEstablished(state)) return [];
  const prefix = `${compoundId}/`;
  const owners: string[] = [];
  for (const [key] of entriesOf(state.owners))
    if (key.startsWith(prefix)) owners.push(key.slice(prefix.length));
  return owners.sort();
};

type Decision = Either<DomainError, readonly OwnerEvent[]>;

const reject = (code: DomainError['code'], message: string): Decision => left(domainError(code, message));

/**
 * Keeps the owners' register: community managers only (the register comes from the property deeds the
 * community office holds), a compound that exists, one entry per owner per compound.
 */
export const decideOwners = (
  command: OwnerCommand,
  state: EstablishedNeighbourhood,
  context: CommandContext,
): Decision => {
  const { neighbourhoodId, ownerId, compoundId } = command.data;
  if (!mayManage(context.actor, state)) {
    return reject(
      'forbidden',
      `only managers of community ${state.neighbourhoodId} keep its owners' register`,
    );
  }
  const level = levelOf(state, compoundId);
  if (level === undefined) return reject('not-found', `compound ${compoundId} does not exist`);
  if (level !== 'compound')
    return reject('invalid-unit', `owners belong to compounds, but ${compoundId} is a ${level}`);
  const registered = isRegisteredOwner(state, compoundId, ownerId);
  if (command.type === 'RegisterOwner') {
    if (registered) return reject('already-exists', `${ownerId} is already an owner in ${compoundId}`);
    const { householdId } = command.data;
    return right([{ type: 'OwnerRegistered', data: { neighbourhoodId, ownerId, householdId, compoundId } }]);
  }
  if (!registered) return reject('not-found', `${ownerId} is not an owner in ${compoundId}`);
  const { reason } = command.data;
  const data = { neighbourhoodId, ownerId, compoundId };
  return right([{ type: 'OwnerDeregistered', data: reason === undefined ? data : { ...data, reason } }]);
};

const adjust = (counts: IdMap<number>, key: string, delta: number): IdMap<number> => {
  const next = (lookup(counts, key) ?? 0) + delta;
  return next <= 0 ? withoutEntry(counts, key) : withEntry(counts, key, next);
};

/** Applies an owners' register event; total: a repeat or an unknown owner changes nothing. */
export const evolveOwners = <S extends EstablishedNeighbourhood>(state: S, event: OwnerEvent): S => {
  const { ownerId, compoundId } = event.data;
  const key = ownerKey(compoundId, ownerId);
  const present = lookup(state.owners, key) !== undefined;
  if (event.type === 'OwnerRegistered') {
    if (present) return state;
    return {
      ...state,
      owners: withEntry(state.owners, key, event.data.householdId),
      compoundOwners: adjust(state.compoundOwners, compoundId, 1),
    };
  }
  if (!present) return state;
  return {
    ...state,
    owners: withoutEntry(state.owners, key),
    compoundOwners: adjust(state.compoundOwners, compoundId, -1),
  };
};
