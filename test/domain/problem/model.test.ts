/**
 * Model-based test of the Problem aggregate through the real CommandHandler and InMemoryEventStore. Random
 * command sequences are sent by random actors (reporters, staff of this place and of others, departments,
 * administrators), so many are refused. An independent model predicts every outcome: the events an accepted
 * command records, or the code of a refusal; and after each command the recorded history is checked for the
 * ladder's invariants and folded by the real decider into exactly the model's state.
 */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { CommandHandler } from '../../../src/commands/command-handler.js';
import { problemAggregate } from '../../../src/domain/problem/aggregate.js';
import type { ProblemCommandInput } from '../../../src/domain/problem/commands.js';
import type { ProblemEvent, ProblemPriority, ReportChannel } from '../../../src/domain/problem/events.js';
import type { ProblemState } from '../../../src/domain/problem/state.js';
import type { Actor, Role } from '../../../src/domain/shared/actors.js';
import { fold } from '../../../src/domain/shared/decider.js';
import type { ErrorCode } from '../../../src/domain/shared/errors.js';
import { problemStream } from '../../../src/domain/shared/ids.js';
import type { Tier } from '../../../src/domain/shared/tiers.js';
import type { UnitPath } from '../../../src/domain/shared/units.js';
import type { RecordedEvent } from '../../../src/store/event-store.js';
import { InMemoryEventStore } from '../../../src/store/memory.js';
import { problemActorsAround, staffFor } from '../../../src/testing/scenarios/problem-actors.js';
import { collect } from '../../store/contract.js';

const PROBLEM_ID = 'p-model';
const STREAM = problemStream(PROBLEM_ID);
const PATH: UnitPath = { street: 'st-1', community: 'st-1.cm-1', grid: 'st-1.cm-1.gd-1' };
const REPORTER = 'r-reporter';
const START = Date.UTC(2026, 2, 1, 8);
const HOUR = 3_600_000;

// The model's own knowledge, written out rather than taken from the library under test.
const LADDER: readonly Tier[] = ['grid', 'community', 'street', 'department'];
const rank = (tier: Tier): number => LADDER.indexOf(tier);
const DUE_HOURS: Record<Tier, number> = { grid: 24, community: 72, street: 168, department: 720 };
const ROUTES: Record<string, { tier: Tier; priority: ProblemPriority }> = {
  'garbage-collection': { tier: 'grid', priority: 'normal' },
  'missing-manhole-cover': { tier: 'grid', priority: 'urgent' },
  pension: { tier: 'community', priority: 'normal' },
  'fire-lane-obstruction': { tier: 'community', priority: 'high' }, // kept and filed with the street (S4 L37)
  'river-works': { tier: 'department', priority: 'normal' },
  'pigeon-nuisance': { tier: 'grid', priority: 'normal' }, // unknown to the table: the grid fallback
};
const STAFF_RANK: Partial<Record<Role, number>> = {
  'grid-worker': 0,
  'community-staff': 1,
  'street-official': 2,
  department: 3,
};
const reaches = (a: Actor): boolean =>
  a.role === 'department' ||
  a.scope.some(
    (unit) => unit === '*' || unit === PATH.street || unit === PATH.community || unit === PATH.grid,
  );
const actsFor = (a: Actor, tier: Tier): boolean =>
  reaches(a) && (a.role === 'administrator' || (STAFF_RANK[a.role] ?? -1) >= rank(tier));
const triages = (a: Actor): boolean =>
  reaches(a) && ['grid-worker', 'community-staff', 'street-official', 'administrator'].includes(a.role);

type Intent =
  | { kind: 'report'; category: string; channel: ReportChannel }
  | { kind: 'triage'; tier?: Tier; category?: string; priority?: ProblemPriority; dueIn?: number }
  | { kind: 'escalate'; toTier?: Tier; dueIn?: number }
  | { kind: 'resolve' }
  | { kind: 'rate'; satisfied: boolean; score: number }
  | { kind: 'reopen'; dueIn?: number }
  | { kind: 'close' }
  | { kind: 'reject'; reason: 'duplicate' | 'out-of-scope' | 'invalid'; duplicateOf?: string };

type Outcome = { code: ErrorCode } | { events: ProblemEvent[]; next: ProblemState };

const at = (now: string, hours: number): string => new Date(Date.parse(now) + hours * HOUR).toISOString();
const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

