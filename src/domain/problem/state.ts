import type { Tier } from '../shared/tiers.js';
import type { UnitPath } from '../shared/units.js';
import type { ProblemPriority, ProblemEvent } from './events.js';
import { evolveResponsibility, type ProblemResponsibility } from './responsibility-state.js';

/**
 * Where a problem stands. `triaged` means "held by a tier and open", which is also where a reopened problem
 * returns to; a rated problem is still `resolved` (with a rating). `closed` and `rejected` are final.
 */
export type ProblemStatus = 'reported' | 'triaged' | 'resolved' | 'closed' | 'rejected';

/** The reporter's evaluation of the current resolution. */
export interface ProblemRating {
  readonly satisfied: boolean;
  readonly score: number;
}

/** No problem has been reported on this stream. */
export interface UnreportedProblem {
  readonly status: 'unreported';
}

/**
 * A problem that was reported: what `decide` needs to judge the next command. `tier` is the tier holding it
 * (set by triage, raised by escalation, never lowered); `resolvedTier` and `rating` belong to the current
 * resolution and are cleared when it is reopened; `dueBy` is the deadline of the tier holding it.
 */
export interface ReportedProblem {
  readonly status: ProblemStatus;
  readonly problemId: string;
  readonly path: UnitPath;
  readonly category: string;
  readonly reporterId: string;
  readonly tier?: Tier;
  readonly priority?: ProblemPriority;
  readonly dueBy?: string;
  readonly resolvedTier?: Tier;
  readonly rating?: ProblemRating;
  /** The deliberation day (Shanghai date) the problem awaits, while it is referred to one. */
  readonly referredTo?: string;
  /** Who answers for it, measures, department response, filing (see responsibility-state.ts). */
  readonly responsibility?: ProblemResponsibility | undefined;
}

/** The state of one Problem aggregate. */
export type ProblemState = UnreportedProblem | ReportedProblem;

/** The state before any event. */
export const initialProblemState: ProblemState = { status: 'unreported' };

/** True when the problem can change no more. */
export const isProblemFinal = (state: ProblemState): boolean =>
  state.status === 'closed' || state.status === 'rejected';

/** What an event can change of a reported problem; a field left out keeps its value. */
type ProblemChange = Partial<
  Pick<ReportedProblem, 'status' | 'category' | 'tier' | 'priority' | 'dueBy' | 'referredTo'>
>;

/**
 * The next state of a reported problem, written out in full: every state of a problem then has the same
 * shape. A spread followed by new keys takes V8's slow path, and an audit evolves a state per problem event.
 * `resolvedTier` and `rating` are passed explicitly, since a reopening clears them.
 */
const nextState = (
  state: ReportedProblem,
  change: ProblemChange,
  resolvedTier: Tier | undefined,
  rating: ProblemRating | undefined,
): ReportedProblem => ({
  status: change.status ?? state.status,
  problemId: state.problemId,
  path: state.path,
  category: change.category ?? state.category,
  reporterId: state.reporterId,
  tier: change.tier ?? state.tier,
  priority: change.priority ?? state.priority,
  dueBy: change.dueBy ?? state.dueBy,
  resolvedTier,
  rating,
  // Kept unless the change names it: a deliberation clears it by naming it undefined.
  referredTo: 'referredTo' in change ? change.referredTo : state.referredTo,
  responsibility: state.responsibility,
});

/**
 * How each event changes the state. Total, never throwing whatever order events arrive in: a second report
 * and anything before the report are ignored (decide never produces them), every other event is applied as
 * recorded, because the history, not this function, is the truth.
 */
export const evolveProblem = (state: ProblemState, event: ProblemEvent): ProblemState => {
  if (event.type === 'ProblemReported') {
    if (state.status !== 'unreported') return state;
    const { problemId, path, category, reporterId } = event.data;
    return nextState({ status: 'reported', problemId, path, category, reporterId }, {}, undefined, undefined);
  }
  if (state.status === 'unreported') return state;
  const { resolvedTier, rating } = state;
  switch (event.type) {
    case 'ProblemTriaged': {
      const { category, tier, priority, dueBy } = event.data;
      return nextState(state, { status: 'triaged', category, tier, priority, dueBy }, resolvedTier, rating);
    }
    case 'ProblemEscalated':
      return nextState(state, { tier: event.data.toTier, dueBy: event.data.dueBy }, resolvedTier, rating);
    case 'ProblemResolved':
      return nextState(state, { status: 'resolved' }, event.data.tier, rating);
    case 'ProblemRated':
      return nextState(state, {}, resolvedTier, { satisfied: event.data.satisfied, score: event.data.score });
    case 'ProblemReopened':
      return nextState(
        state,
        { status: 'triaged', tier: event.data.tier, dueBy: event.data.dueBy },
        undefined,
        undefined,
      );
    case 'ProblemClosed':
      return nextState(state, { status: 'closed' }, resolvedTier, rating);
    case 'ProblemRejected':
      return nextState(state, { status: 'rejected' }, resolvedTier, rating);
    case 'ProblemReferredToDeliberation':
      return nextState(state, { referredTo: event.data.deliberationDay }, resolvedTier, rating);
    case 'ProblemDeliberated':
      return nextState(state, { referredTo: undefined }, resolvedTier, rating);
    default:
      return evolveResponsibility(state, event);
  }
};
