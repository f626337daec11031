import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { hasRole } from '../shared/actors.js';
import type { CommandContext } from '../shared/context.js';
import type { Decider } from '../shared/decider.js';
import { domainError, type DomainError, type ErrorCode } from '../shared/errors.js';
import {
  castBallot,
  closeBallot,
  declareResult,
  openBallot,
  recordImplementation,
} from './ballot-decider.js';
import type { ProposalCommand, ProposalCommandOf } from './commands.js';
import type { BallotKind, ProposalEvent } from './events.js';
import { actsAsOwner, mayConvene } from './permissions.js';
import {
  DEFAULT_TABLING_THRESHOLD,
  DEFAULT_VOTING_RULE,
  ShareSchema,
  VotingRuleSchema,
  meetsShare,
  type Share,
  type VotingRule,
} from './rules.js';
import { evolveProposal, initialProposalState, type ProposalState, type SubmittedProposal } from './state.js';

/** How a community runs its owners' proposals. Every field is configuration with a documented default. */
export interface ProposalConfig {
  /** The support needed to table a proposal, over the owners registered then. Default: more than 1/10. */
  readonly tablingThreshold?: Share;
  /** The rule of each kind of ballot. Default {@link DEFAULT_VOTING_RULE} for both. */
  readonly rules?: Partial<Readonly<Record<BallotKind, VotingRule>>>;
}

/** The Proposal decider's type. */
export type ProposalDecider = Decider<ProposalCommand, ProposalEvent, ProposalState>;

type Decision = Either<DomainError, readonly ProposalEvent[]>;

const refuse = (code: ErrorCode, message: string): Decision => left(domainError(code, message));

/** Why a command without the register's count is refused when sent past the facade. */
export const REGISTER_FACT =
  'registeredOwners is a fact of the owners register: state it, or send the command through the facade';

const submit = (
  { data }: ProposalCommandOf<'SubmitProposal'>,
  state: ProposalState,
  context: CommandContext,
): Decision => {
  if (state.status !== 'unsubmitted') return refuse('already-exists', `proposal ${data.proposalId} exists`);
  const allowed =
    data.proposer.kind === 'owner'
      ? actsAsOwner(context.actor, data.proposer.ownerId)
      : mayConvene(context.actor, data.community, data.compoundId) &&
        [data.community, data.compoundId].includes(data.proposer.unitId);
  if (!allowed) {
    return refuse(
      'forbidden',
      'an owner proposes in person; a unit through its staff or the compound leaders',
    );
  }
  return right([{ type: 'ProposalSubmitted', data }]);
};

/** The tabling that follows when `supports` exceed the threshold of `registeredOwners`, if it does. */
const tablingIfDue = (
  threshold: Share,
  proposal: SubmittedProposal,
  supports: number,
  registeredOwners: number,
): readonly ProposalEvent[] =>
  proposal.status === 'submitted' && meetsShare(supports, registeredOwners, threshold)
    ? [{ type: 'ProposalTabled', data: { proposalId: proposal.proposalId, supports, registeredOwners } }]
    : [];

