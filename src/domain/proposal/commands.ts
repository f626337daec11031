import { z } from 'zod';
import { MessageCatalogue, type MessageInputsOf, type MessagesOf } from '../shared/catalogue.js';
import { IdSchema } from '../shared/ids.js';
import { InstantSchema } from '../shared/time.js';
import {
  BALLOT_KINDS,
  MAX_ROLL,
  OptionSchema,
  ProposalTextSchema,
  ProposerSchema,
  RecordRefSchema,
} from './events.js';

const Matter = { proposalId: IdSchema, matterId: IdSchema };

/** How many owners the compound's register holds; left out, the facade fills it in. */
const RegisterCountSchema = z.number().int().min(0);

/**
 * The Proposal command schemas by type. Facts of the owners' register (`registeredOwners`, a ballot's roll)
 * travel in the command, so the decider stays pure; the governance facade fills them in from the register
 * when they are left out and refuses a command whose facts the register does not bear out, and the audit
 * judges them against the register's history.
 */
export const proposalCommandSchemas = {
  SubmitProposal: z.object({
    proposalId: IdSchema,
    community: IdSchema,
    compoundId: IdSchema,
    title: ProposalTextSchema,
    proposer: ProposerSchema,
  }),
  SupportProposal: z.object({
    proposalId: IdSchema,
    ownerId: IdSchema,
    registeredOwners: RegisterCountSchema.optional(),
  }),
  TableProposal: z.object({ proposalId: IdSchema, registeredOwners: RegisterCountSchema.optional() }),
  FormPreparatoryGroup: z.object({ proposalId: IdSchema, members: z.array(IdSchema).min(1).max(50) }),
  HoldHearing: z.object({
    proposalId: IdSchema,
    matter: ProposalTextSchema,
    minutesRef: RecordRefSchema,
    meetingId: IdSchema.optional(),
  }),
  /** Opens a ballot; a motion's options are fixed, a choice names its own; `opensAt` defaults to now. */
  OpenBallot: z.object({
    ...Matter,
    matter: ProposalTextSchema,
    kind: z.enum(BALLOT_KINDS),
    options: z.array(OptionSchema).min(2).max(20).optional(),
    eligibleOwners: z.array(IdSchema).min(1).max(MAX_ROLL).optional(),
    opensAt: InstantSchema.optional(),
    closesAt: InstantSchema,
    changeable: z.boolean().default(false),
  }),
  CastBallot: z.object({ ...Matter, ownerId: IdSchema, option: OptionSchema }),
  ChangeBallot: z.object({ ...Matter, ownerId: IdSchema, option: OptionSchema }),
  CloseBallot: z.object(Matter),
  DeclareResult: z.object(Matter),
  RecordImplementation: z.object({ ...Matter, ref: RecordRefSchema }),
};

/** The catalogue that parses Proposal commands from callers. */
export const proposalCommands = new MessageCatalogue(proposalCommandSchemas);

/** Any Proposal command, as parsed (defaults applied). */
export type ProposalCommand = MessagesOf<typeof proposalCommandSchemas>;

/** Any Proposal command as a caller may write it. */
export type ProposalCommandInput = MessageInputsOf<typeof proposalCommandSchemas>;

/** The Proposal command of one type, as parsed. */
export type ProposalCommandOf<T extends ProposalCommand['type']> = Extract<ProposalCommand, { type: T }>;
