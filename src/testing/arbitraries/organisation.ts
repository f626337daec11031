import fc from 'fast-check';
import type { CommandContextInput } from '../../domain/shared/context.js';
import type { ActorInput } from '../scenarios/task-world.js';
import { defaultOrganisationWorld, type OrganisationWorld } from '../scenarios/organisation-world.js';
import type { OrganisationCommandInput } from '../../domain/organisation/commands.js';
import {
  ORGANISATION_KINDS,
  RESOURCE_KINDS,
  type OrganisationKind,
} from '../../domain/organisation/events.js';

/** An organisation kind. */
export const organisationKindArb: fc.Arbitrary<OrganisationKind> = fc.constantFrom(...ORGANISATION_KINDS);

/** Anyone who might act on the world's organisations: staff (the usual keepers), residents, the system. */
export const organisationActorArb = (
  world: OrganisationWorld = defaultOrganisationWorld,
): fc.Arbitrary<ActorInput> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constant<ActorInput>({
        id: 'staff-community',
        role: 'community-staff',
        scope: [world.community],
      }),
    },
    { weight: 1, arbitrary: fc.constant<ActorInput>({ id: 'admin', role: 'administrator', scope: ['*'] }) },
    {
      weight: 1,
      arbitrary: fc.constant<ActorInput>({
        id: 'staff-other',
        role: 'community-staff',
        scope: ['elsewhere'],
      }),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...world.people).map((id): ActorInput => ({ id, role: 'resident' })),
    },
    { weight: 1, arbitrary: fc.constant<ActorInput>({ id: 'system', role: 'system', scope: ['*'] }) },
  );

/** A resource an organisation might list: the seeds' parking spaces, a gym at ¥1 a day, a team, a troupe. */
export const listResourceDataArb = (
  organisationId: string,
): fc.Arbitrary<Extract<OrganisationCommandInput, { type: 'ListResource' }>['data']> =>
  fc
    .record({
      n: fc.integer({ min: 1, max: 3 }),
      kind: fc.constantFrom(...RESOURCE_KINDS),
      capacity: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
      terms: fc.option(fc.constantFrom('free for residents', '¥1 per person per day'), { nil: undefined }),
    })
    .map(({ n, kind, capacity, terms }) => ({
      organisationId,
      resourceId: `res-${n}`,
      kind,
      title: `${kind} offer ${n}`,
      ...(capacity === undefined ? {} : { capacity: { amount: capacity, unit: 'place' } }),
      ...(terms === undefined ? {} : { terms }),
    }));

/** Any Organisation command on the world's organisations; many are refused (unregistered, unknown members). */
export const organisationCommandArb = (
  world: OrganisationWorld = defaultOrganisationWorld,
): fc.Arbitrary<OrganisationCommandInput> => {
  const organisationId = fc.constantFrom(...world.organisations);
  const personId = fc.constantFrom(...world.people);
  return fc.oneof(
    fc
      .record({ organisationId, kind: organisationKindArb, inUnit: fc.boolean() })
      .map(({ organisationId, kind, inUnit }) => ({
        type: 'RegisterOrganisation' as const,
        data:
          kind === 'department'
            ? { organisationId, kind, name: 'water bureau' }
            : {
                organisationId,
                kind,
                name: `${kind} of ${world.community}`,
                community: world.community,
                ...(inUnit ? { unit: world.unit } : {}),
              },
      })),
    fc
      .record({ organisationId, personId, role: fc.constantFrom('head', 'member', 'volunteer') })
      .map((data) => ({ type: 'AddMember' as const, data })),
    fc.record({ organisationId, personId }).map((data) => ({ type: 'RemoveMember' as const, data })),
    organisationId.chain(listResourceDataArb).map((data) => ({ type: 'ListResource' as const, data })),
    fc.record({ organisationId, n: fc.integer({ min: 1, max: 3 }) }).map(({ organisationId, n }) => ({
      type: 'WithdrawResource' as const,
      data: { organisationId, resourceId: `res-${n}` },
    })),
  );
};

/** One Organisation command with its context. */
export interface OrganisationStep {
  readonly command: OrganisationCommandInput;
  readonly context: CommandContextInput;
}

/** Random Organisation commands by random actors, a minute apart, with unique command ids. */
export const organisationStepsArb = (
  world: OrganisationWorld = defaultOrganisationWorld,
  options: { readonly maxSteps?: number } = {},
): fc.Arbitrary<OrganisationStep[]> =>
  fc
    .array(fc.tuple(organisationCommandArb(world), organisationActorArb(world)), {
      maxLength: options.maxSteps ?? 30,
      size: 'medium',
    })
    .map((pairs) =>
      pairs.map(([command, actor], i) => ({
        command,
        context: {
          actor,
          now: new Date(Date.parse(world.epoch) + i * 60_000).toISOString(),
          commandId: `organisation-step-${i}`,
        },
      })),
    );
