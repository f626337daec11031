import { emptyIdMap, lookup, withEntry, withoutEntry, type IdMap } from '../shared/id-map.js';
import type { NeighbourhoodEvent } from './events.js';
import { emptyOwnerRegister, evolveOwners } from './owners.js';
import type { LeaderRole } from './hierarchy.js';
import {
  isEstablished,
  type EstablishedNeighbourhood,
  type LeaderSeats,
  type NeighbourhoodState,
} from './state.js';

/**
 * Applies one event. Total by construction: an event that could not have been decided on this state (a
 * second establishment, an unknown household) changes nothing rather than throwing, so a replay never stops
 * half way; the audit, not the fold, is where such a history gets flagged.
 */
export const evolveNeighbourhood = (
  state: NeighbourhoodState,
  event: NeighbourhoodEvent,
): NeighbourhoodState => {
  if (event.type === 'NeighbourhoodEstablished') {
    if (isEstablished(state)) return state;
    return {
      status: 'established',
      neighbourhoodId: event.data.neighbourhoodId,
      streetId: event.data.streetId,
      name: event.data.name,
      units: emptyIdMap(),
      leaders: emptyIdMap(),
      households: emptyIdMap(),
      groupSizes: emptyIdMap(),
      ...emptyOwnerRegister(),
    };
  }
  if (!isEstablished(state)) return state;
  return evolveEstablished(state, event);
};

const evolveEstablished = (
  state: EstablishedNeighbourhood,
  event: NeighbourhoodEvent,
): EstablishedNeighbourhood => {
  switch (event.type) {
    case 'NeighbourhoodEstablished':
      return state;
    case 'UnitAdded': {
      const { unitId, level, parentId, name } = event.data;
      if (unitId === state.neighbourhoodId || lookup(state.units, unitId) !== undefined) return state;
      const unit = name === undefined ? { unitId, level, parentId } : { unitId, level, parentId, name };
      return { ...state, units: withEntry(state.units, unitId, unit) };
    }
    case 'LeaderAppointed': {
      const { unitId, role, personId } = event.data;
      const holders = lookup(state.leaders, unitId)?.[role] ?? [];
      if (holders.includes(personId)) return state;
      return { ...state, leaders: withSeat(state.leaders, unitId, role, [...holders, personId]) };
    }
    case 'LeaderStoodDown': {
      const { unitId, role, personId } = event.data;
      const holders = lookup(state.leaders, unitId)?.[role] ?? [];
      if (!holders.includes(personId)) return state;
      const remaining = holders.filter((holder) => holder !== personId);
      return { ...state, leaders: withSeat(state.leaders, unitId, role, remaining) };
    }
    case 'HouseholdRegistered':
      return placeHousehold(state, event.data.householdId, event.data.groupId);
    case 'HouseholdMoved':
      return placeHousehold(state, event.data.householdId, event.data.toGroupId);
    case 'HouseholdDeregistered':
      return placeHousehold(state, event.data.householdId, undefined);
    case 'OwnerRegistered':
    case 'OwnerDeregistered':
      return evolveOwners(state, event);
  }
};

/** Sets who holds one seat, dropping the seat and then the unit's entry when they fall empty. */
const withSeat = (
  leaders: IdMap<LeaderSeats>,
  unitId: string,
  role: LeaderRole,
  holders: readonly string[],
): IdMap<LeaderSeats> => {
  const seats: LeaderSeats = { ...lookup(leaders, unitId), [role]: holders };
  const occupied = Object.fromEntries(
    Object.entries(seats).filter(([, people]) => people !== undefined && people.length > 0),
  ) as LeaderSeats;
  return Object.keys(occupied).length === 0
    ? withoutEntry(leaders, unitId)
    : withEntry(leaders, unitId, occupied);
};

/**
 * Puts a household in `groupId` (or nowhere, for undefined), keeping the group counts in step with the
 * household index whatever group the event claims the household came from.
 */
const placeHousehold = (
  state: EstablishedNeighbourhood,
  householdId: string,
  groupId: string | undefined,
): EstablishedNeighbourhood => {
  const previous = lookup(state.households, householdId);
  if (previous === groupId) return state;
  let groupSizes = state.groupSizes;
  if (previous !== undefined) groupSizes = adjustCount(groupSizes, previous, -1);
  if (groupId !== undefined) groupSizes = adjustCount(groupSizes, groupId, 1);
  const households =
    groupId === undefined
      ? withoutEntry(state.households, householdId)
      : withEntry(state.households, householdId, groupId);
  return { ...state, households, groupSizes };
};

const adjustCount = (counts: IdMap<number>, key: string, delta: number): IdMap<number> => {
  const next = (lookup(counts, key) ?? 0) + delta;
  return next <= 0 ? withoutEntry(counts, key) : withEntry(counts, key, next);
};
