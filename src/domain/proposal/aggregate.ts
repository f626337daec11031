import type { Aggregate } from '../../commands/aggregate.js';
import { proposalStream } from '../shared/ids.js';
import { proposalCommands, type proposalCommandSchemas } from './commands.js';
import { createProposalDecider, type ProposalConfig } from './decider.js';
import { proposalEvents, type proposalEventSchemas } from './events.js';
import { DEFAULT_TABLING_THRESHOLD, ShareSchema, type Share } from './rules.js';
import type { ProposalState } from './state.js';

/** The Proposal aggregate as the command handler runs it, with the tabling threshold the audit judges by. */
export type ProposalAggregate = Aggregate<
  typeof proposalCommandSchemas,
  typeof proposalEventSchemas,
  ProposalState
> & { readonly tablingThreshold: Share };

/** Builds the Proposal aggregate (stream `proposal-<proposalId>`) for a community's configuration. */
export const createProposalAggregate = (config: ProposalConfig = {}): ProposalAggregate => ({
  name: 'Proposal',
  commands: proposalCommands,
  events: proposalEvents,
  decider: createProposalDecider(config),
  tablingThreshold: ShareSchema.parse(config.tablingThreshold ?? DEFAULT_TABLING_THRESHOLD),
  streamId: (command) => proposalStream(command.data.proposalId),
  recordedBy: {
    ProposalSubmitted: 'SubmitProposal',
    ProposalSupported: 'SupportProposal',
    // Also recorded by the SupportProposal that first exceeds the threshold: decided again from the state
    // after that support, TableProposal records the same tabling.
    ProposalTabled: 'TableProposal',
    PreparatoryGroupFormed: 'FormPreparatoryGroup',
    HearingHeld: 'HoldHearing',
    BallotOpened: 'OpenBallot',
    BallotCast: 'CastBallot',
    BallotChanged: 'ChangeBallot',
    BallotClosed: 'CloseBallot',
    ProposalAdopted: 'DeclareResult',
    ProposalDefeated: 'DeclareResult',
    DecisionImplemented: 'RecordImplementation',
  },
});

/** The Proposal aggregate with the default threshold and rules. */
export const proposalAggregate: ProposalAggregate = createProposalAggregate();
