import type { ProblemCommandInput } from '../../domain/problem/commands.js';
import type { ProblemRejectionReason, ReportChannel } from '../../domain/problem/events.js';
import { DEFAULT_ROUTING, routeFor } from '../../domain/problem/routing.js';
import type { Actor } from '../../domain/shared/actors.js';
import type { CommandContextInput } from '../../domain/shared/context.js';
import { nextTier, tierRank, type Tier } from '../../domain/shared/tiers.js';
import type { UnitPath } from '../../domain/shared/units.js';
import { staffFor } from './problem-actors.js';

/** One command with the context it is sent in, ready for `CommandHandler.handle` or `spec().when`. */
export interface ProblemStep {
  readonly command: ProblemCommandInput;
  readonly context: CommandContextInput;
}

/** How the last resolution cycle of a lifecycle ends. */
export type LifecycleEnding = 'open' | 'resolved' | 'closed' | 'rejected';

/** One round of handling: climb some rungs, then (unless it is the last round and stays open) resolve. */
export interface ResolutionCycle {
  /** Escalations wanted in this cycle (capped by the rungs left above the current tier). */
  readonly escalations: number;
  /** The reporter's rating; every cycle but the last one ends unsatisfied and is reopened. */
  readonly rating?: { readonly satisfied: boolean; readonly score: number };
  /** Whether the reporter (rather than the staff) reopens an unsatisfying resolution. */
  readonly reopenedByReporter: boolean;
}

/**
 * The choices behind one problem's lifecycle. {@link buildProblemLifecycle} turns it into commands; keeping
 * the choices apart from the commands lets fast-check shrink a failing lifecycle to a short, readable one.
 */
export interface ProblemLifecyclePlan {
  readonly report: { readonly problemId: string; readonly path: UnitPath; readonly category: string };
  readonly description: string;
  readonly channel: ReportChannel;
  readonly media: readonly string[];
  readonly reporterId: string;
  readonly startAt: number;
  /** Hours between steps, used in turn. */
  readonly gapsHours: readonly number[];
  /** The tier triage picks, or undefined to take the routing table's. */
  readonly triageTier?: Tier;
  readonly cycles: readonly ResolutionCycle[];
  /** `rejected-at-triage` turns the problem away instead of triaging it (cycles are then ignored). */
  readonly ending: LifecycleEnding | 'rejected-at-triage';
  readonly rejection: { readonly reason: ProblemRejectionReason; readonly duplicateOf: string };
}

/** One problem's commands, in order, every one of which the default Problem aggregate accepts. */
export interface ProblemLifecycle {
  readonly problemId: string;
  readonly path: UnitPath;
  readonly reporterId: string;
  readonly steps: readonly ProblemStep[];
}

/**
 * Turns a plan into commands that the default Problem aggregate accepts one after the other: staff of the
 * right tier and place act, time moves forward, escalations climb one rung at a time and stop at the
 * department, an unsatisfied rating is reopened at the resolving tier before the next cycle.
 */
export const buildProblemLifecycle = (plan: ProblemLifecyclePlan): ProblemLifecycle => {
  const { problemId, path, category } = plan.report;
  const reporter: Actor = { id: plan.reporterId, role: 'resident', scope: [], organisations: [] };
  const steps: ProblemStep[] = [];
  let time = plan.startAt;
  const step = (command: ProblemCommandInput, by: Actor): void => {
    const context: CommandContextInput = {
      actor: by,
      now: new Date(time).toISOString(),
      commandId: `${problemId}.cmd-${steps.length}`,
      correlationId: `${problemId}.flow`,
    };
    steps.push({ command, context });
    time += (plan.gapsHours[steps.length % plan.gapsHours.length] ?? 1) * 3_600_000;
  };
  const reject = (by: Actor): void => {
    const { reason } = plan.rejection;
    const data =
      reason === 'duplicate'
        ? { problemId, reason, duplicateOf: plan.rejection.duplicateOf }
        : { problemId, reason };
    step({ type: 'RejectProblem', data }, by);
  };

  step(
    {
      type: 'ReportProblem',
      data: {
        problemId,
        path,
        category,
        description: plan.description,
        channel: plan.channel,
        media: [...plan.media],
      },
    },
    reporter,
  );
  const triager = staffFor('grid', path);
  if (plan.ending === 'rejected-at-triage') {
    reject(triager);
    return { problemId, path, reporterId: plan.reporterId, steps };
  }
  step(
    {
      type: 'TriageProblem',
      data: plan.triageTier === undefined ? { problemId } : { problemId, tier: plan.triageTier },
    },
    triager,
  );
  let tier = plan.triageTier ?? routeFor(DEFAULT_ROUTING, category).tier;
  plan.cycles.forEach((cycle, index) => {
    const last = index === plan.cycles.length - 1;
    const climbs = Math.min(cycle.escalations, tierRank('department') - tierRank(tier));
    for (let i = 0; i < climbs; i++) {
      step(
        { type: 'EscalateProblem', data: { problemId, reason: `beyond the ${tier} tier's powers` } },
        staffFor(tier, path),
      );
      tier = nextTier(tier) ?? tier;
    }
    if (last && plan.ending === 'open') return;
    if (last && plan.ending === 'rejected') {
      reject(staffFor(tier, path));
      return;
    }
    const holder = staffFor(tier, path);
    step({ type: 'ResolveProblem', data: { problemId, resolution: `handled at the ${tier} tier` } }, holder);
    if (!last) {
      const score = Math.min(cycle.rating?.score ?? 2, 3);
      step({ type: 'RateResolution', data: { problemId, satisfied: false, score } }, reporter);
      step(
        { type: 'ReopenProblem', data: { problemId, reason: 'still not fixed' } },
        cycle.reopenedByReporter ? reporter : holder,
      );
      return;
    }
    if (cycle.rating !== undefined) {
      step({ type: 'RateResolution', data: { problemId, ...cycle.rating } }, reporter);
    }
    if (plan.ending === 'closed') step({ type: 'CloseProblem', data: { problemId } }, holder);
  });
  return { problemId, path, reporterId: plan.reporterId, steps };
};

/**
 * The steps of several lifecycles in one timeline, ordered by `now` (ties keep lifecycle order), as a host
 * would have sent them. Each lifecycle's own order is kept, since its times only move forward.
 */
export const interleaveByTime = (lifecycles: readonly ProblemLifecycle[]): ProblemStep[] =>
  lifecycles
    .flatMap((lifecycle, l) => lifecycle.steps.map((step, s) => ({ step, l, s })))
    .sort((a, b) => Date.parse(a.step.context.now) - Date.parse(b.step.context.now) || a.l - b.l || a.s - b.s)
    .map(({ step }) => step);
