/**
 * A reference model of one community, written as plainly as possible and independently of the decider: Maps
 * instead of records, every rule checked separately. For a command it predicts either the events it must
 * produce or the set of rules it breaks; the real decider must then reject with one of those codes.
 */
import type { NeighbourhoodCommandInput } from '../../../src/domain/neighbourhood/commands.js';
import type { NeighbourhoodEvent } from '../../../src/domain/neighbourhood/events.js';
import type { LeaderRole, TreeLevel, UnitLevel } from '../../../src/domain/neighbourhood/hierarchy.js';
import type { NeighbourhoodState } from '../../../src/domain/neighbourhood/state.js';
import type { CommandContextInput } from '../../../src/domain/shared/context.js';
import { entriesOf } from '../../../src/domain/shared/id-map.js';
import type { ErrorCode } from '../../../src/domain/shared/errors.js';

type Actor = CommandContextInput['actor'];

const PARENT: Record<UnitLevel, TreeLevel> = {
  grid: 'community',
  lane: 'grid',
  'neighbour-group': 'lane',
  compound: 'community',
};
const SEAT_LEVEL: Record<LeaderRole, TreeLevel> = {
  'community-secretary': 'community',
  'grid-leader': 'grid',
  'grid-worker': 'grid',
  'lane-leader': 'lane',
  'building-leader': 'lane',
  'neighbour-leader': 'neighbour-group',
  'compound-leader': 'compound',
};

/** What the model expects of a command. */
export type Prediction =
  | { readonly accepted: true; readonly events: readonly NeighbourhoodEvent[] }
  | { readonly accepted: false; readonly codes: ReadonlySet<ErrorCode> };

/** The community as plain sorted tuples, comparable with a normalised decider state. */
export interface CommunitySnapshot {
  readonly established: boolean;
  readonly streetId?: string;
  readonly units: readonly (readonly [string, UnitLevel, string])[];
  readonly seats: readonly string[];
  readonly households: readonly (readonly [string, string])[];
  readonly owners: readonly (readonly [string, string])[];
}

const byFirst = <T extends readonly [string, ...unknown[]]>(a: T, b: T): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;

/** The model of one community. */
export class CommunityModel {
  established = false;
  streetId = '';
  readonly units = new Map<string, { level: UnitLevel; parentId: string }>();
  readonly seats = new Map<string, string[]>();
  readonly households = new Map<string, string>();
  /** The owners' register: household by `compound/owner`. */
  readonly owners = new Map<string, string>();
  /** The events that founded the community and added its units, kept to rebuild it along a shorter path. */
  private readonly founding: NeighbourhoodEvent[] = [];

  constructor(
    readonly neighbourhoodId: string,
    readonly capacity: number,
  ) {}

