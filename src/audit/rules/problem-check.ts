import { problemAggregate, type ProblemAggregate } from '../../domain/problem/aggregate.js';
import type { ProblemEvent } from '../../domain/problem/events.js';
import { isProblemFinal, type ProblemState } from '../../domain/problem/state.js';
import { problemStream } from '../../domain/shared/ids.js';
import { TIERS, tierRank, type Tier } from '../../domain/shared/tiers.js';
import {
  SHARE_BUCKETS,
  TARGET_721,
  shareBucketOf,
  type ShareBucket,
} from '../../projections/resolution-stats/targets.js';
import type { ProblemFigures } from '../audit-summary.js';
import type { AuditCheck, AuditedEvent, ReportViolation } from '../auditor.js';
import { replayDecision, trackingReport } from './decision-replay.js';

const PREFIX = problemStream('');

const escalationProblem = (from: Tier, to: Tier): string | undefined => {
  const step = tierRank(to) - tierRank(from);
  if (step === 1) return undefined;
  if (step <= 0)
    return `escalated from ${from} to ${to}: an escalation goes up the ladder, never down or sideways`;
  return `escalated from ${from} to ${to}: an escalation goes one step up, it skipped ${step - 1}`;
};

/**
 * Whether `event` can follow `state` in a problem's lifecycle, as the Problem decider would have produced
 * it: reported once and first; triaged once; escalated one step from the tier holding it; resolved by that
 * tier; rated once; reopened only after an unsatisfied rating; closed only when resolved; nothing after a
 * close or a rejection.
 */
const checkTransition = (state: ProblemState, event: ProblemEvent, report: ReportViolation): void => {
  if (event.type === 'ProblemReported') {
    if (state.status !== 'unreported') report('impossible-transition', 'the problem was already reported');
    return;
  }
  if (state.status === 'unreported') {
    report('impossible-transition', `${event.type} before the problem was reported`);
    return;
  }
  if (isProblemFinal(state)) {
    report('event-after-close', `${event.type} after the problem was ${state.status}`);
    return;
  }
  const { status, tier } = state;
  switch (event.type) {
    case 'ProblemTriaged':
      if (status !== 'reported')
        report('impossible-transition', `a ${status} problem cannot be triaged again`);
      return;
    case 'ProblemEscalated': {
      if (status !== 'triaged' || tier === undefined) {
        report('impossible-transition', `a ${status} problem cannot be escalated`);
        return;
      }
      const { fromTier, toTier } = event.data;
      if (fromTier !== tier) {
        report('invalid-escalation', `escalated from ${fromTier}, but the ${tier} tier held the problem`);
      }
      const problem = escalationProblem(fromTier, toTier);
      if (problem !== undefined) report('invalid-escalation', problem);
      return;
    }
    case 'ProblemResolved':
      if (status !== 'triaged') report('impossible-transition', `a ${status} problem cannot be resolved`);
      else if (event.data.tier !== tier) {
        report(
          'impossible-transition',
          `resolved at the ${event.data.tier} tier while the ${tier} tier held it`,
        );
      }
      return;
    case 'ProblemRated':
      if (status !== 'resolved')
        report('impossible-transition', `a ${status} problem has no resolution to rate`);
      else if (state.rating !== undefined)
        report('impossible-transition', 'the resolution was already rated');
      return;
    case 'ProblemReopened':
      if (status !== 'resolved' || state.rating?.satisfied !== false) {
        report('impossible-transition', 'only a resolution rated unsatisfactory can be reopened');
      } else if (event.data.tier !== state.resolvedTier) {
        report('impossible-transition', `reopened at ${event.data.tier}, resolved at ${state.resolvedTier}`);
      }
      return;
    case 'ProblemClosed':
      if (status !== 'resolved') report('impossible-transition', `a ${status} problem cannot be closed`);
      return;
    case 'ProblemRejected':
      if (status !== 'reported' && status !== 'triaged') {
        report('impossible-transition', `a ${status} problem can no longer be rejected`);
      }
      return;
  }
};

/**
 * What is left of a problem once it is closed or rejected: nothing may follow, so the audit needs only its
 * status and the tier that resolved it. One shared state per outcome keeps the memory of a long history to
 * its open problems instead of every problem ever reported.
 */
const finalStates = new Map<string, ProblemState>();
const finalState = (state: ProblemState): ProblemState => {
  if (state.status !== 'closed' && state.status !== 'rejected') return state;
  const key = `${state.status}:${state.resolvedTier ?? ''}`;
  let shared = finalStates.get(key);
  if (shared === undefined) {
    shared = Object.freeze({
      status: state.status,
      problemId: '',
      path: Object.freeze({ street: '', community: '', grid: '' }),
      category: '',
      reporterId: '',
      ...(state.resolvedTier === undefined ? {} : { resolvedTier: state.resolvedTier }),
    });
    finalStates.set(key, shared);
  }
  return shared;
};

/** The problem figures of the folded states: reported, resolved by tier (the 721 split), rejected, open. */
const problemFigures = (states: Iterable<ProblemState>): ProblemFigures => {
  const resolvedByTier = Object.fromEntries(TIERS.map((tier) => [tier, 0])) as Record<Tier, number>;
  let reported = 0;
  let rejected = 0;
  for (const state of states) {
    if (state.status === 'unreported') continue;
    reported += 1;
    if (state.status === 'rejected') rejected += 1;
    else if (state.resolvedTier !== undefined) resolvedByTier[state.resolvedTier] += 1;
  }
  const resolved = TIERS.reduce((sum, tier) => sum + resolvedByTier[tier], 0);
  const inBucket = Object.fromEntries(SHARE_BUCKETS.map((bucket) => [bucket, 0])) as Record<
    ShareBucket,
    number
  >;
  for (const tier of TIERS) inBucket[shareBucketOf(tier)] += resolvedByTier[tier];
  const shares = Object.fromEntries(
    SHARE_BUCKETS.map((bucket) => [bucket, resolved === 0 ? 0 : inBucket[bucket] / resolved]),
  ) as Record<ShareBucket, number>;
  return {
    reported,
    resolved,
    rejected,
    open: reported - resolved - rejected,
    resolvedByTier,
    shares,
    target: TARGET_721,
  };
};

/**
 * Replays every `problem-` stream through the Problem decider's `evolve`, checking each event against the
 * state before it (see the lifecycle above) and that it names the problem of its stream. Keeps one folded
 * state per problem, from which it also counts the 721 figures. An event the lifecycle allows is decided again
 * (see {@link replayDecision}): who recorded it, when, and with what data.
 */
export const problemCheck = (aggregate: ProblemAggregate = problemAggregate): AuditCheck => {
  const states = new Map<string, ProblemState>();
  const { evolve, initialState } = aggregate.decider;
  return {
    name: 'problem lifecycle',
    observe(audited: AuditedEvent, report: ReportViolation): void {
      const { streamId } = audited.recorded;
      if (!streamId.startsWith(PREFIX) || !aggregate.events.has(audited.type)) return;
      const event = { type: audited.type, data: audited.data } as ProblemEvent;
      const tracked = trackingReport(report);
      if (problemStream(event.data.problemId) !== streamId) {
        tracked.report('wrong-stream', `${event.type} of problem ${event.data.problemId} in ${streamId}`);
      }
      const before = states.get(streamId) ?? initialState;
      checkTransition(before, event, tracked.report);
      if (!tracked.found()) replayDecision(aggregate, before, audited, report);
      states.set(streamId, finalState(evolve(before, event)));
    },
    figures: () => ({ problems: problemFigures(states.values()) }),
  };
};