const toCommand = (intent: Intent, now: string): ProblemCommandInput => {
  const problemId = PROBLEM_ID;
  const dueBy = 'dueIn' in intent && intent.dueIn !== undefined ? at(now, intent.dueIn) : undefined;
  switch (intent.kind) {
    case 'report':
      return {
        type: 'ReportProblem',
        data: {
          problemId,
          path: PATH,
          category: intent.category,
          description: 'seen it',
          channel: intent.channel,
        },
      };
    case 'triage':
      return {
        type: 'TriageProblem',
        data: defined({
          problemId,
          tier: intent.tier,
          category: intent.category,
          priority: intent.priority,
          dueBy,
        }),
      };
    case 'escalate':
      return {
        type: 'EscalateProblem',
        data: defined({ problemId, reason: 'too big', toTier: intent.toTier, dueBy }),
      };
    case 'resolve':
      return { type: 'ResolveProblem', data: { problemId, resolution: 'fixed' } };
    case 'rate':
      return {
        type: 'RateResolution',
        data: { problemId, satisfied: intent.satisfied, score: intent.score },
      };
    case 'reopen':
      return { type: 'ReopenProblem', data: defined({ problemId, reason: 'not fixed', dueBy }) };
    case 'close':
      return { type: 'CloseProblem', data: { problemId } };
    case 'reject':
      return {
        type: 'RejectProblem',
        data: defined({ problemId, reason: intent.reason, duplicateOf: intent.duplicateOf }),
      };
  }
};

/** What the aggregate must do with `intent` from `actor` at `now`, given the model's state. */
const predict = (s: ProblemState, intent: Intent, actor: Actor, now: string): Outcome => {
  const problemId = PROBLEM_ID;
  // The command's own shape is checked first, before any state is read.
  if (intent.kind === 'rate' && !(Number.isInteger(intent.score) && intent.score >= 1 && intent.score <= 5)) {
    return { code: 'invalid-command' };
  }
  if (
    intent.kind === 'reject' &&
    ((intent.reason === 'duplicate') !== (intent.duplicateOf !== undefined) ||
      intent.duplicateOf === problemId)
  ) {
    return { code: 'invalid-command' };
  }
  if (intent.kind === 'report') {
    if (s.status !== 'unreported') return { code: 'already-exists' };
    const { category, channel } = intent;
    return {
      events: [
        {
          type: 'ProblemReported',
          data: {
            problemId,
            path: PATH,
            category,
            description: 'seen it',
            reporterId: actor.id,
            channel,
            media: [],
          },
        },
      ],
      next: { status: 'reported', problemId, path: PATH, category, reporterId: actor.id },
    };
  }
  if (s.status === 'unreported') return { code: 'not-found' };
  if (s.status === 'closed' || s.status === 'rejected') return { code: 'invalid-transition' };
  const deadline = (dueIn: number | undefined, tier: Tier): string | undefined =>
    dueIn === undefined ? at(now, DUE_HOURS[tier]) : dueIn > 0 ? at(now, dueIn) : undefined;

  switch (intent.kind) {
    case 'triage': {
      if (s.status !== 'reported') return { code: 'invalid-transition' };
      if (!triages(actor)) return { code: 'forbidden' };
      const category = intent.category ?? s.category;
      const route = ROUTES[category] ?? { tier: 'grid', priority: 'normal' };
      const tier = intent.tier ?? route.tier;
      const priority = intent.priority ?? route.priority;
      const dueBy = deadline(intent.dueIn, tier);
      if (dueBy === undefined) return { code: 'invalid-command' };
      return {
        events: [{ type: 'ProblemTriaged', data: { problemId, category, tier, priority, dueBy } }],
        next: { ...s, status: 'triaged', category, tier, priority, dueBy },
      };
    }
    case 'escalate': {
      if (s.status !== 'triaged' || s.tier === undefined) return { code: 'invalid-transition' };
      const fromTier = s.tier;
      if (!actsFor(actor, fromTier)) return { code: 'forbidden' };
      const toTier = LADDER[rank(fromTier) + 1];
      if (toTier === undefined || (intent.toTier !== undefined && intent.toTier !== toTier)) {
        return { code: 'invalid-escalation' };
      }
      const dueBy = deadline(intent.dueIn, toTier);
      if (dueBy === undefined) return { code: 'invalid-command' };
      return {
        events: [
          { type: 'ProblemEscalated', data: { problemId, fromTier, toTier, reason: 'too big', dueBy } },
        ],
        next: { ...s, tier: toTier, dueBy },
      };
    }
    case 'resolve': {
      if (s.status !== 'triaged' || s.tier === undefined) return { code: 'invalid-transition' };
      if (!actsFor(actor, s.tier)) return { code: 'forbidden' };
      return {
        events: [{ type: 'ProblemResolved', data: { problemId, tier: s.tier, resolution: 'fixed' } }],
        next: { ...s, status: 'resolved', resolvedTier: s.tier },
      };
    }
    case 'rate': {
      if (s.status !== 'resolved' || s.rating !== undefined) return { code: 'invalid-transition' };
      if (actor.id !== s.reporterId) return { code: 'forbidden' };
      const { satisfied, score } = intent;
      return {
        events: [{ type: 'ProblemRated', data: { problemId, satisfied, score } }],
        next: { ...s, rating: { satisfied, score } },
      };
    }
    case 'reopen': {
      if (s.status !== 'resolved' || s.resolvedTier === undefined || s.rating?.satisfied !== false) {
        return { code: 'invalid-transition' };
      }
      const tier = s.resolvedTier;
      if (actor.id !== s.reporterId && !actsFor(actor, tier)) return { code: 'forbidden' };
      const dueBy = deadline(intent.dueIn, tier);
      if (dueBy === undefined) return { code: 'invalid-command' };
      const { problemId: id, path, category, reporterId, priority } = s;
      return {
        events: [{ type: 'ProblemReopened', data: { problemId, tier, reason: 'not fixed', dueBy } }],
        next: { status: 'triaged', problemId: id, path, category, reporterId, priority, tier, dueBy },
      };
    }
    case 'close': {
      if (s.status !== 'resolved' || s.resolvedTier === undefined) return { code: 'invalid-transition' };
      if (!actsFor(actor, s.resolvedTier)) return { code: 'forbidden' };
      return { events: [{ type: 'ProblemClosed', data: { problemId } }], next: { ...s, status: 'closed' } };
    }
    case 'reject': {
      if (s.status !== 'reported' && s.status !== 'triaged') return { code: 'invalid-transition' };
      if (!(s.tier === undefined ? triages(actor) : actsFor(actor, s.tier))) return { code: 'forbidden' };
      const data = defined({ problemId, reason: intent.reason, duplicateOf: intent.duplicateOf });
      return { events: [{ type: 'ProblemRejected', data }], next: { ...s, status: 'rejected' } };
    }
  }
};

