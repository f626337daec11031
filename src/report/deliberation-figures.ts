import {
  agendaClosure,
  ballotResults,
  proposalRegister,
  type AgendaClosure,
  type BallotResult,
  type ProposalProgress,
} from '../projections/deliberation/queries.js';
import type { DeliberationState } from '../projections/deliberation/state.js';

/** What the report shows of deliberation and voting. */
export interface DeliberationFigures {
  /** Every proposal with its support against the threshold, by proposal id. */
  readonly proposals: readonly ProposalProgress[];
  /** Every ballot's turnout and tally over voters and over all owners. */
  readonly ballots: readonly BallotResult[];
  /** Each community's agenda-to-outcome closure at the report's instant, by community id. */
  readonly closure: readonly (AgendaClosure & { readonly community: string })[];
}

/** The deliberation figures of the folded read model, judged at `asOf`. */
export const deliberationFigures = (state: DeliberationState, asOf: string): DeliberationFigures => {
  const communities = [
    ...new Set([
      ...Object.values(state.meetings).map((meeting) => meeting.community),
      ...Object.values(state.proposals).map((proposal) => proposal.community),
    ]),
  ].sort();
  return {
    proposals: proposalRegister(state),
    ballots: ballotResults(state),
    closure: communities.map((community) => ({ community, ...agendaClosure(state, community, asOf) })),
  };
};
