/** The resource list and the organisation register as the seeds tell them (S4 L13-25, S1, S0). */
import { describe, expect, it } from 'vitest';
import {
  FOUR_PARTY_KINDS,
  ORGANISATION_KINDS,
  organisationAggregate,
  organisationEvents,
  type OrganisationEvent,
} from '../../../src/domain/organisation/index.js';
import type { CommandContextInput } from '../../../src/domain/shared/context.js';
import { spec } from '../../../src/testing/spec.js';

const org = spec(organisationAggregate);
const at = '2026-03-01T09:00:00+08:00';
const ctx = (actor: CommandContextInput['actor']): CommandContextInput => ({
  actor,
  now: at,
  commandId: 'cmd-1',
});
const staff = ctx({ id: 'cs-1', role: 'community-staff', scope: ['longtanzi'] });
const otherStaff = ctx({ id: 'cs-2', role: 'community-staff', scope: ['bairuijing'] });
const admin = ctx({ id: 'admin', role: 'administrator', scope: ['*'] });
const system = ctx({ id: 'system', role: 'system', scope: ['*'] });

const council: OrganisationEvent = {
  type: 'OrganisationRegistered',
  data: {
    organisationId: 'great-wall-council',
    kind: 'owners-committee',
    name: 'Great Wall building council',
    community: 'longtanzi',
    unit: 'longtanzi.g2',
  },
};
const register = { type: 'RegisterOrganisation' as const, data: council.data };
const membership = (personId: string, role = 'member') => ({
  organisationId: 'great-wall-council',
  personId,
  role,
});
const joined = (personId: string, role = 'member'): OrganisationEvent => ({
  type: 'MemberJoined',
  data: membership(personId, role),
});
const parking = {
  organisationId: 'great-wall-council',
  resourceId: 'parking',
  kind: 'space' as const,
  title: 'Parking spaces shared with the compound',
  capacity: { amount: 80, unit: 'parking-space' },
  terms: 'free for residents at night',
};

describe('Organisation: the register', () => {
  it('knows the nine kinds, the four parties among them, and the five-elders team', () => {
    expect(ORGANISATION_KINDS).toHaveLength(9);
    expect(ORGANISATION_KINDS).toContain('five-elders');
    expect(FOUR_PARTY_KINDS).toEqual([
      'residents-committee',
      'owners-committee',
      'property-company',
      'social-organisation',
    ]);
  });

  it('is kept by staff covering the home unit, never by others or the system', () => {
    org.given([]).when(register, staff).then([council]);
    org.given([]).when(register, otherStaff).thenError('forbidden');
    org.given([]).when(register, system).thenError('forbidden');
    org
      .given([])
      .when(register, ctx({ id: 'res-1', role: 'resident' }))
      .thenError('forbidden');
    org.given([council]).when(register, staff).thenError('already-exists');
  });

  it('registers a department with no home, by a deployment-wide administrator only', () => {
    const water = { organisationId: 'water-bureau', kind: 'department' as const, name: 'Water bureau' };
    org
      .given([])
      .when({ type: 'RegisterOrganisation', data: water }, admin)
      .then([{ type: 'OrganisationRegistered', data: water }]);
    org.given([]).when({ type: 'RegisterOrganisation', data: water }, staff).thenError('forbidden');
    org
      .given([])
      .when({ type: 'RegisterOrganisation', data: { ...water, kind: 'enterprise' } }, admin)
      .thenError('invalid-command');
  });

  it('records members joining and leaving; the head keeps the list, an ordinary member does not', () => {
    org
      .given([council])
      .when({ type: 'AddMember', data: membership('res-1', 'head') }, staff)
      .then([joined('res-1', 'head')]);
    const asHead = ctx({ id: 'res-1', role: 'resident' });
    org
      .given([council, joined('res-1', 'head')])
      .when({ type: 'AddMember', data: membership('res-2') }, asHead)
      .then([joined('res-2')]);
    org
      .given([council, joined('res-1', 'member')])
      .when({ type: 'AddMember', data: membership('res-2') }, asHead)
      .thenError('forbidden');
    const leave = {
      type: 'RemoveMember' as const,
      data: { organisationId: 'great-wall-council', personId: 'res-2' },
    };
    org
      .given([council, joined('res-2')])
      .when(leave, staff)
      .then([{ type: 'MemberLeft', data: leave.data }]);
    org.given([council]).when(leave, staff).thenError('not-found');
    org.given([]).when(leave, staff).thenError('not-found');
  });

  it("lists the Great Wall building council's 80 parking spaces, and withdraws them", () => {
    org
      .given([council])
      .when({ type: 'ListResource', data: parking }, staff)
      .then([{ type: 'ResourceListed', data: parking }]);
    const listed: OrganisationEvent = { type: 'ResourceListed', data: parking };
    org
      .given([council, listed])
      .when({ type: 'ListResource', data: parking }, staff)
      .thenError('already-exists');
    const withdraw = { organisationId: 'great-wall-council', resourceId: 'parking', reason: 'resurfacing' };
    org
      .given([council, listed])
      .when({ type: 'WithdrawResource', data: withdraw }, staff)
      .then([{ type: 'ResourceWithdrawn', data: withdraw }]);
  });

  it('refuses kinds, resources and capacities the schema does not know', () => {
    expect(
      organisationEvents.parse({ type: 'OrganisationRegistered', data: { ...council.data, kind: 'club' } }),
    ).toMatchObject({ _tag: 'Left' });
    expect(
      organisationEvents.parse({
        type: 'ResourceListed',
        data: { ...parking, capacity: { amount: 0, unit: 'parking-space' } },
      }),
    ).toMatchObject({ _tag: 'Left' });
  });
});