/** The ladder, checked on the recorded history alone. */
const checkLadder = (history: readonly RecordedEvent[]): void => {
  let tier: Tier | undefined;
  let resolvedTier: Tier | undefined;
  for (const { type, data } of history as unknown as readonly ProblemEvent[]) {
    if (type === 'ProblemTriaged') {
      expect(tier, 'triaged twice').toBeUndefined();
      tier = data.tier;
    } else if (type === 'ProblemEscalated') {
      expect(data.fromTier).toBe(tier);
      expect(rank(data.toTier), `${data.fromTier} -> ${data.toTier}`).toBe(rank(data.fromTier) + 1);
      tier = data.toTier;
    } else if (type === 'ProblemResolved') {
      expect(data.tier).toBe(tier);
      resolvedTier = data.tier;
    } else if (type === 'ProblemReopened') {
      // A reopen puts the problem back where it was resolved, which is where it was held: never lower.
      expect(data.tier).toBe(resolvedTier);
      expect(data.tier).toBe(tier);
    }
  }
};

interface Model {
  state: ProblemState;
  clock: number;
  seq: number;
  /** Commands sent to a closed or rejected problem; a few prove it final, more would waste the run. */
  afterFinal: number;
}

const isFinal = (state: ProblemState): boolean => state.status === 'closed' || state.status === 'rejected';
interface Real {
  readonly handler: CommandHandler;
  readonly store: InMemoryEventStore;
}

/** How often each event type and refusal code came up across all runs. */
const seen = new Map<string, number>();
const note = (key: string): void => {
  seen.set(key, (seen.get(key) ?? 0) + 1);
};

const everyone = problemActorsAround(PATH, REPORTER);
const reporter = everyone[0]!;

/** One step of a run: an intent and who sends it, checked against the model's prediction. */
abstract class ProblemModelCommand implements fc.AsyncCommand<Model, Real> {
  private sent = '';

  /** The intent and sender, possibly depending on where the model stands. */
  protected abstract choose(model: Readonly<Model>): { intent: Intent; actor: Actor };

  check(model: Readonly<Model>): boolean {
    return !isFinal(model.state) || model.afterFinal < 3;
  }

