import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { CommandContext } from '../shared/context.js';
import { domainError, type DomainError, type ErrorCode } from '../shared/errors.js';
import { toMillis } from '../shared/time.js';
import type { ProposalCommandOf } from './commands.js';
import { MOTION_OPTIONS, type BallotKind, type ProposalEvent } from './events.js';
import { actsAsOwner, mayConvene } from './permissions.js';
import { judgeBallot, type VotingRule } from './rules.js';
import { tallyOf, type Ballot, type SubmittedProposal } from './state.js';

type Decision = Either<DomainError, readonly ProposalEvent[]>;

const refuse = (code: ErrorCode, message: string): Decision => left(domainError(code, message));

const forbiddenToConvene = (proposal: SubmittedProposal): Decision =>
  refuse('forbidden', `only staff of ${proposal.community} or leaders of ${proposal.compoundId} may do that`);

const sameOptions = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((option, i) => option === b[i]);

/** Opens a ballot on a tabled proposal, under the rule the configuration gives its kind. */
export const openBallot = (
  rules: Readonly<Record<BallotKind, VotingRule>>,
  proposal: SubmittedProposal,
  { data }: ProposalCommandOf<'OpenBallot'>,
  context: CommandContext,
): Decision => {
  if (!mayConvene(context.actor, proposal.community, proposal.compoundId))
    return forbiddenToConvene(proposal);
  if (proposal.status !== 'tabled') return refuse('invalid-transition', 'only a tabled proposal is voted on');
  if (proposal.ballots.has(data.matterId))
    return refuse('already-exists', `matter ${data.matterId} has a ballot`);
  const options = data.kind === 'motion' ? (data.options ?? [...MOTION_OPTIONS]) : data.options;
  if (options === undefined) return refuse('invalid-command', 'a choice names its options');
  if (data.kind === 'motion' && !sameOptions(options, MOTION_OPTIONS)) {
    return refuse('invalid-command', `a motion's options are ${MOTION_OPTIONS.join(', ')}`);
  }
  if (new Set(options).size !== options.length) return refuse('invalid-command', 'options must differ');
  const roll = data.eligibleOwners;
  if (roll === undefined) {
    return refuse(
      'invalid-command',
      'the roll is the owners register: state it, or send the command through the facade',
    );
  }
  if (new Set(roll).size !== roll.length) {
    return refuse('invalid-command', 'the roll names an owner twice');
  }
  const opensAt = data.opensAt ?? context.now;
  if (toMillis(data.closesAt) <= Math.max(toMillis(opensAt), toMillis(context.now))) {
    return refuse('invalid-command', 'a ballot closes after it opens and after now');
  }
  return right([
    {
      type: 'BallotOpened',
      data: {
        proposalId: proposal.proposalId,
        matterId: data.matterId,
        matter: data.matter,
        kind: data.kind,
        options,
        eligibleOwners: roll,
        opensAt,
        closesAt: data.closesAt,
        changeable: data.changeable,
        rule: rules[data.kind],
      },
    },
  ]);
};

const ballotOf = (proposal: SubmittedProposal, matterId: string): Either<DomainError, Ballot> => {
  const ballot = proposal.ballots.get(matterId);
  return ballot === undefined
    ? left(domainError('not-found', `no ballot on matter ${matterId}`))
    : right(ballot);
};