  /** The events `command` must produce when `actor` sends it, or the codes it may be rejected with. */
  predict(command: NeighbourhoodCommandInput, actor: Actor): Prediction {
    const broken = new Set<ErrorCode>();
    const accept = (event: NeighbourhoodEvent): Prediction =>
      broken.size === 0 ? { accepted: true, events: [event] } : { accepted: false, codes: broken };
    const scope = actor.scope ?? [];
    const manages =
      (actor.role === 'administrator' ||
        actor.role === 'street-official' ||
        actor.role === 'community-staff') &&
      (scope.includes('*') || scope.includes(this.streetId) || scope.includes(this.neighbourhoodId));
    const keeps = (groupIds: readonly string[]): boolean =>
      manages ||
      (actor.role === 'grid-worker' &&
        groupIds.every((groupId) => this.chainBelowCommunity(groupId).some((unit) => scope.includes(unit))));

    if (command.type === 'EstablishNeighbourhood') {
      const { streetId } = command.data;
      if (!(
        (actor.role === 'administrator' || actor.role === 'street-official') &&
        (scope.includes('*') || scope.includes(streetId))
      )) {
        broken.add('forbidden');
      }
      if (this.established) broken.add('already-exists');
      return accept({ type: 'NeighbourhoodEstablished', data: command.data });
    }
    if (!this.established) return { accepted: false, codes: new Set(['not-found']) };

    switch (command.type) {
      case 'AddUnit': {
        const { unitId, level, parentId } = command.data;
        if (!manages) broken.add('forbidden');
        if (this.levelOf(unitId) !== undefined) broken.add('already-exists');
        const parentLevel = this.levelOf(parentId);
        if (parentLevel === undefined) broken.add('not-found');
        else if (parentLevel !== PARENT[level]) broken.add('invalid-unit');
        return accept({ type: 'UnitAdded', data: command.data });
      }
      case 'AppointLeader': {
        const { unitId, role, personId } = command.data;
        if (!manages) broken.add('forbidden');
        const level = this.levelOf(unitId);
        if (level === undefined) broken.add('not-found');
        else if (level !== SEAT_LEVEL[role]) broken.add('invalid-unit');
        const holders = this.seats.get(`${unitId} ${role}`) ?? [];
        if (holders.includes(personId)) broken.add('already-exists');
        else if (role !== 'grid-worker' && holders.length > 0) broken.add('conflict');
        return accept({ type: 'LeaderAppointed', data: command.data });
      }
      case 'StandDownLeader': {
        const { unitId, role, personId } = command.data;
        if (!manages) broken.add('forbidden');
        if (!(this.seats.get(`${unitId} ${role}`) ?? []).includes(personId)) broken.add('not-found');
        return accept({ type: 'LeaderStoodDown', data: command.data });
      }
      case 'RegisterHousehold': {
        const { householdId, groupId } = command.data;
        if (!keeps([groupId])) broken.add('forbidden');
        this.checkGroup(groupId, broken);
        if (this.households.has(householdId)) broken.add('already-exists');
        return accept({ type: 'HouseholdRegistered', data: command.data });
      }
      case 'MoveHousehold': {
        const { neighbourhoodId, householdId, toGroupId } = command.data;
        const fromGroupId = this.households.get(householdId);
        if (fromGroupId === undefined) broken.add('not-found');
        if (!keeps(fromGroupId === undefined ? [toGroupId] : [fromGroupId, toGroupId]))
          broken.add('forbidden');
        if (fromGroupId === toGroupId) broken.add('invalid-transition');
        else this.checkGroup(toGroupId, broken);
        return accept({
          type: 'HouseholdMoved',
          data: { neighbourhoodId, householdId, fromGroupId: fromGroupId ?? '', toGroupId },
        });
      }
      case 'DeregisterHousehold': {
        const groupId = this.households.get(command.data.householdId);
        if (groupId === undefined) broken.add('not-found');
        if (!keeps(groupId === undefined ? [] : [groupId])) broken.add('forbidden');
        return accept({ type: 'HouseholdDeregistered', data: command.data });
      }
      case 'RegisterOwner':
      case 'DeregisterOwner': {
        const { ownerId, compoundId } = command.data;
        if (!manages) broken.add('forbidden');
        const level = this.levelOf(compoundId);
        if (level === undefined) broken.add('not-found');
        else if (level !== 'compound') broken.add('invalid-unit');
        const registered = this.owners.has(`${compoundId}/${ownerId}`);
        if (command.type === 'RegisterOwner') {
          if (registered) broken.add('already-exists');
          return accept({ type: 'OwnerRegistered', data: command.data });
        }
        if (!registered) broken.add('not-found');
        return accept({ type: 'OwnerDeregistered', data: command.data });
      }
    }
  }

  /** Records an accepted event. */
  apply(event: NeighbourhoodEvent): void {
    switch (event.type) {
      case 'NeighbourhoodEstablished':
        this.established = true;
        this.streetId = event.data.streetId;
        this.founding.push(event);
        return;
      case 'UnitAdded':
        this.units.set(event.data.unitId, { level: event.data.level, parentId: event.data.parentId });
        this.founding.push(event);
        return;
      case 'LeaderAppointed': {
        const key = `${event.data.unitId} ${event.data.role}`;
        this.seats.set(key, [...(this.seats.get(key) ?? []), event.data.personId]);
        return;
      }
      case 'LeaderStoodDown': {
        const key = `${event.data.unitId} ${event.data.role}`;
        this.seats.set(
          key,
          (this.seats.get(key) ?? []).filter((person) => person !== event.data.personId),
        );
        return;
      }
      case 'HouseholdRegistered':
        this.households.set(event.data.householdId, event.data.groupId);
        return;
      case 'HouseholdMoved':
        this.households.set(event.data.householdId, event.data.toGroupId);
        return;
      case 'HouseholdDeregistered':
        this.households.delete(event.data.householdId);
        return;
      case 'OwnerRegistered':
        this.owners.set(`${event.data.compoundId}/${event.data.ownerId}`, event.data.householdId);
        return;
      case 'OwnerDeregistered':
        this.owners.delete(`${event.data.compoundId}/${event.data.ownerId}`);
        return;
    }
  }