  async run(model: Model, real: Real): Promise<void> {
    const { intent, actor } = this.choose(model);
    this.sent = `${intent.kind}(${JSON.stringify({ ...intent, kind: undefined })}) by ${actor.id}`;
    const now = new Date(model.clock).toISOString();
    model.clock += HOUR;
    model.seq += 1;
    if (isFinal(model.state)) model.afterFinal += 1;
    const context = { actor, now, commandId: `m-${model.seq}` };
    const before = await collect(real.store.readStream(STREAM));
    const expected = predict(model.state, intent, actor, now);
    const result = await real.handler.handle(problemAggregate, toCommand(intent, now), context);
    const after = await collect(real.store.readStream(STREAM));

    if ('code' in expected) {
      if (!isLeft(result)) throw new Error(`${this.sent}: expected ${expected.code}, got events`);
      expect(result.left.code, result.left.message).toBe(expected.code);
      expect(after).toEqual(before);
      note(expected.code);
    } else {
      if (isLeft(result)) throw new Error(`${this.sent}: expected events, got ${result.left.message}`);
      expect(result.right.events.map(({ type, data }) => ({ type, data }))).toEqual(expected.events);
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after).toHaveLength(before.length + expected.events.length);
      expect(result.right.revision).toBe(BigInt(after.length - 1));
      model.state = expected.next;
      for (const event of expected.events) note(event.type);
    }
    checkLadder(after);
    expect(fold(problemAggregate.decider, after as unknown as readonly ProblemEvent[])).toEqual(model.state);
  }

  toString(): string {
    return this.sent;
  }
}

/** A command drawn blind: whatever the state, this intent from this actor. */
class FixedCommand extends ProblemModelCommand {
  constructor(
    private readonly intent: Intent,
    private readonly actor: Actor,
  ) {
    super();
  }

  protected choose(): { intent: Intent; actor: Actor } {
    return { intent: this.intent, actor: this.actor };
  }
}

/** The choices of an {@link AdvanceCommand}, drawn up front so that fast-check can shrink them. */
interface AdvanceChoices {
  readonly escalate: boolean;
  readonly satisfied: boolean;
  readonly score: number;
  readonly reopen: boolean;
  /** Undefined: the person whose turn it is; otherwise this actor, who is often refused. */
  readonly sender: Actor | undefined;
}

/**
 * The natural next step for where the problem stands (triage, escalate or resolve, rate, reopen or close),
 * so that runs get through several resolution cycles and up the ladder instead of mostly being refused.
 */
class AdvanceCommand extends ProblemModelCommand {
  constructor(private readonly choices: AdvanceChoices) {
    super();
  }

  protected choose(model: Readonly<Model>): { intent: Intent; actor: Actor } {
    const { escalate, satisfied, score, reopen, sender } = this.choices;
    const s = model.state;
    const pick = (intent: Intent, rightful: Actor) => ({ intent, actor: sender ?? rightful });
    if (s.status === 'unreported')
      return pick({ kind: 'report', category: 'pension', channel: 'app' }, reporter);
    const theReporter: Actor = { id: s.reporterId, role: 'resident', scope: [], organisations: [] };
    const holder = staffFor(s.resolvedTier ?? s.tier ?? 'grid', PATH);
    switch (s.status) {
      case 'reported':
        return pick({ kind: 'triage' }, holder);
      case 'triaged':
        return pick(escalate ? { kind: 'escalate' } : { kind: 'resolve' }, holder);
      case 'resolved':
        if (s.rating === undefined) return pick({ kind: 'rate', satisfied, score }, theReporter);
        if (!s.rating.satisfied && reopen) return pick({ kind: 'reopen' }, satisfied ? holder : theReporter);
        return pick({ kind: 'close' }, holder);
      default:
        return pick({ kind: 'close' }, holder);
    }
  }
}

const staffHere = LADDER.map((tier) => staffFor(tier, PATH));
/** Mostly the staff of this place (who are allowed often), sometimes anyone (who are refused often). */
const staffArbitrary: fc.Arbitrary<Actor> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...staffHere) },
  { weight: 1, arbitrary: fc.constantFrom(...everyone) },
);
/** Mostly the usual reporter, sometimes anyone. */
const reporterArbitrary: fc.Arbitrary<Actor> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(reporter) },
  { weight: 1, arbitrary: fc.constantFrom(...everyone) },
);
const maybe = <T>(arbitrary: fc.Arbitrary<T>, weight = 1): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight, arbitrary });
const tier = fc.constantFrom(...LADDER);
const dueIn = maybe(fc.integer({ min: -2, max: 200 }));
const send = (intent: fc.Arbitrary<Intent>, actor: fc.Arbitrary<Actor>): fc.Arbitrary<ProblemModelCommand> =>
  fc.tuple(intent, actor).map(([i, a]) => new FixedCommand(i, a));