/** Casts or changes one owner's ballot: on the roll, while it is open, once (a change only if allowed). */
export const castBallot = (
  proposal: SubmittedProposal,
  command: ProposalCommandOf<'CastBallot'> | ProposalCommandOf<'ChangeBallot'>,
  context: CommandContext,
): Decision => {
  const { matterId, ownerId, option } = command.data;
  const found = ballotOf(proposal, matterId);
  if (found._tag === 'Left') return found;
  const ballot = found.right;
  if (!actsAsOwner(context.actor, ownerId)) return refuse('forbidden', 'an owner votes only in person');
  if (!ballot.eligible.has(ownerId))
    return refuse('forbidden', `${ownerId} is not on the roll of ${matterId}`);
  const now = toMillis(context.now);
  if (ballot.closed || now >= toMillis(ballot.closesAt))
    return refuse('ballot-closed', `${matterId} has closed`);
  if (now < toMillis(ballot.opensAt))
    return refuse('ballot-closed', `${matterId} opens at ${ballot.opensAt}`);
  if (!ballot.options.includes(option)) return refuse('invalid-command', `${option} is not an option`);
  const previous = ballot.votes.get(ownerId);
  const data = { proposalId: proposal.proposalId, matterId, ownerId, option };
  if (command.type === 'CastBallot') {
    if (previous !== undefined)
      return refuse('already-exists', `${ownerId} has already voted on ${matterId}`);
    return right([{ type: 'BallotCast', data }]);
  }
  if (!ballot.changeable)
    return refuse('invalid-transition', `the ballot on ${matterId} does not allow changes`);
  if (previous === undefined) return refuse('not-found', `${ownerId} has not voted on ${matterId}`);
  if (previous === option) return refuse('invalid-transition', `${ownerId} already voted ${option}`);
  return right([{ type: 'BallotChanged', data }]);
};

/** Closes a ballot once its time is up or every owner on the roll has voted, with turnout and tally. */
export const closeBallot = (
  proposal: SubmittedProposal,
  { data }: ProposalCommandOf<'CloseBallot'>,
  context: CommandContext,
): Decision => {
  const found = ballotOf(proposal, data.matterId);
  if (found._tag === 'Left') return found;
  const ballot = found.right;
  if (!mayConvene(context.actor, proposal.community, proposal.compoundId))
    return forbiddenToConvene(proposal);
  if (ballot.closed) return refuse('invalid-transition', `the ballot on ${data.matterId} is closed`);
  const allVoted = ballot.votes.size >= ballot.eligible.size;
  if (toMillis(context.now) < toMillis(ballot.closesAt) && !allVoted) {
    return refuse('invalid-transition', `the ballot on ${data.matterId} runs until ${ballot.closesAt}`);
  }
  return right([
    {
      type: 'BallotClosed',
      data: {
        proposalId: proposal.proposalId,
        matterId: data.matterId,
        eligible: ballot.eligible.size,
        turnout: ballot.votes.size,
        tally: tallyOf(ballot).map(({ option, votes }) => ({ option, votes })),
      },
    },
  ]);
};

/** Declares a closed ballot's result by the rule it was opened under. */
export const declareResult = (
  proposal: SubmittedProposal,
  { data }: ProposalCommandOf<'DeclareResult'>,
  context: CommandContext,
): Decision => {
  const found = ballotOf(proposal, data.matterId);
  if (found._tag === 'Left') return found;
  const ballot = found.right;
  if (!mayConvene(context.actor, proposal.community, proposal.compoundId))
    return forbiddenToConvene(proposal);
  if (!ballot.closed) return refuse('invalid-transition', `the ballot on ${data.matterId} is still open`);
  if (ballot.verdict !== undefined)
    return refuse('already-exists', `${data.matterId} was already ${ballot.verdict}`);
  const outcome = judgeBallot(
    { kind: ballot.kind, rule: ballot.rule, eligible: ballot.eligible.size, turnout: ballot.votes.size },
    tallyOf(ballot),
  );
  const matter = { proposalId: proposal.proposalId, matterId: data.matterId };
  return right([
    outcome.verdict === 'adopted'
      ? { type: 'ProposalAdopted', data: { ...matter, option: outcome.option, votes: outcome.votes } }
      : { type: 'ProposalDefeated', data: { ...matter, reason: outcome.reason } },
  ]);
};

/** Records that an adopted decision was carried out, once. */
export const recordImplementation = (
  proposal: SubmittedProposal,
  { data }: ProposalCommandOf<'RecordImplementation'>,
  context: CommandContext,
): Decision => {
  const found = ballotOf(proposal, data.matterId);
  if (found._tag === 'Left') return found;
  if (!mayConvene(context.actor, proposal.community, proposal.compoundId))
    return forbiddenToConvene(proposal);
  if (found.right.verdict !== 'adopted')
    return refuse('invalid-transition', `${data.matterId} was not adopted`);
  if (found.right.implemented) return refuse('already-exists', `${data.matterId} is already implemented`);
  return right([{ type: 'DecisionImplemented', data: { ...data, proposalId: proposal.proposalId } }]);
};
