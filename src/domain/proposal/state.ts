import type { BallotKind, ProposalEvent, Proposer } from './events.js';
import type { VotingRule } from './rules.js';

/** The verdict on a matter once its result is declared. */
export type Verdict = 'adopted' | 'defeated';

/** One matter's ballot and the votes cast in it. */
export interface Ballot {
  readonly matterId: string;
  readonly kind: BallotKind;
  readonly options: readonly string[];
  /** The roll: owners of the compound when the ballot opened. Later registrations do not vote in it. */
  readonly eligible: ReadonlySet<string>;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly changeable: boolean;
  readonly rule: VotingRule;
  /** Each voter's current option, by owner id. */
  readonly votes: ReadonlyMap<string, string>;
  readonly closed: boolean;
  readonly verdict?: Verdict;
  readonly implemented: boolean;
}

/** A proposal that was never submitted. */
export interface UnsubmittedProposal {
  readonly status: 'unsubmitted';
}

/** A submitted proposal: gathering support until tabled, then heard and voted on. */
export interface SubmittedProposal {
  readonly status: 'submitted' | 'tabled';
  readonly proposalId: string;
  readonly community: string;
  readonly compoundId: string;
  readonly proposer: Proposer;
  readonly supporters: ReadonlySet<string>;
  readonly preparatoryGroup?: readonly string[];
  readonly hearings: number;
  readonly ballots: ReadonlyMap<string, Ballot>;
}

/** The state of a Proposal aggregate. */
export type ProposalState = UnsubmittedProposal | SubmittedProposal;

/** The state before `ProposalSubmitted`. */
export const initialProposalState: ProposalState = { status: 'unsubmitted' };

/** The units on which a convener's scope must lie: the proposal's community and its compound. */
export const proposalPath = (
  proposal: Pick<SubmittedProposal, 'community' | 'compoundId'>,
): readonly string[] => [proposal.community, proposal.compoundId];

/** The count of each option of a ballot, in the order of its options. */
export const tallyOf = (ballot: Ballot): readonly { readonly option: string; readonly votes: number }[] => {
  const counts = new Map(ballot.options.map((option) => [option, 0]));
  for (const option of ballot.votes.values()) counts.set(option, (counts.get(option) ?? 0) + 1);
  return [...counts].map(([option, votes]) => ({ option, votes }));
};

const withBallot = (
  state: SubmittedProposal,
  matterId: string,
  change: (b: Ballot) => Ballot,
): SubmittedProposal => {
  const ballot = state.ballots.get(matterId);
  return ballot === undefined
    ? state
    : { ...state, ballots: new Map(state.ballots).set(matterId, change(ballot)) };
};

/** Folds one Proposal event; total: an event that cannot apply to the state leaves it unchanged. */
export const evolveProposal = (state: ProposalState, event: ProposalEvent): ProposalState => {
  if (event.type === 'ProposalSubmitted') {
    if (state.status !== 'unsubmitted') return state;
    const { proposalId, community, compoundId, proposer } = event.data;
    return {
      status: 'submitted',
      proposalId,
      community,
      compoundId,
      proposer,
      supporters: new Set(),
      hearings: 0,
      ballots: new Map(),
    };
  }
  if (state.status === 'unsubmitted') return state;
  switch (event.type) {
    case 'ProposalSupported':
      return { ...state, supporters: new Set(state.supporters).add(event.data.ownerId) };
    case 'ProposalTabled':
      return { ...state, status: 'tabled' };
    case 'PreparatoryGroupFormed':
      return { ...state, preparatoryGroup: event.data.members };
    case 'HearingHeld':
      return { ...state, hearings: state.hearings + 1 };
    case 'BallotOpened': {
      const { matterId, kind, options, eligibleOwners, opensAt, closesAt, changeable, rule } = event.data;
      if (state.ballots.has(matterId)) return state;
      const ballot: Ballot = {
        matterId,
        kind,
        options,
        eligible: new Set(eligibleOwners),
        opensAt,
        closesAt,
        changeable,
        rule,
        votes: new Map(),
        closed: false,
        implemented: false,
      };
      return { ...state, ballots: new Map(state.ballots).set(matterId, ballot) };
    }
    case 'BallotCast':
    case 'BallotChanged': {
      const { ownerId, option } = event.data;
      return withBallot(state, event.data.matterId, (b) => ({
        ...b,
        votes: new Map(b.votes).set(ownerId, option),
      }));
    }
    case 'BallotClosed':
      return withBallot(state, event.data.matterId, (b) => ({ ...b, closed: true }));
    case 'ProposalAdopted':
      return withBallot(state, event.data.matterId, (b) => ({ ...b, verdict: 'adopted' }));
    case 'ProposalDefeated':
      return withBallot(state, event.data.matterId, (b) => ({ ...b, verdict: 'defeated' }));
    case 'DecisionImplemented':
      return withBallot(state, event.data.matterId, (b) => ({ ...b, implemented: true }));
  }
};