/** `fc.commands` draws its arbitraries uniformly: repeating one makes it more frequent. */
const times = <T>(n: number, arbitrary: T): T[] => Array.from({ length: n }, () => arbitrary);

const reportArbitrary = send(
  fc.record({
    kind: fc.constant('report' as const),
    category: fc.constantFrom(...Object.keys(ROUTES)),
    channel: fc.constantFrom<ReportChannel>('app', 'rider', 'hotline'),
  }),
  reporterArbitrary,
);
const triageArbitrary = send(
  fc.record({
    kind: fc.constant('triage' as const),
    tier: maybe(tier),
    category: maybe(fc.constantFrom(...Object.keys(ROUTES))),
    priority: maybe(fc.constantFrom<ProblemPriority>('low', 'urgent')),
    dueIn,
  }),
  staffArbitrary,
);
const escalateArbitrary = send(
  fc.record({ kind: fc.constant('escalate' as const), toTier: maybe(tier, 2), dueIn }),
  staffArbitrary,
);
const resolveArbitrary = send(fc.constant({ kind: 'resolve' as const }), staffArbitrary);
const rateArbitrary = send(
  fc.record({
    kind: fc.constant('rate' as const),
    satisfied: fc.boolean(),
    score: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 5 }) }, fc.constantFrom(0, 6, 2.5)),
  }),
  reporterArbitrary,
);
const reopenArbitrary = send(
  fc.record({ kind: fc.constant('reopen' as const), dueIn }),
  fc.oneof(reporterArbitrary, staffArbitrary),
);
const closeArbitrary = send(fc.constant({ kind: 'close' as const }), staffArbitrary);
const rejectArbitrary = send(
  fc
    .record({
      kind: fc.constant('reject' as const),
      reason: fc.constantFrom('duplicate' as const, 'out-of-scope' as const, 'invalid' as const),
      duplicateOf: maybe(fc.constantFrom('p-original', PROBLEM_ID), 3),
    })
    .map((intent) => defined(intent)),
  fc.oneof(staffArbitrary, reporterArbitrary),
);
const advanceArbitrary: fc.Arbitrary<ProblemModelCommand> = fc
  .record({
    escalate: fc.boolean(),
    satisfied: fc.boolean(),
    score: fc.integer({ min: 1, max: 5 }),
    reopen: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, fc.constant(false)),
    sender: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, fc.constantFrom(...everyone)),
  })
  .map((choices) => new AdvanceCommand(choices));
// Weighted so that lifecycles get far (several resolve/rate/reopen cycles) before a close or reject ends them.
const commandArbitraries = [
  reportArbitrary,
  ...times(2, triageArbitrary),
  ...times(3, escalateArbitrary),
  ...times(3, resolveArbitrary),
  ...times(3, rateArbitrary),
  ...times(3, reopenArbitrary),
  closeArbitrary,
  rejectArbitrary,
  ...times(8, advanceArbitrary),
];

describe('Problem aggregate, model-based', () => {
  it('behaves as the model says, keeps the ladder, and leaves refused commands without a trace', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Most runs start with a report, so that the lifecycle gets somewhere; the rest probe `not-found`.
        fc.option(reportArbitrary, { freq: 10, nil: undefined }),
        fc.commands(commandArbitraries, { maxCommands: 50, size: '+1' }),
        async (first, commands) => {
          const setup = (): { model: Model; real: Real } => {
            const store = new InMemoryEventStore();
            return {
              model: { state: { status: 'unreported' }, clock: START, seq: 0, afterFinal: 0 },
              real: { store, handler: new CommandHandler(store) },
            };
          };
          await fc.asyncModelRun(setup, first === undefined ? commands : [first, ...commands]);
        },
      ),
      { numRuns: 250 },
    );
    // Every kind of event and of refusal must have come up, or the property proved little.
    const wanted = [
      'ProblemReported',
      'ProblemTriaged',
      'ProblemEscalated',
      'ProblemResolved',
      'ProblemRated',
      'ProblemReopened',
      'ProblemClosed',
      'ProblemRejected',
      'not-found',
      'already-exists',
      'invalid-transition',
      'forbidden',
      'invalid-escalation',
      'invalid-command',
    ];
    expect(
      wanted.filter((key) => !seen.has(key)),
      JSON.stringify(Object.fromEntries(seen)),
    ).toEqual([]);
  });
});