const decideOnProposal = (
  config: { readonly threshold: Share; readonly rules: Readonly<Record<BallotKind, VotingRule>> },
  proposal: SubmittedProposal,
  command: ProposalCommand,
  context: CommandContext,
): Decision => {
  const convenes = mayConvene(context.actor, proposal.community, proposal.compoundId);
  const forbidden = refuse(
    'forbidden',
    `only staff of ${proposal.community} or leaders of ${proposal.compoundId} may do that`,
  );
  switch (command.type) {
    case 'SubmitProposal':
      return refuse('already-exists', `proposal ${proposal.proposalId} exists`);
    case 'SupportProposal': {
      const { ownerId, registeredOwners } = command.data;
      if (!actsAsOwner(context.actor, ownerId))
        return refuse('forbidden', 'an owner supports only in person');
      if (registeredOwners === undefined) return refuse('invalid-command', REGISTER_FACT);
      if (proposal.status !== 'submitted')
        return refuse('invalid-transition', 'the proposal is already tabled');
      if (proposal.supporters.has(ownerId)) return refuse('already-exists', `${ownerId} already supports it`);
      const supported: ProposalEvent = {
        type: 'ProposalSupported',
        data: { proposalId: proposal.proposalId, ownerId, registeredOwners },
      };
      const supports = proposal.supporters.size + 1;
      return right([supported, ...tablingIfDue(config.threshold, proposal, supports, registeredOwners)]);
    }
    case 'TableProposal': {
      // Tabling is no one's discretion, the threshold decides it: a convener or any resident may ask for it.
      if (!convenes && !hasRole(context.actor, ['resident'])) return forbidden;
      if (proposal.status !== 'submitted')
        return refuse('invalid-transition', 'the proposal is already tabled');
      const { registeredOwners } = command.data;
      if (registeredOwners === undefined) return refuse('invalid-command', REGISTER_FACT);
      const due = tablingIfDue(config.threshold, proposal, proposal.supporters.size, registeredOwners);
      return due.length > 0
        ? right(due)
        : refuse('invalid-transition', `${proposal.supporters.size} supports do not exceed the threshold`);
    }
    case 'FormPreparatoryGroup':
      if (!convenes) return forbidden;
      if (proposal.status !== 'tabled')
        return refuse('invalid-transition', 'only a tabled proposal gets a group');
      if (proposal.preparatoryGroup !== undefined)
        return refuse('already-exists', 'the group is already formed');
      return right([
        { type: 'PreparatoryGroupFormed', data: { ...command.data, proposalId: proposal.proposalId } },
      ]);
    case 'HoldHearing':
      if (!convenes) return forbidden;
      if (proposal.status !== 'tabled')
        return refuse('invalid-transition', 'only a tabled proposal is heard');
      return right([{ type: 'HearingHeld', data: { ...command.data, proposalId: proposal.proposalId } }]);
    case 'OpenBallot':
      return openBallot(config.rules, proposal, command, context);
    case 'CastBallot':
    case 'ChangeBallot':
      return castBallot(proposal, command, context);
    case 'CloseBallot':
      return closeBallot(proposal, command, context);
    case 'DeclareResult':
      return declareResult(proposal, command, context);
    case 'RecordImplementation':
      return recordImplementation(proposal, command, context);
  }
};

/**
 * Builds the Proposal decider: an owner (or a unit) submits; owners support, and the support that first
 * exceeds the threshold of the owners registered at that moment tables the proposal in the same decision
 * (or a convener tables it later, when deregistrations lowered the base); conveners form the preparatory
 * group, hold hearings and open, close and declare each matter's ballot; owners on the roll vote once.
 * Throws at construction on a threshold or rule that is not a valid share (a configuration error).
 */
export const createProposalDecider = (config: ProposalConfig = {}): ProposalDecider => {
  const threshold = ShareSchema.parse(config.tablingThreshold ?? DEFAULT_TABLING_THRESHOLD);
  const rules = {
    motion: VotingRuleSchema.parse(config.rules?.motion ?? DEFAULT_VOTING_RULE),
    choice: VotingRuleSchema.parse(config.rules?.choice ?? DEFAULT_VOTING_RULE),
  };
  return {
    initialState: initialProposalState,
    evolve: evolveProposal,
    decide: (command, state, context) => {
      if (command.type === 'SubmitProposal') return submit(command, state, context);
      if (state.status === 'unsubmitted' || state.proposalId !== command.data.proposalId) {
        return refuse('not-found', `proposal ${command.data.proposalId} was never submitted`);
      }
      return decideOnProposal({ threshold, rules }, state, command, context);
    },
  };
};

/** The Proposal decider with the default threshold and rules. */
export const proposalDecider: ProposalDecider = createProposalDecider();
