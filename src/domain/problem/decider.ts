import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import type { CommandContext } from '../shared/context.js';
import type { Decider } from '../shared/decider.js';
import { domainError, type DomainError, type ErrorCode } from '../shared/errors.js';
import { nextTier, type Tier } from '../shared/tiers.js';
import { isAfter } from '../shared/time.js';
import type { ProblemCommand, ProblemCommandOf } from './commands.js';
import type { ProblemEvent } from './events.js';
import { DEFAULT_DELIBERATION_DAY, DeliberationDaySchema } from '../meeting/calendar.js';
import { decideDeliberation, isDeliberationCommand } from './deliberation.js';
import { mayActForTier, mayTriage } from './permissions.js';
import { DEFAULT_ROUTING, defaultDueBy, routeFor, type RoutingTable } from './routing.js';
import { createResponsibilityDecider } from './responsibility.js';
import type { ResponsibilityTable } from './responsibility-routes.js';
import {
  evolveProblem,
  initialProblemState,
  isProblemFinal,
  type ProblemState,
  type ReportedProblem,
} from './state.js';

/** What a problem decider can be configured with. */
export interface ProblemDeciderConfig {
  /** Triage defaults and due times; {@link DEFAULT_ROUTING} unless given. */
  readonly routing?: RoutingTable;
  /** The day of each month that is deliberation day (Shanghai); {@link DEFAULT_DELIBERATION_DAY} unless given. */
  readonly deliberationDay?: number;
  /** Who answers for each category by default; `DEFAULT_RESPONSIBILITY` unless given. */
  readonly responsibility?: ResponsibilityTable;
}

/** The Problem decider: its state, how events change it, and which events each command produces. */
export type ProblemDecider = Decider<ProblemCommand, ProblemEvent, ProblemState>;

type Decision = Either<DomainError, readonly ProblemEvent[]>;

const refuse = (code: ErrorCode, message: string, details?: unknown): Decision =>
  left(domainError(code, message, details));

const emit = (...events: ProblemEvent[]): Decision => right(events);

/**
 * Builds the Problem decider. Every rejection is checked in the same order, so a caller can rely on which
 * code wins: existence (`already-exists`, `not-found`), then the lifecycle (`invalid-transition`), then who
 * acts (`forbidden`), then the command's content against the state (`invalid-escalation`, a `dueBy` not after
 * `now` as `invalid-command`).
 */
