import fc from 'fast-check';
import type { ProblemCommandInput } from '../../domain/problem/commands.js';
import {
  PROBLEM_PRIORITIES,
  PROBLEM_REJECTION_REASONS,
  REPORT_CHANNELS,
  type ProblemEvent,
  type ProblemRejectionReason,
  type ReportChannel,
} from '../../domain/problem/events.js';
import { TIER_ROLES } from '../../domain/problem/permissions.js';
import { categoriesByTier, DEFAULT_ROUTING, routeFor } from '../../domain/problem/routing.js';
import type { Actor } from '../../domain/shared/actors.js';
import type { CommandContextInput } from '../../domain/shared/context.js';
import { TIERS, nextTier, tierRank, type Tier } from '../../domain/shared/tiers.js';
import type { UnitPath } from '../../domain/shared/units.js';

/** One command with the context it is sent in, ready for `CommandHandler.handle` or `spec().when`. */
export interface ProblemStep {
  readonly command: ProblemCommandInput;
  readonly context: CommandContextInput;
}

/** A problem id (`p-` and a short slug), safe in a stream name. */
export const problemIdArbitrary: fc.Arbitrary<string> = fc.stringMatching(/^p-[a-z0-9]{1,10}$/);

/**
 * A street / community / grid path over small pools (3 streets, 4 communities each, 5 grids each), so that
 * generated problems share places as real ones do. Child ids embed their parent's, so they never clash.
 */
export const unitPathArbitrary: fc.Arbitrary<UnitPath> = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }))
  .map(([s, c, g]) => ({ street: `st-${s}`, community: `st-${s}.cm-${c}`, grid: `st-${s}.cm-${c}.gd-${g}` }));

const defaultCategories = categoriesByTier(DEFAULT_ROUTING);

/**
 * A category, weighted so that triage sends most problems to the grid, and, after escalations, resolutions
 * come out near Changzhou's 721 (70% grid, 20% community, 10% higher); now and then a category the routing
 * table does not know.
 */
export const problemCategoryArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 17, arbitrary: fc.constantFrom(...defaultCategories.grid) },
  { weight: 3, arbitrary: fc.constantFrom(...defaultCategories.community) },
  { weight: 1, arbitrary: fc.constantFrom(...defaultCategories.street) },
  { weight: 1, arbitrary: fc.constantFrom(...defaultCategories.department) },
  { weight: 1, arbitrary: fc.constantFrom('pigeon-nuisance', 'constructor', 'lift-breakdown') },
);

/** How a problem came in. */
export const reportChannelArbitrary: fc.Arbitrary<ReportChannel> = fc.constantFrom(...REPORT_CHANNELS);

/** A rung of the ladder. */
export const tierArbitrary: fc.Arbitrary<Tier> = fc.constantFrom(...TIERS);

/** Descriptions as people write them, free of personal data. */
const SAMPLE_TEXTS = [
  'Manhole cover missing at the lane entrance',
  'Garbage not collected for three days',
  'Street light out near block 7',
  'Water from the tap is yellow',
  'Cars parked across the fire lane every night',
  'Loud renovation work after 22:00',
  '下水道堵了，污水漫到路面',
];

/** Problem text (description, reason, resolution): sample sentences or any non-blank trimmed string. */
export const problemTextArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SAMPLE_TEXTS) },
  {
    weight: 1,
    arbitrary: fc
      .string({ minLength: 1, maxLength: 200, unit: 'grapheme' })
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  },
);

/** Up to three media references, as ids or URLs of the host's media store. */
export const mediaArbitrary: fc.Arbitrary<string[]> = fc.array(
  fc.oneof(
    fc.stringMatching(/^media:[a-z0-9]{4,12}$/),
    fc.stringMatching(/^[a-z0-9]{4,12}$/).map((key) => `https://media.example.org/${key}.jpg`),
  ),
  { maxLength: 3 },
);

/** The data of a valid ReportProblem command. */
export const reportProblemDataArbitrary = fc.record({
  problemId: problemIdArbitrary,
  path: unitPathArbitrary,
  category: problemCategoryArbitrary,
  description: problemTextArbitrary,
  channel: reportChannelArbitrary,
  media: mediaArbitrary,
});

/** A valid ReportProblem command. */
export const reportProblemArbitrary: fc.Arbitrary<Extract<ProblemCommandInput, { type: 'ReportProblem' }>> =
  reportProblemDataArbitrary.map((data) => ({ type: 'ReportProblem', data }));

const actor = (id: string, role: Actor['role'], scope: readonly string[] = []): Actor => ({
  id,
  role,
  scope: [...scope],
  organisations: [],
});

