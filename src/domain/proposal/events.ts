import { z } from 'zod';
import { MessageCatalogue, type MessagesOf } from '../shared/catalogue.js';
import { IdSchema } from '../shared/ids.js';
import { InstantSchema } from '../shared/time.js';
import { VotingRuleSchema } from './rules.js';

/** A title, matter or note as posted on the notice board; never personal data. */
export const ProposalTextSchema = z.string().trim().min(1).max(500);

/** A reference to minutes or an implementation record kept by the host (a URL or a storage key). */
export const RecordRefSchema = z.string().min(1).max(2048);

/** The most owners a compound's roll may hold in one ballot event. */
export const MAX_ROLL = 20_000;

/** Who puts a proposal forward: an owner of the compound, or a unit (residents' committee, compound branch). */
export const ProposerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('owner'), ownerId: IdSchema }),
  z.object({ kind: z.literal('unit'), unitId: IdSchema }),
]);

/** The proposer of a proposal (see {@link ProposerSchema}). */
export type Proposer = z.infer<typeof ProposerSchema>;

/** A yes/no motion (options `for`, `against`, `abstain`) or a choice among named options (four bidders). */
export const BALLOT_KINDS = ['motion', 'choice'] as const;

/** The kind of a ballot. */
export type BallotKind = (typeof BALLOT_KINDS)[number];

/** The options of every motion: only `for` can be adopted. */
export const MOTION_OPTIONS = ['for', 'against', 'abstain'] as const;

/** One option of a ballot: a short label such as `for` or a bidder's id. */
export const OptionSchema = z.string().trim().min(1).max(100);

/** One option's count in a closed ballot. */
export const TallyEntrySchema = z.object({ option: OptionSchema, votes: z.number().int().min(0) });

/** Why a matter was defeated: turnout below the quorum, the leader short of the approval share, or a tie. */
export const DEFEAT_REASONS = ['no-quorum', 'not-approved', 'tie'] as const;

/** The reason of a defeat. */
export type DefeatReason = (typeof DEFEAT_REASONS)[number];

const Matter = { proposalId: IdSchema, matterId: IdSchema };

/** The Proposal event schemas by type: the integration contract of the `proposal-<id>` streams. */
export const proposalEventSchemas = {
  /** A proposal put forward in a compound of a community. */
  ProposalSubmitted: z.object({
    proposalId: IdSchema,
    community: IdSchema,
    compoundId: IdSchema,
    title: ProposalTextSchema,
    proposer: ProposerSchema,
  }),
  /** An owner supports the proposal; `registeredOwners` is the compound's register at that moment. */
  ProposalSupported: z.object({
    proposalId: IdSchema,
    ownerId: IdSchema,
    registeredOwners: z.number().int().min(0),
  }),
  /** Support exceeded the tabling threshold of the owners registered at that moment. */
  ProposalTabled: z.object({
    proposalId: IdSchema,
    supports: z.number().int().min(0),
    registeredOwners: z.number().int().min(0),
  }),
  /** The preparatory group (筹备组) that carries the tabled proposal to a vote. */
  PreparatoryGroupFormed: z.object({ proposalId: IdSchema, members: z.array(IdSchema).min(1).max(50) }),
  /** A hearing on one matter, with a reference to its minutes (Meilingju held seven). */
  HearingHeld: z.object({
    proposalId: IdSchema,
    matter: ProposalTextSchema,
    minutesRef: RecordRefSchema,
    meetingId: IdSchema.optional(),
  }),
  /** A ballot on one matter: its options, its roll of eligible owners, when it opens and closes, its rule. */
  BallotOpened: z.object({
    ...Matter,
    matter: ProposalTextSchema,
    kind: z.enum(BALLOT_KINDS),
    options: z.array(OptionSchema).min(2).max(20),
    eligibleOwners: z.array(IdSchema).min(1).max(MAX_ROLL),
    opensAt: InstantSchema,
    closesAt: InstantSchema,
    changeable: z.boolean(),
    rule: VotingRuleSchema,
  }),
  /** An owner's one ballot on a matter. */
  BallotCast: z.object({ ...Matter, ownerId: IdSchema, option: OptionSchema }),
  /** An owner changed their ballot, which only a changeable ballot allows. */
  BallotChanged: z.object({ ...Matter, ownerId: IdSchema, option: OptionSchema }),
  /** The ballot closed: the roll, the turnout and the count of every option. */
  BallotClosed: z.object({
    ...Matter,
    eligible: z.number().int().min(1),
    turnout: z.number().int().min(0),
    tally: z.array(TallyEntrySchema),
  }),
  /** The matter was adopted by the ballot's rule: the winning option and its votes. */
  ProposalAdopted: z.object({ ...Matter, option: OptionSchema, votes: z.number().int().min(0) }),
  /** The matter was defeated by the ballot's rule. */
  ProposalDefeated: z.object({ ...Matter, reason: z.enum(DEFEAT_REASONS) }),
  /** The adopted decision was carried out; `ref` points at the host's record of the work. */
  DecisionImplemented: z.object({ ...Matter, ref: RecordRefSchema }),
};

/** The catalogue that parses Proposal events read from a store. */
export const proposalEvents = new MessageCatalogue(proposalEventSchemas);

/** Any Proposal event. */
export type ProposalEvent = MessagesOf<typeof proposalEventSchemas>;

/** The Proposal event of one type. */
export type ProposalEventOf<T extends ProposalEvent['type']> = Extract<ProposalEvent, { readonly type: T }>;