export const createProblemDecider = (config: ProblemDeciderConfig = {}): ProblemDecider => {
  const routing = config.routing ?? DEFAULT_ROUTING;
  const deliberationDay = DeliberationDaySchema.parse(config.deliberationDay ?? DEFAULT_DELIBERATION_DAY);
  const decideResponsibility = createResponsibilityDecider(config.responsibility);

  const deadline = (
    given: string | undefined,
    tier: Tier,
    context: CommandContext,
  ): Either<DomainError, string> => {
    if (given === undefined) return right(defaultDueBy(routing, tier, context.now));
    if (!isAfter(given, context.now)) {
      return left(
        domainError('invalid-command', `dueBy ${given} is not after now (${context.now})`, { dueBy: given }),
      );
    }
    return right(given);
  };

  const triage = (
    state: ReportedProblem,
    { data }: ProblemCommandOf<'TriageProblem'>,
    context: CommandContext,
  ): Decision => {
    if (state.status !== 'reported') {
      return refuse('invalid-transition', 'the problem was already triaged; escalate it instead');
    }
    if (!mayTriage(context.actor, state.path)) {
      return refuse('forbidden', 'only staff answering for the place may triage this problem');
    }
    const category = data.category ?? state.category;
    const route = routeFor(routing, category);
    const tier = data.tier ?? route.tier;
    const dueBy = deadline(data.dueBy, tier, context);
    if (isLeft(dueBy)) return dueBy;
    const priority = data.priority ?? route.priority;
    return emit({
      type: 'ProblemTriaged',
      data: { problemId: data.problemId, category, tier, priority, dueBy: dueBy.right },
    });
  };

  const escalate = (
    state: ReportedProblem,
    { data }: ProblemCommandOf<'EscalateProblem'>,
    context: CommandContext,
  ): Decision => {
    const fromTier = state.tier;
    if (state.status !== 'triaged' || fromTier === undefined) {
      return refuse('invalid-transition', `a ${state.status} problem cannot be escalated`);
    }
    if (!mayActForTier(context.actor, fromTier, state.path)) {
      return refuse('forbidden', `only staff of the ${fromTier} tier or above may escalate this problem`);
    }
    const toTier = nextTier(fromTier);
    if (toTier === undefined) {
      return refuse('invalid-escalation', 'the department tier is the top of the ladder', { fromTier });
    }
    if (data.toTier !== undefined && data.toTier !== toTier) {
      return refuse('invalid-escalation', `from ${fromTier} a problem goes to ${toTier}, one step up`, {
        fromTier,
        requested: data.toTier,
        allowed: toTier,
      });
    }
    const dueBy = deadline(data.dueBy, toTier, context);
    if (isLeft(dueBy)) return dueBy;
    return emit({
      type: 'ProblemEscalated',
      data: { problemId: data.problemId, fromTier, toTier, reason: data.reason, dueBy: dueBy.right },
    });
  };

  const resolve = (
    state: ReportedProblem,
    { data }: ProblemCommandOf<'ResolveProblem'>,
    context: CommandContext,
  ): Decision => {
    const tier = state.tier;
    if (state.status !== 'triaged' || tier === undefined) {
      return refuse('invalid-transition', `a ${state.status} problem cannot be resolved`);
    }
    if (!mayActForTier(context.actor, tier, state.path)) {
      return refuse('forbidden', `only staff of the ${tier} tier or above may resolve this problem`);
    }
    return emit({
      type: 'ProblemResolved',
      data: { problemId: data.problemId, tier, resolution: data.resolution },
    });
  };

  const rate = (
    state: ReportedProblem,
    { data }: ProblemCommandOf<'RateResolution'>,
    context: CommandContext,
  ): Decision => {
    if (state.status !== 'resolved') {
      return refuse('invalid-transition', `a ${state.status} problem has no resolution to rate`);
    }
    if (state.rating !== undefined) {
      return refuse('invalid-transition', 'this resolution was already rated');
    }
    if (context.actor.id !== state.reporterId) {
      return refuse('forbidden', 'only the reporter rates the resolution');
    }
    return emit({
      type: 'ProblemRated',
      data: { problemId: data.problemId, satisfied: data.satisfied, score: data.score },
    });
  };

  const reopen = (
    state: ReportedProblem,
    { data }: ProblemCommandOf<'ReopenProblem'>,
    context: CommandContext,
  ): Decision => {
    const tier = state.resolvedTier;
    if (state.status !== 'resolved' || tier === undefined) {
      return refuse('invalid-transition', `a ${state.status} problem cannot be reopened`);
    }
    if (state.rating?.satisfied !== false) {
      return refuse('invalid-transition', 'only a resolution rated unsatisfactory can be reopened');
    }
    if (context.actor.id !== state.reporterId && !mayActForTier(context.actor, tier, state.path)) {
      return refuse('forbidden', `only the reporter or staff of the ${tier} tier or above may reopen it`);
    }
    const dueBy = deadline(data.dueBy, tier, context);
    if (isLeft(dueBy)) return dueBy;
    return emit({
      type: 'ProblemReopened',
      data: { problemId: data.problemId, tier, reason: data.reason, dueBy: dueBy.right },
    });
  };

  const close = (
    state: ReportedProblem,
    { data }: ProblemCommandOf<'CloseProblem'>,
    context: CommandContext,
  ): Decision => {
    const tier = state.resolvedTier;
    if (state.status !== 'resolved' || tier === undefined) {
      return refuse('invalid-transition', `a ${state.status} problem cannot be closed; resolve it first`);
    }
    if (!mayActForTier(context.actor, tier, state.path)) {
      return refuse('forbidden', `only staff of the ${tier} tier or above may close this problem`);
    }
    return emit({ type: 'ProblemClosed', data: { problemId: data.problemId } });
  };

  const reject = (
    state: ReportedProblem,
    { data }: ProblemCommandOf<'RejectProblem'>,
    context: CommandContext,
  ): Decision => {
    if (state.status !== 'reported' && state.status !== 'triaged') {
      return refuse('invalid-transition', `a ${state.status} problem can no longer be turned away`);
    }
    // Before triage whoever may triage decides; afterwards the tier holding the problem does, so that a grid
    // worker cannot throw out what the street has taken on.
    const allowed =
      state.tier === undefined
        ? mayTriage(context.actor, state.path)
        : mayActForTier(context.actor, state.tier, state.path);
    if (!allowed) return refuse('forbidden', 'only staff holding this problem may turn it away');
    return emit({
      type: 'ProblemRejected',
      data: {
        problemId: data.problemId,
        reason: data.reason,
        ...(data.duplicateOf === undefined ? {} : { duplicateOf: data.duplicateOf }),
        ...(data.note === undefined ? {} : { note: data.note }),
      },
    });
  };

  const decide = (command: ProblemCommand, state: ProblemState, context: CommandContext): Decision => {
    const { problemId } = command.data;
    if (command.type === 'ReportProblem') {
      if (state.status !== 'unreported') return refuse('already-exists', `problem ${problemId} exists`);
      const { path, category, description, channel, media } = command.data;
      return emit({
        type: 'ProblemReported',
        data: { problemId, path, category, description, reporterId: context.actor.id, channel, media },
      });
    }
    if (state.status === 'unreported' || state.problemId !== problemId) {
      return refuse('not-found', `problem ${problemId} was never reported`);
    }
    if (isProblemFinal(state)) return refuse('invalid-transition', `problem ${problemId} is ${state.status}`);
    if (isDeliberationCommand(command)) return decideDeliberation(deliberationDay, state, command, context);
    switch (command.type) {
      case 'TriageProblem':
        return triage(state, command, context);
      case 'EscalateProblem':
        return escalate(state, command, context);
      case 'ResolveProblem':
        return resolve(state, command, context);
      case 'RateResolution':
        return rate(state, command, context);
      case 'ReopenProblem':
        return reopen(state, command, context);
      case 'CloseProblem':
        return close(state, command, context);
      case 'RejectProblem':
        return reject(state, command, context);
      default:
        return decideResponsibility(state, command, context);
    }
  };

  return { initialState: initialProblemState, evolve: evolveProblem, decide };
};

/** The Problem decider with the default routing table. */
export const problemDecider: ProblemDecider = createProblemDecider();