  /**
   * The community as it stands, rebuilt along the shortest path and in an order commands seldom take: units
   * last added first, households in descending id order, each straight into its present group, no leader who
   * stood down. Folding it must give a state equal to the one the real history folds to.
   */
  shortestHistory(): NeighbourhoodEvent[] {
    const [establishment, ...units] = this.founding;
    if (establishment === undefined) return [];
    const neighbourhoodId = this.neighbourhoodId;
    const descending = <T extends readonly [string, ...unknown[]]>(a: T, b: T): number => byFirst(b, a);
    const seats = [...this.seats].sort(descending).flatMap(([key, people]) => {
      const [unitId = '', role] = key.split(' ') as [string, LeaderRole];
      return people.map((personId): NeighbourhoodEvent => ({
        type: 'LeaderAppointed',
        data: { neighbourhoodId, unitId, role, personId },
      }));
    });
    const households = [...this.households]
      .sort(descending)
      .map(([householdId, groupId]): NeighbourhoodEvent => ({
        type: 'HouseholdRegistered',
        data: { neighbourhoodId, householdId, groupId },
      }));
    const owners = [...this.owners].sort(descending).map(([key, householdId]): NeighbourhoodEvent => {
      const [compoundId = '', ownerId = ''] = key.split('/');
      return { type: 'OwnerRegistered', data: { neighbourhoodId, ownerId, householdId, compoundId } };
    });
    return [establishment, ...units.reverse(), ...seats, ...households, ...owners];
  }

  /** Every seated leader as (unit, role, person), in no particular order. */
  seatList(): (readonly [string, LeaderRole, string])[] {
    return [...this.seats].flatMap(([key, people]) => {
      const [unitId = '', role] = key.split(' ') as [string, LeaderRole];
      return people.map((person) => [unitId, role, person] as const);
    });
  }

  /** The model as sorted tuples. */
  snapshot(): CommunitySnapshot {
    return {
      established: this.established,
      ...(this.established ? { streetId: this.streetId } : {}),
      units: [...this.units].map(([id, unit]) => [id, unit.level, unit.parentId] as const).sort(byFirst),
      seats: [...this.seats].flatMap(([key, people]) => people.map((person) => `${key} ${person}`)).sort(),
      households: [...this.households].sort(byFirst),
      owners: [...this.owners].sort(byFirst),
    };
  }

  private levelOf(unitId: string): TreeLevel | undefined {
    return unitId === this.neighbourhoodId ? 'community' : this.units.get(unitId)?.level;
  }

  /** The unit and its ancestors up to (not including) the community. */
  private chainBelowCommunity(unitId: string): string[] {
    const chain: string[] = [];
    for (let unit = this.units.get(unitId), id = unitId; unit !== undefined;) {
      chain.push(id);
      id = unit.parentId;
      unit = this.units.get(id);
    }
    return chain;
  }

  private checkGroup(groupId: string, broken: Set<ErrorCode>): void {
    const level = this.levelOf(groupId);
    if (level === undefined) broken.add('not-found');
    else if (level !== 'neighbour-group') broken.add('invalid-unit');
    else if ([...this.households.values()].filter((group) => group === groupId).length >= this.capacity) {
      broken.add('limit-exceeded');
    }
  }
}

/** A decider state as the same sorted tuples as {@link CommunityModel.snapshot}. */
export const snapshotOf = (state: NeighbourhoodState): CommunitySnapshot => {
  if (state.status !== 'established')
    return { established: false, units: [], seats: [], households: [], owners: [] };
  return {
    established: true,
    streetId: state.streetId,
    units: [...entriesOf(state.units)]
      .map(([id, unit]) => [id, unit.level, unit.parentId] as const)
      .sort(byFirst),
    seats: [...entriesOf(state.leaders)]
      .flatMap(([unitId, seats]) =>
        Object.entries(seats).flatMap(([role, people]) =>
          (people ?? []).map((person) => `${unitId} ${role} ${person}`),
        ),
      )
      .sort(),
    households: [...entriesOf(state.households)].sort(byFirst),
    owners: [...entriesOf(state.owners)].sort(byFirst),
  };
};
