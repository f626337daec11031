import { DEFAULT_MAX_HOUSEHOLDS_PER_GROUP } from '../domain/neighbourhood/decider.js';
import { residentActor } from './actors.js';
import { DAYS_IN_YEAR, HOUR, dayStart } from './clock.js';
import type { Community, Household, NeighbourGroup } from './district.js';
import type { Random } from './random.js';
import type { World } from './world.js';

const CAPACITY = DEFAULT_MAX_HOUSEHOLDS_PER_GROUP;

/**
 * The register through the year: households move in and out, move between buildings, and neighbour
 * leaders hand over to a neighbour. Each change goes through the facade with the person who keeps that part
 * of the register: the grid worker for their grid, community staff for moves and leaders.
 */
export class RegisterChurn {
  private fullProvoked = false;

  /** Hooks the churn into the world. */
  constructor(
    private readonly world: World,
    private readonly random: Random,
  ) {}

  /** Spreads each community's changes over the year, in working hours. */
  scheduleYear(): void {
    for (const community of this.world.district.communities) {
      const households = community.households.length;
      const groups = community.grids.flatMap((grid) => grid.lanes.flatMap((lane) => lane.groups)).length;
      this.spread(Math.max(1, Math.round(households * 0.015)), () => this.moveIn(community));
      this.spread(Math.max(1, Math.round(households * 0.015)), () => this.moveOut(community));
      this.spread(Math.max(1, Math.round(households * 0.01)), () => this.move(community));
      this.spread(Math.max(1, Math.round(groups * 0.04)), () => this.handOver(community));
    }
  }

  private spread(count: number, action: () => Promise<void>): void {
    for (let i = 0; i < count; i++) {
      const at = dayStart(this.random.int(2, DAYS_IN_YEAR - 2)) + this.random.float(9, 17) * HOUR;
      this.world.agenda.at(at, action);
    }
  }

  private groups(community: Community): NeighbourGroup[] {
    return community.grids.flatMap((grid) => grid.lanes.flatMap((lane) => lane.groups));
  }

  private withRoom(community: Community, except?: NeighbourGroup): NeighbourGroup | undefined {
    const open = this.groups(community).filter((group) => group.size < CAPACITY && group !== except);
    return open.length === 0 ? undefined : this.random.pick(open);
  }

  /** Whether the household's resident leads its group or building: they stay put in this simulation. */
  private leads(household: Household): boolean {
    const id = household.resident.id;
    return household.group.leaderId === id || household.group.lane.leaderId === id;
  }

  private pickHousehold(
    community: Community,
    fits: (household: Household) => boolean,
  ): Household | undefined {
    for (let tries = 0; tries < 30; tries++) {
      const household = this.random.pick(community.households);
      if (household.active && fits(household)) return household;
    }
    return undefined;
  }

  private async moveIn(community: Community): Promise<void> {
    const { agenda, commander } = this.world;
    const now = agenda.now;
    const full = this.groups(community).find((group) => group.size >= CAPACITY);
    if (!this.fullProvoked && full !== undefined && now > dayStart(60)) {
      this.fullProvoked = true;
      const worker = full.lane.grid.workers[0];
      if (worker !== undefined) {
        await commander.provoke(
          'a grid worker tries to register a twenty-first household in a neighbour group',
          'limit-exceeded',
          {
            type: 'RegisterHousehold',
            data: {
              neighbourhoodId: community.communityId,
              householdId: `${community.communityId}-h-extra`,
              groupId: full.groupId,
            },
          },
          worker,
          now,
        );
      }
    }
    const group = this.withRoom(community);
    const worker = group?.lane.grid.workers[0];
    if (group === undefined || worker === undefined) return;
    const householdId = `${community.communityId}-h${String(community.households.length + 1).padStart(5, '0')}`;
    const registered = await commander.run(
      {
        type: 'RegisterHousehold',
        data: { neighbourhoodId: community.communityId, householdId, groupId: group.groupId },
      },
      worker,
      now,
    );
    if (registered === undefined) return;
    group.size += 1;
    community.households.push({
      householdId,
      resident: residentActor(`${householdId}-r`),
      community,
      group,
      active: true,
      volunteerWeight: 0,
    });
  }

  private async moveOut(community: Community): Promise<void> {
    // Volunteers and leaders stay: their claims and seats would need handing over first.
    const household = this.pickHousehold(community, (h) => h.volunteerWeight === 0 && !this.leads(h));
    const worker = household?.group.lane.grid.workers[0];
    if (household === undefined || worker === undefined) return;
    const gone = await this.world.commander.run(
      {
        type: 'DeregisterHousehold',
        data: {
          neighbourhoodId: community.communityId,
          householdId: household.householdId,
          reason: 'Moved out of the community',
        },
      },
      worker,
      this.world.agenda.now,
    );
    if (gone === undefined) return;
    household.active = false;
    household.group.size -= 1;
  }

  private async move(community: Community): Promise<void> {
    const household = this.pickHousehold(community, (h) => !this.leads(h));
    if (household === undefined) return;
    const target = this.withRoom(community, household.group);
    if (target === undefined) return;
    const moved = await this.world.commander.run(
      {
        type: 'MoveHousehold',
        data: {
          neighbourhoodId: community.communityId,
          householdId: household.householdId,
          toGroupId: target.groupId,
        },
      },
      this.random.pick(community.staff),
      this.world.agenda.now,
    );
    if (moved === undefined) return;
    household.group.size -= 1;
    target.size += 1;
    household.group = target;
  }

  private async handOver(community: Community): Promise<void> {
    const { agenda, commander } = this.world;
    const now = agenda.now;
    const group = this.random.pick(this.groups(community));
    const outgoing = group.leaderId;
    const members = community.households.filter(
      (household) => household.active && household.group === group && household.resident.id !== outgoing,
    );
    if (outgoing === undefined || members.length === 0) return;
    const incoming = this.random.pick(members).resident.id;
    const staff = this.random.pick(community.staff);
    const neighbourhoodId = community.communityId;
    const stoodDown = await commander.run(
      {
        type: 'StandDownLeader',
        data: {
          neighbourhoodId,
          unitId: group.groupId,
          role: 'neighbour-leader',
          personId: outgoing,
          reason: 'Stepped down after two years',
        },
      },
      staff,
      now,
    );
    if (stoodDown === undefined) return;
    group.leaderId = undefined;
    const appointed = await commander.run(
      {
        type: 'AppointLeader',
        data: { neighbourhoodId, unitId: group.groupId, role: 'neighbour-leader', personId: incoming },
      },
      staff,
      now,
    );
    if (appointed !== undefined) group.leaderId = incoming;
  }
}