/** The staff member of `tier` who answers for `path` (departments and their staff are city-wide). */
export const staffFor = (tier: Tier, path: UnitPath): Actor => {
  switch (tier) {
    case 'grid':
      return actor(`gw-${path.grid}`, TIER_ROLES.grid, [path.grid]);
    case 'community':
      return actor(`cs-${path.community}`, TIER_ROLES.community, [path.community]);
    case 'street':
      return actor(`so-${path.street}`, TIER_ROLES.street, [path.street]);
    case 'department':
      return actor('dept-works', TIER_ROLES.department);
  }
};

/**
 * Everyone who might send a command about a problem at `path`: its reporter, another resident, the staff of
 * every tier both for this place and for a neighbouring one, a department, and administrators with and
 * without scope. Most of them are refused most commands, which is what a model-based test wants.
 */
export const problemActorsAround = (path: UnitPath, reporterId: string): readonly Actor[] => {
  const elsewhere: UnitPath = {
    street: `${path.street}x`,
    community: `${path.community}x`,
    grid: `${path.grid}x`,
  };
  return [
    actor(reporterId, 'resident'),
    actor('r-neighbour', 'resident'),
    actor('rider-7', 'resident'),
    ...TIERS.map((tier) => staffFor(tier, path)),
    ...TIERS.filter((tier) => tier !== 'department').map((tier) => staffFor(tier, elsewhere)),
    actor('admin-city', 'administrator', ['*']),
    actor('admin-unscoped', 'administrator'),
    actor('admin-here', 'administrator', [path.community]),
    actor('admin-elsewhere', 'administrator', [elsewhere.street]),
    actor('system', 'system'),
  ];
};

/** One of {@link problemActorsAround}. */
export const problemActorArbitrary = (path: UnitPath, reporterId: string): fc.Arbitrary<Actor> =>
  fc.constantFrom(...problemActorsAround(path, reporterId));

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

const escalationsArbitrary = fc.oneof(
  { weight: 40, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.constant(1) },
  { weight: 1, arbitrary: fc.constant(2) },
  { weight: 1, arbitrary: fc.constant(3) },
);

const cycleArbitrary: fc.Arbitrary<ResolutionCycle> = fc.record(
  {
    escalations: escalationsArbitrary,
    rating: fc.record({ satisfied: fc.boolean(), score: fc.integer({ min: 1, max: 5 }) }),
    reopenedByReporter: fc.boolean(),
  },
  { requiredKeys: ['escalations', 'reopenedByReporter'] },
);

/** The choices of a realistic lifecycle: mostly solved in the grid, sometimes escalated, rated, reopened. */
export const problemLifecyclePlanArbitrary: fc.Arbitrary<ProblemLifecyclePlan> = fc.record(
  {
    report: fc.record({
      problemId: problemIdArbitrary,
      path: unitPathArbitrary,
      category: problemCategoryArbitrary,
    }),
    description: problemTextArbitrary,
    channel: reportChannelArbitrary,
    media: mediaArbitrary,
    reporterId: fc.stringMatching(/^(r|rider)-[a-z0-9]{1,6}$/),
    startAt: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) }),
    gapsHours: fc.array(fc.integer({ min: 1, max: 96 }), { minLength: 1, maxLength: 6 }),
    // Usually the routing table's tier; sometimes triage overrides it.
    triageTier: fc.oneof(
      { weight: 12, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: tierArbitrary },
    ),
    // Most problems are resolved once; some are reopened once or twice.
    cycles: fc.oneof(
      { weight: 6, arbitrary: fc.array(cycleArbitrary, { minLength: 1, maxLength: 1 }) },
      { weight: 2, arbitrary: fc.array(cycleArbitrary, { minLength: 2, maxLength: 2 }) },
      { weight: 1, arbitrary: fc.array(cycleArbitrary, { minLength: 3, maxLength: 3 }) },
    ),
    ending: fc.oneof(
      { weight: 5, arbitrary: fc.constant<LifecycleEnding>('closed') },
      { weight: 2, arbitrary: fc.constantFrom<LifecycleEnding>('open', 'resolved') },
      {
        weight: 1,
        arbitrary: fc.constantFrom<LifecycleEnding | 'rejected-at-triage'>('rejected', 'rejected-at-triage'),
      },
    ),
    rejection: fc.record({
      reason: fc.constantFrom(...PROBLEM_REJECTION_REASONS),
      duplicateOf: problemIdArbitrary.map((id) => `${id}-original`),
    }),
  },
  {
    requiredKeys: [
      'report',
      'description',
      'channel',
      'media',
      'reporterId',
      'startAt',
      'gapsHours',
      'triageTier',
      'cycles',
      'ending',
      'rejection',
    ],
  },
);

