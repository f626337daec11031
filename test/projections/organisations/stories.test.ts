/** Longtanzi's first list is the resource list (S4 L13-25); a compound's four parties deliberate together (S0). */
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createGovernance, type Governance } from '../../../src/commands/governance.js';
import type { LinliCommandInput } from '../../../src/domain/linli.js';
import {
  fourPartiesOf,
  membersOf,
  organisationsOfUnit,
  resourceList,
} from '../../../src/projections/organisations/index.js';
import { recordDirectory } from '../../../src/testing/directory.js';
import { recordOrganisations } from '../../../src/testing/organisations.js';

const staff = { id: 'cs-1', role: 'community-staff', scope: ['longtanzi'] } as const;
let n = 0;
const ok = async (governance: Governance, command: LinliCommandInput, now: string): Promise<void> => {
  const result = await governance.execute(command, { actor: staff, now, commandId: `orgs-${++n}` });
  if (isLeft(result)) throw new Error(`${result.left.code}: ${result.left.message}`);
};

const longtanzi = async (): Promise<Governance> => {
  const governance = createGovernance();
  await recordDirectory(governance, [
    { street: 'longtanzi-street', community: 'longtanzi', grids: ['longtanzi.g1', 'longtanzi.g2'] },
  ]);
  await recordOrganisations(governance, [
    { organisationId: 'rc', kind: 'residents-committee', community: 'longtanzi' },
    {
      organisationId: 'great-wall',
      kind: 'owners-committee',
      community: 'longtanzi',
      unit: 'longtanzi.g2',
      members: { 'res-1': 'head' },
    },
    {
      organisationId: 'pm',
      kind: 'property-company',
      community: 'longtanzi',
      unit: 'longtanzi.g2',
      members: { 'pm-1': 'member' },
    },
    { organisationId: 'elders', kind: 'five-elders', community: 'longtanzi' },
    { organisationId: 'water', kind: 'department' },
  ]);
  await ok(
    governance,
    {
      type: 'ListResource',
      data: {
        organisationId: 'great-wall',
        resourceId: 'parking',
        kind: 'space',
        title: 'Parking spaces',
        capacity: { amount: 80, unit: 'parking-space' },
      },
    },
    '2026-03-01T09:00:00+08:00',
  );
  await ok(
    governance,
    {
      type: 'ListResource',
      data: {
        organisationId: 'elders',
        resourceId: 'mediators',
        kind: 'people',
        title: 'Five-elders mediation team',
        terms: 'weekday mornings',
      },
    },
    '2026-03-01T09:05:00+08:00',
  );
  return governance;
};

const models = async (governance: Governance) => {
  const result = await governance.readModels();
  if (isLeft(result)) throw new Error(result.left.message);
  return result.right.organisations;
};

describe('the organisation register read model', () => {
  it("lists the community's resources, the council's 80 parking spaces among them, until withdrawn", async () => {
    const governance = await longtanzi();
    expect(
      resourceList(await models(governance), 'longtanzi').map((line) => [
        line.organisationId,
        line.resourceId,
        line.capacity?.amount,
      ]),
    ).toEqual([
      ['elders', 'mediators', undefined],
      ['great-wall', 'parking', 80],
    ]);
    await ok(
      governance,
      { type: 'WithdrawResource', data: { organisationId: 'elders', resourceId: 'mediators' } },
      '2026-04-01T09:00:00+08:00',
    );
    expect(resourceList(await models(governance), 'longtanzi').map((line) => line.resourceId)).toEqual([
      'parking',
    ]);
    expect(resourceList(await models(governance), 'bairuijing')).toEqual([]);
  });

  it('shows the organisations of each unit and the four parties of the compound', async () => {
    const state = await models(await longtanzi());
    expect(organisationsOfUnit(state, 'longtanzi').map((o) => o.organisationId)).toEqual(['elders', 'rc']);
    expect(organisationsOfUnit(state, 'longtanzi.g2').map((o) => o.organisationId)).toEqual([
      'great-wall',
      'pm',
    ]);
    const parties = fourPartiesOf(state, 'longtanzi.g2');
    expect(
      Object.fromEntries(
        Object.entries(parties).map(([kind, list]) => [kind, list.map((o) => o.organisationId)]),
      ),
    ).toEqual({
      'residents-committee': [],
      'owners-committee': ['great-wall'],
      'property-company': ['pm'],
      'social-organisation': [],
    });
    expect(membersOf(state, 'great-wall')).toEqual({ 'res-1': 'head' });
    expect(membersOf(state, 'nobody')).toBeUndefined();
  });
});
