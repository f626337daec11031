import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { communityCount, planDistrict, type District } from '../../src/demo/district.js';
import { Random } from '../../src/demo/random.js';

const groupsOf = (district: District) =>
  district.communities.flatMap((community) =>
    community.grids.flatMap((grid) =>
      grid.lanes.flatMap((lane) => lane.groups.map((group) => ({ community, group }))),
    ),
  );

describe('the district plan', () => {
  it('places every household in one neighbour group of at most 20, and of at least 10 in any real community', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12_000 }), fc.integer(), (households, seed) => {
        const district = planDistrict(new Random(seed), households);
        const total = district.communities.reduce((sum, community) => sum + community.households.length, 0);
        expect(total).toBe(households);
        for (const { community, group } of groupsOf(district)) {
          const members = community.households.filter((household) => household.group === group).length;
          expect(group.size).toBe(members);
          expect(group.size).toBeLessThanOrEqual(20);
          if (community.households.length >= 10) expect(group.size).toBeGreaterThanOrEqual(10);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('groups two or three neighbour groups to a building and three or four buildings to a grid', () => {
    const district = planDistrict(new Random(5), 20_000);
    for (const community of district.communities) {
      // Only the last grid of a community, and the last building of a grid, may come out smaller.
      community.grids.forEach((grid, g) => {
        expect(grid.lanes.length).toBeLessThanOrEqual(4);
        if (g < community.grids.length - 1) expect(grid.lanes.length).toBeGreaterThanOrEqual(3);
        grid.lanes.forEach((lane, l) => {
          expect(lane.groups.length).toBeLessThanOrEqual(3);
          if (l < grid.lanes.length - 1) expect(lane.groups.length).toBeGreaterThanOrEqual(2);
        });
        expect(grid.workers.length).toBeGreaterThan(0);
        for (const worker of grid.workers) expect(worker.scope).toEqual([grid.gridId]);
      });
    }
  });

  it('makes some 30 communities of a few thousand households for 100,000 households, and a few for a few thousand', () => {
    expect(communityCount(100_000)).toBe(30);
    expect(communityCount(3_000)).toBe(4);
    expect(communityCount(300)).toBe(1);
    const district = planDistrict(new Random(1), 100_000);
    expect(district.communities).toHaveLength(30);
    for (const community of district.communities) {
      expect(community.households.length).toBeGreaterThan(2_000);
      expect(community.households.length).toBeLessThan(5_000);
    }
  });

  it('gives leaders from among the residents they lead, and directed-task teams to volunteers', () => {
    const district = planDistrict(new Random(9), 2_000);
    for (const { community, group } of groupsOf(district)) {
      const residents = community.households.filter((h) => h.group === group).map((h) => h.resident.id);
      expect(residents).toContain(group.leaderId);
    }
    for (const community of district.communities) {
      for (const team of Object.values(community.teams)) {
        expect(team.members.length).toBeGreaterThan(0);
        for (const member of team.members) {
          expect(member.volunteerWeight).toBeGreaterThan(0);
          expect(member.resident.organisations).toContain(team.organisationId);
        }
      }
    }
  });

  it('is the same plan for the same seed', () => {
    const ids = (district: District) =>
      district.communities.flatMap((c) => c.households.map((h) => `${h.householdId}@${h.group.groupId}`));
    expect(ids(planDistrict(new Random(3), 1_500))).toEqual(ids(planDistrict(new Random(3), 1_500)));
    expect(ids(planDistrict(new Random(3), 1_500))).not.toEqual(ids(planDistrict(new Random(4), 1_500)));
  });
});
