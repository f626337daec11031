import { z } from 'zod';
import { MessageCatalogue, type MessagesOf } from '../shared/catalogue.js';
import { IdSchema } from '../shared/ids.js';
import { InstantSchema } from '../shared/time.js';

/** A deliberation day (议事日), a four-party meeting (四方议事) or a joint meeting (联席会). */
export const MEETING_KINDS = ['deliberation-day', 'four-party', 'joint'] as const;

/** The kind of a meeting. */
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** The four parties of a four-party meeting: residents' and owners' committees, property, social organisations. */
export const PARTY_KINDS = [
  'residents-committee',
  'owners-committee',
  'property-company',
  'social-organisation',
] as const;

/** The kind of a party at a meeting. */
export type PartyKind = (typeof PARTY_KINDS)[number];

/** A party at a meeting: its kind and the organisation's id (the organisation register is the host's). */
export const PartySchema = z.object({ kind: z.enum(PARTY_KINDS), organisationId: IdSchema });

/** A party at a meeting (see {@link PartySchema}). */
export type Party = z.infer<typeof PartySchema>;

/** What an agenda item is about: a problem that could not be settled simply, or an owners' proposal. */
export const AgendaItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('problem'), problemId: IdSchema }),
  z.object({ kind: z.literal('proposal'), proposalId: IdSchema }),
]);

/** The subject of an agenda item (see {@link AgendaItemSchema}). */
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

/** A title or an outcome as minuted; never personal data. */
export const MeetingTextSchema = z.string().trim().min(1).max(500);

/** The Meeting event schemas by type: the integration contract of the `meeting-<id>` streams. */
export const meetingEventSchemas = {
  /** A meeting was called for a unit (a compound, a grid or the community) at a time, with its parties. */
  MeetingScheduled: z.object({
    meetingId: IdSchema,
    kind: z.enum(MEETING_KINDS),
    community: IdSchema,
    unitId: IdSchema,
    scheduledFor: InstantSchema,
    parties: z.array(PartySchema).max(20),
  }),
  /** An item went on the agenda. */
  ItemPlaced: z.object({
    meetingId: IdSchema,
    itemId: IdSchema,
    item: AgendaItemSchema,
    title: MeetingTextSchema,
  }),
  /** The meeting took place: how many attended and which parties' organisations were present. */
  MeetingHeld: z.object({
    meetingId: IdSchema,
    attendance: z.number().int().min(1).max(100_000),
    partiesPresent: z.array(IdSchema).max(20),
  }),
  /** An item was concluded: the outcome, who follows it up and by when (the closed loop, 闭环). */
  ItemConcluded: z.object({
    meetingId: IdSchema,
    itemId: IdSchema,
    outcome: MeetingTextSchema,
    followUpOwner: IdSchema,
    dueBy: InstantSchema,
  }),
  /** The meeting was called off before it was held. */
  MeetingCancelled: z.object({ meetingId: IdSchema, reason: MeetingTextSchema }),
};

/** The catalogue that parses Meeting events read from a store. */
export const meetingEvents = new MessageCatalogue(meetingEventSchemas);

/** Any Meeting event. */
export type MeetingEvent = MessagesOf<typeof meetingEventSchemas>;

/** The Meeting event of one type. */
export type MeetingEventOf<T extends MeetingEvent['type']> = Extract<MeetingEvent, { readonly type: T }>;
