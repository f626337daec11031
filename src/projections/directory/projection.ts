import type { Draft } from 'immer';
import type { Recorded } from '../../commands/aggregate.js';
import type { LinliEvent } from '../../domain/linli.js';
import type { NeighbourhoodEvent, NeighbourhoodEventOf } from '../../domain/neighbourhood/events.js';
import type { LeaderRole } from '../../domain/neighbourhood/hierarchy.js';
import { entryOf, idRecord, removeEntry, type IdRecord } from '../id-record.js';
import type { Projection } from '../projection.js';
import {
  initialDirectoryState,
  type DirectoryCommunity,
  type DirectoryState,
  type DirectoryUnit,
} from './state.js';

type DirectoryDraft = Draft<DirectoryState>;
type CommunityDraft = Draft<DirectoryCommunity>;
type IdSet = IdRecord<true>;

/** Adds `member` to the set under `key` of `sets`, creating the set when missing. */
const addTo = (sets: Draft<IdRecord<IdSet>>, key: string, member: string): void => {
  const set = entryOf(sets, key);
  if (set !== undefined) {
    set[member] = true;
    return;
  }
  const created = idRecord<true>();
  created[member] = true;
  sets[key] = created;
};

/** Removes `member` from the set under `key`, dropping the set once empty, so equal directories are equal. */
const removeFrom = (sets: Draft<IdRecord<IdSet>>, key: string, member: string): void => {
  const set = entryOf(sets, key);
  if (set === undefined || entryOf(set, member) === undefined) return;
  removeEntry(set, member);
  if (Object.keys(set).length === 0) removeEntry(sets, key);
};

const seatKey = (communityId: string, unitId: string, role: LeaderRole): string =>
  `${communityId}/${unitId}/${role}`;

const establish = (
  draft: DirectoryDraft,
  event: Recorded<NeighbourhoodEventOf<'NeighbourhoodEstablished'>>,
) => {
  const { neighbourhoodId, streetId, name } = event.data;
  if (entryOf(draft.communities, neighbourhoodId) !== undefined) return;
  const community: CommunityDraft = {
    communityId: neighbourhoodId,
    streetId,
    name,
    revision: Number(event.revision),
    units: idRecord(),
    children: idRecord(),
    leaders: idRecord(),
    households: idRecord(),
    groups: idRecord(),
    groupSizes: idRecord(),
    householdCount: 0,
  };
  draft.communities[neighbourhoodId] = community;
  addTo(draft.streets, streetId, neighbourhoodId);
};

const addUnit = (
  draft: DirectoryDraft,
  community: CommunityDraft,
  event: NeighbourhoodEventOf<'UnitAdded'>,
): void => {
  const { unitId, level, parentId, name } = event.data;
  // As the aggregate does: the community root is not a unit, and a unit id is added once.
  if (unitId === community.communityId || entryOf(community.units, unitId) !== undefined) return;
  const unit: DirectoryUnit =
    name === undefined ? { unitId, level, parentId } : { unitId, level, parentId, name };
  community.units[unitId] = unit;
  addTo(community.children, parentId, unitId);
  addTo(draft.unitCommunities, unitId, community.communityId);
};

const appoint = (
  draft: DirectoryDraft,
  community: CommunityDraft,
  event: NeighbourhoodEventOf<'LeaderAppointed'>,
): void => {
  const { unitId, role, personId } = event.data;
  let seats = entryOf(community.leaders, unitId);
  if (seats === undefined) {
    seats = {};
    community.leaders[unitId] = seats;
  }
  const holders = seats[role];
  if (holders?.includes(personId) === true) return;
  if (holders === undefined) seats[role] = [personId];
  else holders.push(personId);
  let personal = entryOf(draft.seats, personId);
  if (personal === undefined) {
    personal = idRecord();
    draft.seats[personId] = personal;
  }
  personal[seatKey(community.communityId, unitId, role)] = {
    communityId: community.communityId,
    unitId,
    role,
  };
};

const standDown = (
  draft: DirectoryDraft,
  community: CommunityDraft,
  event: NeighbourhoodEventOf<'LeaderStoodDown'>,
): void => {
  const { unitId, role, personId } = event.data;
  const seats = entryOf(community.leaders, unitId);
  const holders = seats?.[role];
  if (seats === undefined || holders === undefined || !holders.includes(personId)) return;
  const remaining = holders.filter((holder) => holder !== personId);
  if (remaining.length > 0) seats[role] = remaining;
  else removeEntry(seats, role);
  if (Object.keys(seats).length === 0) removeEntry(community.leaders, unitId);
  const personal = entryOf(draft.seats, personId);
  if (personal === undefined) return;
  removeEntry(personal, seatKey(community.communityId, unitId, role));
  if (Object.keys(personal).length === 0) removeEntry(draft.seats, personId);
};

/**
 * Puts a household in `groupId` (nowhere, for undefined), wherever the event says it came from: the index
 * knows, as the aggregate's does. Touches the household's key, and the two groups' small sets and counts.
 */
const placeHousehold = (
  community: CommunityDraft,
  householdId: string,
  groupId: string | undefined,
): void => {
  const previous = entryOf(community.households, householdId);
  if (previous === groupId) return;
  if (previous !== undefined) {
    removeFrom(community.groups, previous, householdId);
    const left = (entryOf(community.groupSizes, previous) ?? 0) - 1;
    if (left > 0) community.groupSizes[previous] = left;
    else removeEntry(community.groupSizes, previous);
    community.householdCount -= 1;
  }
  if (groupId === undefined) {
    removeEntry(community.households, householdId);
    return;
  }
  community.households[householdId] = groupId;
  addTo(community.groups, groupId, householdId);
  community.groupSizes[groupId] = (entryOf(community.groupSizes, groupId) ?? 0) + 1;
  community.householdCount += 1;
};

const update = (draft: DirectoryDraft, community: CommunityDraft, event: NeighbourhoodEvent): void => {
  switch (event.type) {
    case 'NeighbourhoodEstablished':
      return;
    case 'UnitAdded':
      return addUnit(draft, community, event);
    case 'LeaderAppointed':
      return appoint(draft, community, event);
    case 'LeaderStoodDown':
      return standDown(draft, community, event);
    case 'HouseholdRegistered':
      return placeHousehold(community, event.data.householdId, event.data.groupId);
    case 'HouseholdMoved':
      return placeHousehold(community, event.data.householdId, event.data.toGroupId);
    case 'HouseholdDeregistered':
      return placeHousehold(community, event.data.householdId, undefined);
  }
};

/**
 * The neighbourhood directory (see {@link DirectoryState}): folds the Neighbourhood events the way the
 * Neighbourhood aggregate does, across every community. An event of a community never established, or at or
 * below the revision already applied to it (a redelivery), changes nothing.
 */
export const directoryProjection: Projection<Recorded<LinliEvent>, DirectoryState> = {
  name: 'neighbourhood-directory',
  initialState: initialDirectoryState,
  apply: (draft, event) => {
    switch (event.type) {
      case 'NeighbourhoodEstablished':
        establish(draft, event);
        break;
      case 'UnitAdded':
      case 'LeaderAppointed':
      case 'LeaderStoodDown':
      case 'HouseholdRegistered':
      case 'HouseholdMoved':
      case 'HouseholdDeregistered': {
        const community = entryOf(draft.communities, event.data.neighbourhoodId);
        const revision = Number(event.revision);
        if (community === undefined || revision <= community.revision) break;
        community.revision = revision;
        update(draft, community, event);
        break;
      }
      default:
        break;
    }
  },
};
