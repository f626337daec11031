import { z } from 'zod';
import { MessageCatalogue, type MessagesOf } from '../shared/catalogue.js';
import { IdSchema } from '../shared/ids.js';

/**
 * The kinds of organisation the seeds name: the four parties of a compound (residents' committee, owners'
 * committee, property company, social organisation), volunteer teams, party branches, enterprises, government
 * departments and the five-elders team (五老).
 */
export const ORGANISATION_KINDS = [
  'residents-committee',
  'owners-committee',
  'property-company',
  'social-organisation',
  'volunteer-team',
  'party-branch',
  'enterprise',
  'department',
  'five-elders',
] as const;

/** Zod schema of an {@link OrganisationKind}. */
export const OrganisationKindSchema = z.enum(ORGANISATION_KINDS);

/** The kind of an organisation. */
export type OrganisationKind = z.infer<typeof OrganisationKindSchema>;

/** The four parties of a unit's deliberation (四方): the kinds the four-party read model lists. */
export const FOUR_PARTY_KINDS = [
  'residents-committee',
  'owners-committee',
  'property-company',
  'social-organisation',
] as const satisfies readonly OrganisationKind[];

/** What a listed resource is (资源清单: people, equipment, space, culture). */
export const RESOURCE_KINDS = ['people', 'equipment', 'space', 'culture'] as const;

/** Zod schema of a {@link ResourceKind}. */
export const ResourceKindSchema = z.enum(RESOURCE_KINDS);

/** The kind of a listed resource. */
export type ResourceKind = z.infer<typeof ResourceKindSchema>;

/** A lowercase slug (`parking-space`, `head`): member roles and capacity units. */
export const SlugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug is lowercase words joined by hyphens');

/** The name of an organisation: a public body's name, never a person's. */
export const OrganisationNameSchema = z.string().trim().min(1).max(200);

/** Short free text (a resource's title or terms, a reason); hosts keep personal data out of it. */
export const OrganisationTextSchema = z.string().trim().min(1).max(500);

/** How much of a resource there is: 80 parking spaces, a hall for 120 people. */
export const CapacitySchema = z.object({ amount: z.number().int().min(1).max(1_000_000), unit: SlugSchema });

/** A capacity (see {@link CapacitySchema}). */
export type Capacity = z.infer<typeof CapacitySchema>;

/**
 * Every organisation but a department names its home community, and may name a unit of it (a grid, lane,
 * compound); a department works city-wide and names neither.
 */
const homeRule = (
  value: { kind: OrganisationKind; community?: string | undefined; unit?: string | undefined },
  ctx: z.RefinementCtx,
): void => {
  if (value.kind !== 'department' && value.community === undefined) {
    ctx.addIssue({ code: 'custom', path: ['community'], message: 'only a department has no home community' });
  }
  if (value.kind === 'department' && (value.community !== undefined || value.unit !== undefined)) {
    ctx.addIssue({ code: 'custom', path: ['community'], message: 'a department has no home unit' });
  }
  if (value.community === undefined && value.unit !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['unit'], message: 'a home unit lies in a home community' });
  }
};

/** The fields of an organisation's registration, shared by the command and the event. */
export const organisationRegistrationShape = {
  organisationId: IdSchema,
  kind: OrganisationKindSchema,
  name: OrganisationNameSchema,
  /** The community the organisation belongs to (its home); absent for a department. */
  community: IdSchema.optional(),
  /** The unit of the directory it sits on (a grid, lane or compound of `community`). */
  unit: IdSchema.optional(),
};

/** The organisation event schemas by type: the integration contract of the `organisation-<id>` streams. */
export const organisationEventSchemas = {
  /** An organisation was registered with its kind and home. */
  OrganisationRegistered: z.object(organisationRegistrationShape).superRefine(homeRule),
  /** A person joined the organisation in a role (`head`, `member`, `volunteer`, ...). */
  MemberJoined: z.object({ organisationId: IdSchema, personId: IdSchema, role: SlugSchema }),
  /** A person left the organisation. */
  MemberLeft: z.object({ organisationId: IdSchema, personId: IdSchema }),
  /** The organisation offers a resource to the community (the resource list). */
  ResourceListed: z.object({
    organisationId: IdSchema,
    resourceId: IdSchema,
    kind: ResourceKindSchema,
    title: OrganisationTextSchema,
    capacity: CapacitySchema.optional(),
    /** On what terms (free, ¥1 per person per day, weekends only): text, as the seeds state them. */
    terms: OrganisationTextSchema.optional(),
  }),
  /** A listed resource is no longer offered. */
  ResourceWithdrawn: z.object({
    organisationId: IdSchema,
    resourceId: IdSchema,
    reason: OrganisationTextSchema.optional(),
  }),
} as const;

/** The catalogue that parses Organisation events read from a store. */
export const organisationEvents = new MessageCatalogue(organisationEventSchemas);

/** Any Organisation event. */
export type OrganisationEvent = MessagesOf<typeof organisationEventSchemas>;

/** The Organisation event of one type. */
export type OrganisationEventOf<T extends OrganisationEvent['type']> = Extract<
  OrganisationEvent,
  { readonly type: T }
>;
