import fc from 'fast-check';
import type { ProblemCommandInput } from '../../domain/problem/commands.js';
import {
  PROBLEM_PRIORITIES,
  PROBLEM_REJECTION_REASONS,
  REPORT_CHANNELS,
  type ProblemEvent,
  type ReportChannel,
} from '../../domain/problem/events.js';
import { categoriesByTier, DEFAULT_ROUTING } from '../../domain/problem/routing.js';
import { DEFAULT_RESPONSIBILITY } from '../../domain/problem/responsibility-routes.js';
import type { Actor } from '../../domain/shared/actors.js';
import { TIERS, nextTier, type Tier } from '../../domain/shared/tiers.js';
import type { UnitPath } from '../../domain/shared/units.js';
import { problemActorsAround } from '../scenarios/problem-actors.js';
import {
  buildProblemLifecycle,
  type LifecycleEnding,
  type ProblemLifecycle,
  type ProblemLifecyclePlan,
  type ResolutionCycle,
} from '../scenarios/problem-lifecycle.js';

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
const filedCategories = [
  ...defaultCategories.street,
  ...Object.keys(DEFAULT_RESPONSIBILITY.routes).filter(
    (category) => DEFAULT_RESPONSIBILITY.routes[category]?.fileWithStreet === true,
  ),
];

/**
 * A category, weighted so that triage sends most problems to the grid, and, after escalations, resolutions
 * come out near Changzhou's 721 (70% grid, 20% community, 10% higher); now and then a category the routing
 * table does not know.
 */
export const problemCategoryArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 17, arbitrary: fc.constantFrom(...defaultCategories.grid) },
  { weight: 3, arbitrary: fc.constantFrom(...defaultCategories.community) },
  // The default table triages nothing to the street (the community files its property matters there), so
  // the street's weight goes to the categories the community keeps and files with it.
  { weight: 1, arbitrary: fc.constantFrom(...filedCategories) },
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

/** One of {@link problemActorsAround}. */
export const problemActorArbitrary = (path: UnitPath, reporterId: string): fc.Arbitrary<Actor> =>
  fc.constantFrom(...problemActorsAround(path, reporterId));

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