/**
 * Turns a plan into commands that the default Problem aggregate accepts one after the other: staff of the
 * right tier and place act, time moves forward, escalations climb one rung at a time and stop at the
 * department, an unsatisfied rating is reopened at the resolving tier before the next cycle.
 */
export const buildProblemLifecycle = (plan: ProblemLifecyclePlan): ProblemLifecycle => {
  const { problemId, path, category } = plan.report;
  const reporter = actor(plan.reporterId, 'resident');
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

/** One problem's valid lifecycle (see {@link buildProblemLifecycle}). */
export const problemLifecycleArbitrary: fc.Arbitrary<ProblemLifecycle> =
  problemLifecyclePlanArbitrary.map(buildProblemLifecycle);

/** Several problems' lifecycles with distinct problem ids, for projections over many problems. */
export const problemLifecyclesArbitrary = (
  constraints: { readonly minLength?: number; readonly maxLength?: number } = {},
): fc.Arbitrary<ProblemLifecycle[]> =>
  fc
    .uniqueArray(problemLifecyclePlanArbitrary, {
      selector: (plan) => plan.report.problemId,
      minLength: constraints.minLength ?? 1,
      maxLength: constraints.maxLength ?? 8,
    })
    .map((plans) => plans.map(buildProblemLifecycle));

/**
 * The steps of several lifecycles in one timeline, ordered by `now` (ties keep lifecycle order), as a host
 * would have sent them. Each lifecycle's own order is kept, since its times only move forward.
 */
export const interleaveByTime = (lifecycles: readonly ProblemLifecycle[]): ProblemStep[] =>
  lifecycles
    .flatMap((lifecycle, l) => lifecycle.steps.map((step, s) => ({ step, l, s })))
    .sort((a, b) => Date.parse(a.step.context.now) - Date.parse(b.step.context.now) || a.l - b.l || a.s - b.s)
    .map(({ step }) => step);

const instantArbitrary = fc
  .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) })
  .map((ms) => new Date(ms).toISOString());

/**
 * Any single valid problem event, in no particular order relative to others: for checking that folds and
 * projections are total (never throw) whatever a store hands them.
 */
export const problemEventArbitrary = (
  problemId: fc.Arbitrary<string> = problemIdArbitrary,
): fc.Arbitrary<ProblemEvent> =>
  fc.oneof(
    reportProblemDataArbitrary.chain((data) =>
      fc
        .record({ problemId, reporterId: fc.stringMatching(/^r-[a-z0-9]{1,6}$/) })
        .map((ids): ProblemEvent => ({ type: 'ProblemReported', data: { ...data, ...ids } })),
    ),
    fc
      .record({
        problemId,
        category: problemCategoryArbitrary,
        tier: tierArbitrary,
        priority: fc.constantFrom(...PROBLEM_PRIORITIES),
        dueBy: instantArbitrary,
      })
      .map((data): ProblemEvent => ({ type: 'ProblemTriaged', data })),
    fc
      .record({ problemId, fromTier: tierArbitrary, reason: problemTextArbitrary, dueBy: instantArbitrary })
      .filter(({ fromTier }) => fromTier !== 'department')
      .map(({ fromTier, ...rest }): ProblemEvent => ({
        type: 'ProblemEscalated',
        data: { ...rest, fromTier, toTier: nextTier(fromTier) ?? 'department' },
      })),
    fc
      .record({ problemId, tier: tierArbitrary, resolution: problemTextArbitrary })
      .map((data): ProblemEvent => ({ type: 'ProblemResolved', data })),
    fc
      .record({ problemId, satisfied: fc.boolean(), score: fc.integer({ min: 1, max: 5 }) })
      .map((data): ProblemEvent => ({ type: 'ProblemRated', data })),
    fc
      .record({ problemId, tier: tierArbitrary, reason: problemTextArbitrary, dueBy: instantArbitrary })
      .map((data): ProblemEvent => ({ type: 'ProblemReopened', data })),
    fc.record({ problemId }).map((data): ProblemEvent => ({ type: 'ProblemClosed', data })),
    fc
      .record({ problemId, reason: fc.constantFrom(...PROBLEM_REJECTION_REASONS) })
      .map(({ problemId: id, reason }): ProblemEvent => ({
        type: 'ProblemRejected',
        data:
          reason === 'duplicate'
            ? { problemId: id, reason, duplicateOf: `${id}-original` }
            : { problemId: id, reason },
      })),
  );
