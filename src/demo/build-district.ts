import { YEAR_START } from './clock.js';
import type { Commander } from './commander.js';
import type { Community, District } from './district.js';
import { buildOrganisations } from './organisations.js';
import { buildDepartments } from './responsibility.js';

/**
 * Records one community as the street and the community would: a street official establishes it and seats
 * its secretary; the secretary adds the grids, buildings and neighbour groups and appoints their leaders;
 * each grid worker registers the households of their grid.
 */
const buildCommunity = async (
  commander: Commander,
  district: District,
  community: Community,
  at: number,
): Promise<void> => {
  const neighbourhoodId = community.communityId;
  const official = district.officials[0];
  const secretary = community.staff[0];
  if (official === undefined || secretary === undefined)
    throw new Error('a district needs officials and staff');
  await commander.run(
    {
      type: 'EstablishNeighbourhood',
      data: { neighbourhoodId, streetId: community.streetId, name: community.name },
    },
    official,
    at,
  );
  await commander.run(
    {
      type: 'AppointLeader',
      data: { neighbourhoodId, unitId: neighbourhoodId, role: 'community-secretary', personId: secretary.id },
    },
    official,
    at,
  );
  for (const [g, grid] of community.grids.entries()) {
    const { gridId } = grid;
    await commander.run(
      {
        type: 'AddUnit',
        data: {
          neighbourhoodId,
          unitId: gridId,
          level: 'grid',
          parentId: neighbourhoodId,
          name: `Grid ${g + 1}`,
        },
      },
      secretary,
      at,
    );
    await commander.run(
      {
        type: 'AppointLeader',
        data: { neighbourhoodId, unitId: gridId, role: 'grid-leader', personId: grid.leaderId },
      },
      secretary,
      at,
    );
    for (const worker of grid.workers) {
      await commander.run(
        {
          type: 'AppointLeader',
          data: { neighbourhoodId, unitId: gridId, role: 'grid-worker', personId: worker.id },
        },
        secretary,
        at,
      );
    }
    for (const [l, lane] of grid.lanes.entries()) {
      await commander.run(
        {
          type: 'AddUnit',
          data: {
            neighbourhoodId,
            unitId: lane.laneId,
            level: 'lane',
            parentId: gridId,
            name: `Building ${g + 1}-${l + 1}`,
          },
        },
        secretary,
        at,
      );
      for (const group of lane.groups) {
        await commander.run(
          {
            type: 'AddUnit',
            data: { neighbourhoodId, unitId: group.groupId, level: 'neighbour-group', parentId: lane.laneId },
          },
          secretary,
          at,
        );
      }
    }
  }
  for (const household of community.households) {
    const worker = household.group.lane.grid.workers[0];
    if (worker === undefined) throw new Error(`grid ${household.group.lane.grid.gridId} has no grid worker`);
    await commander.run(
      {
        type: 'RegisterHousehold',
        data: { neighbourhoodId, householdId: household.householdId, groupId: household.group.groupId },
      },
      worker,
      at,
    );
  }
  // Leaders are appointed once the people they lead are registered: they are residents of their unit.
  for (const grid of community.grids) {
    for (const lane of grid.lanes) {
      if (lane.leaderId !== undefined) {
        await commander.run(
          {
            type: 'AppointLeader',
            data: { neighbourhoodId, unitId: lane.laneId, role: 'building-leader', personId: lane.leaderId },
          },
          secretary,
          at,
        );
      }
      for (const group of lane.groups) {
        if (group.leaderId === undefined) continue;
        await commander.run(
          {
            type: 'AppointLeader',
            data: {
              neighbourhoodId,
              unitId: group.groupId,
              role: 'neighbour-leader',
              personId: group.leaderId,
            },
          },
          secretary,
          at,
        );
      }
    }
  }
};

/**
 * Records the planned district through the governance facade, one community after the other, as the register
 * stood when the year began (every command at 2026-01-01T00:00+08:00, before anything else happens, so the
 * log's times never run backwards); `progress` hears of each.
 */
export const buildDistrict = async (
  commander: Commander,
  district: District,
  progress: (message: string) => void = () => undefined,
): Promise<void> => {
  await buildDepartments(commander, YEAR_START);
  for (const community of district.communities) {
    await buildCommunity(commander, district, community, YEAR_START);
    await buildOrganisations(commander, community, YEAR_START);
    const grids = community.grids.length;
    progress(
      `registered ${community.communityId} ${community.name}: ${community.households.length.toLocaleString('en-US')} households in ${grids} grids`,
    );
  }
};
