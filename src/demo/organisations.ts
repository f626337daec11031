import { localInstant } from './clock.js';
import type { Commander } from './commander.js';
import type { World } from './world.js';
import { DIRECTED_TEAMS, type Community } from './district.js';

/** The four parties of every community (四方), with what each offers on the resource list (资源清单). */
const FOUR_PARTIES = [
  { suffix: 'residents-committee', kind: 'residents-committee', resource: undefined },
  {
    suffix: 'owners-committee',
    kind: 'owners-committee',
    // The Great Wall building council's 80+ parking spaces (S4), as a listed resource.
    resource: {
      kind: 'space',
      title: 'Shared parking spaces',
      capacity: { amount: 80, unit: 'parking-space' },
      terms: 'free for residents at night',
    },
  },
  {
    suffix: 'property',
    kind: 'property-company',
    resource: { kind: 'equipment', title: 'Drain-clearing truck', terms: 'on request' },
  },
  {
    suffix: 'social',
    kind: 'social-organisation',
    resource: {
      kind: 'space',
      title: 'Community gym',
      capacity: { amount: 40, unit: 'person' },
      terms: '¥1 per person per day',
    },
  },
] as const;

/** The organisation id of a community's property company (the directed septic-tank tasks go to it). */
export const propertyCompanyOf = (community: Community): string => `${community.communityId}-property`;

/**
 * Records a community's organisations as its secretary would at the start of the year: the four parties with
 * their listed resources, and the three volunteer teams that directed tasks go to, with their members. A
 * team's members are then the only ones the facade lets claim its directed tasks.
 */
export const buildOrganisations = async (
  commander: Commander,
  community: Community,
  at: number,
): Promise<void> => {
  const secretary = community.staff[0];
  if (secretary === undefined) throw new Error('a community needs a secretary');
  const { communityId } = community;
  for (const party of FOUR_PARTIES) {
    const organisationId = `${communityId}-${party.suffix}`;
    await commander.run(
      {
        type: 'RegisterOrganisation',
        data: {
          organisationId,
          kind: party.kind,
          name: `${community.name} ${party.suffix}`,
          community: communityId,
        },
      },
      secretary,
      at,
    );
    if (party.resource !== undefined) {
      await commander.run(
        {
          type: 'ListResource',
          data: { organisationId, resourceId: `${organisationId}-r1`, ...party.resource },
        },
        secretary,
        at,
      );
    }
  }
  for (const team of DIRECTED_TEAMS) {
    const { organisationId, members } = community.teams[team];
    await commander.run(
      {
        type: 'RegisterOrganisation',
        data: {
          organisationId,
          kind: 'volunteer-team',
          name: `${community.name} ${team}`,
          community: communityId,
        },
      },
      secretary,
      at,
    );
    for (const member of members) {
      await commander.run(
        { type: 'AddMember', data: { organisationId, personId: member.resident.id, role: 'member' } },
        secretary,
        at,
      );
    }
  }
};

/**
 * The register's mid-year changes: on 1 July each community's social organisation closes its gym for
 * renovation (the resource is withdrawn) and one member leaves the sanitation team, after which the team's
 * directed tasks go to the members who stayed.
 */
export const scheduleOrganisationChanges = (world: World): void => {
  world.agenda.at(localInstant(2026, 7, 1, 9), async () => {
    for (const community of world.district.communities) {
      const secretary = community.staff[0];
      if (secretary === undefined) continue;
      const now = world.agenda.now;
      const social = `${community.communityId}-social`;
      await world.commander.run(
        {
          type: 'WithdrawResource',
          data: { organisationId: social, resourceId: `${social}-r1`, reason: 'closed for renovation' },
        },
        secretary,
        now,
      );
      const team = community.teams.sanitation;
      if (team.members.length < 2) continue;
      const leaving = team.members[team.members.length - 1] as (typeof team.members)[number];
      const left = await world.commander.run(
        {
          type: 'RemoveMember',
          data: { organisationId: team.organisationId, personId: leaving.resident.id },
        },
        secretary,
        now,
      );
      if (left !== undefined) team.members.pop();
    }
  });
};
