/**
 * Real governance histories for the audit tests: problems, tasks and points driven through the
 * CommandHandler and the four aggregates, with interleaved streams, so that the audit sees what production
 * would record. Every command must succeed: a rejection here means the scenario drifted from the deciders.
 */
import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import type { AnyAggregate } from '../../../src/commands/aggregate.js';
import { CommandHandler, type CommandResult } from '../../../src/commands/command-handler.js';
import { awardPointsFor } from '../../../src/commands/points-policy.js';
import { neighbourhoodAggregate } from '../../../src/domain/neighbourhood/aggregate.js';
import { residentPointsAggregate } from '../../../src/domain/points/aggregate.js';
import { problemAggregate } from '../../../src/domain/problem/aggregate.js';
import type { Role } from '../../../src/domain/shared/actors.js';
import type { DomainError } from '../../../src/domain/shared/errors.js';
import { TIERS, type Tier } from '../../../src/domain/shared/tiers.js';
import { taskAggregate } from '../../../src/domain/task/aggregate.js';
import type { TaskEventOf } from '../../../src/domain/task/events.js';
import { InMemoryEventStore } from '../../../src/store/memory.js';

/** How one problem's story goes. */
export interface ProblemStory {
  /** The tier triage hands it to. */
  readonly triagedAt: Tier;
  /** Escalations before the outcome (capped at the top of the ladder). */
  readonly escalations: number;
  readonly outcome: 'resolved' | 'rejected' | 'open';
  /** After a resolution: the reporter is unhappy and it is reopened and resolved again. */
  readonly reopened: boolean;
  readonly closed: boolean;
}

/** How one claimant's part of a task goes. */
export type ClaimStory = 'verified' | 'rejected-then-verified' | 'released' | 'pending';

/** How one task's story goes. */
export interface TaskStory {
  readonly claims: readonly ClaimStory[];
  /** Extra free slots beyond the claims. */
  readonly spareSlots: number;
  readonly cancelled: boolean;
  /** Each paid resident redeems part of their balance afterwards. */
  readonly redeem: boolean;
}

/** A whole scenario: stories, and the order in which their steps interleave. */
export interface GovernancePlan {
  readonly problems: readonly ProblemStory[];
  readonly tasks: readonly TaskStory[];
  /** Scheduler choices: each picks, modulo the live stories, which story takes its next step. */
  readonly schedule: readonly number[];
}

const problemStoryArb: fc.Arbitrary<ProblemStory> = fc.record({
  triagedAt: fc.constantFrom<Tier>('grid', 'grid', 'grid', 'community', 'street'),
  escalations: fc.nat({ max: 3 }),
  outcome: fc.constantFrom<ProblemStory['outcome']>('resolved', 'resolved', 'resolved', 'rejected', 'open'),
  reopened: fc.boolean(),
  closed: fc.boolean(),
});

const taskStoryArb: fc.Arbitrary<TaskStory> = fc.record({
  claims: fc.array(
    fc.constantFrom<ClaimStory>('verified', 'verified', 'rejected-then-verified', 'released', 'pending'),
    { minLength: 1, maxLength: 3 },
  ),
  spareSlots: fc.nat({ max: 1 }),
  cancelled: fc.boolean(),
  redeem: fc.boolean(),
});

/** Arbitrary governance scenarios, small enough to run by the dozen. */
export const governancePlanArb: fc.Arbitrary<GovernancePlan> = fc.record({
  problems: fc.array(problemStoryArb, { minLength: 1, maxLength: 4 }),
  tasks: fc.array(taskStoryArb, { minLength: 1, maxLength: 3 }),
  schedule: fc.array(fc.nat(), { maxLength: 60 }),
});

/** A fixed scenario touching every kind of event, for example tests. */
export const samplePlan: GovernancePlan = {
  problems: [
    { triagedAt: 'grid', escalations: 0, outcome: 'resolved', reopened: false, closed: true },
    { triagedAt: 'grid', escalations: 1, outcome: 'resolved', reopened: true, closed: false },
    { triagedAt: 'community', escalations: 1, outcome: 'resolved', reopened: false, closed: true },
    { triagedAt: 'grid', escalations: 0, outcome: 'rejected', reopened: false, closed: false },
    { triagedAt: 'grid', escalations: 0, outcome: 'open', reopened: false, closed: false },
  ],
  tasks: [
    { claims: ['verified', 'rejected-then-verified'], spareSlots: 0, cancelled: false, redeem: true },
    { claims: ['released', 'pending'], spareSlots: 1, cancelled: true, redeem: false },
  ],
  schedule: [0, 1, 2, 3, 4, 5, 6, 0, 2, 5, 1, 6, 3, 3, 2, 1, 0],
};

/** Where the scenario happens: one street, one community, one grid. */
export const PATH = { street: 'street-1', community: 'comm-1', grid: 'grid-1' } as const;

const STAFF: Record<Tier, { id: string; role: Role; scope: string[] }> = {
  grid: { id: 'gw-1', role: 'grid-worker', scope: [PATH.grid] },
  community: { id: 'cs-1', role: 'community-staff', scope: [PATH.community] },
  street: { id: 'so-1', role: 'street-official', scope: [PATH.street] },
  department: { id: 'dept-1', role: 'department', scope: [] },
};
const ADMIN = { id: 'admin-1', role: 'administrator' as const, scope: [PATH.community] };
const resident = (id: string): { id: string; role: Role; scope: string[] } => ({
  id,
  role: 'resident',
  scope: [],
});

const START = Date.parse('2026-03-01T08:00:00.000Z');
const DEADLINE = new Date(START + 90 * 24 * 3_600_000).toISOString();

type Step = () => Promise<void>;

/** Runs commands with a deterministic clock and command ids, failing loudly on any rejection. */
class Driver {
  private tick = 0;
  constructor(readonly handler: CommandHandler) {}

  /** Executes an award exactly as the points policy computed it (its own command id and clock). */
  async award(command: unknown, context: unknown): Promise<void> {
    const result = (await this.handler.handle(residentPointsAggregate, command, context)) as Either<
      DomainError,
      unknown
    >;
    if (isLeft(result)) throw new Error(`the award was rejected: ${result.left.code} ${result.left.message}`);
  }

  async run(
    aggregate: AnyAggregate,
    command: { type: string; data: unknown },
    actor: { id: string; role: Role; scope: string[] },
  ): Promise<CommandResult<{ type: string; data: unknown }>> {
    this.tick += 1;
    const context = {
      actor,
      now: new Date(START + this.tick * 60_000).toISOString(),
      commandId: `cmd-${this.tick}`,
    };
    const result = (await this.handler.handle(aggregate, command, context)) as Either<
      DomainError,
      CommandResult<{ type: string; data: unknown }>
    >;
    if (isLeft(result)) {
      throw new Error(`${command.type} was rejected: ${result.left.code} ${result.left.message}`);
    }
    return result.right;
  }
}

const problemSteps = (driver: Driver, index: number, story: ProblemStory): Step[] => {
  const problemId = `pr-${index}`;
  const reporter = resident(`res-p${index}`);
  const steps: Step[] = [];
  const run =
    (type: string, data: Record<string, unknown>, actor = STAFF.grid): Step =>
    async () => {
      await driver.run(problemAggregate, { type, data: { problemId, ...data } }, actor);
    };
  steps.push(
    run(
      'ReportProblem',
      { path: PATH, category: 'garbage-collection', description: 'bins overflowing', channel: 'app' },
      reporter,
    ),
  );
  steps.push(run('TriageProblem', { tier: story.triagedAt }, STAFF[story.triagedAt]));
  let tier = story.triagedAt;
  for (let i = 0; i < story.escalations && tier !== 'department'; i++) {
    const from = tier;
    steps.push(run('EscalateProblem', { reason: 'beyond this tier' }, STAFF[from]));
    tier = TIERS[TIERS.indexOf(from) + 1] as Tier;
  }
  const holder = STAFF[tier];
  if (story.outcome === 'rejected') {
    steps.push(run('RejectProblem', { reason: 'out-of-scope' }, holder));
    return steps;
  }
  if (story.outcome === 'open') return steps;
  steps.push(run('ResolveProblem', { resolution: 'done' }, holder));
  if (story.reopened) {
    steps.push(run('RateResolution', { satisfied: false, score: 2 }, reporter));
    steps.push(run('ReopenProblem', { reason: 'still overflowing' }, reporter));
    steps.push(run('ResolveProblem', { resolution: 'done properly' }, holder));
  }
  steps.push(run('RateResolution', { satisfied: true, score: 5 }, reporter));
  if (story.closed) steps.push(run('CloseProblem', {}, holder));
  return steps;
};

const taskSteps = (driver: Driver, index: number, story: TaskStory): Step[] => {
  const taskId = `task-${index}`;
  const points = 10 + index;
  const steps: Step[] = [];
  const balances = new Map<string, number>();
  const task = (
    type: string,
    data: Record<string, unknown>,
    actor: { id: string; role: Role; scope: string[] },
  ) => driver.run(taskAggregate, { type, data: { taskId, ...data } }, actor);
  steps.push(async () => {
    await task(
      'PublishTask',
      {
        community: PATH.community,
        title: 'replace the stairwell bulb',
        difficulty: 'easy',
        points,
        slots: story.claims.length + story.spareSlots,
        deadline: DEADLINE,
      },
      ADMIN,
    );
  });
  story.claims.forEach((claim, c) => {
    const who = resident(`res-t${index}-${c}`);
    const proof = { proof: [{ kind: 'photo', ref: `media:${taskId}-${c}` }] };
    steps.push(async () => void (await task('ClaimTask', {}, who)));
    if (claim === 'released') {
      steps.push(async () => void (await task('ReleaseClaim', {}, who)));
      return;
    }
    if (claim === 'pending') return;
    steps.push(async () => void (await task('SubmitProof', proof, who)));
    if (claim === 'rejected-then-verified') {
      steps.push(
        async () => void (await task('RejectProof', { residentId: who.id, reason: 'blurry photo' }, ADMIN)),
      );
      steps.push(async () => void (await task('SubmitProof', proof, who)));
    }
    steps.push(async () => {
      const verified = await task('VerifyTask', { residentId: who.id }, ADMIN);
      const event = verified.events[0]!;
      // Paid as production pays it: the points policy's award for the recorded TaskVerified.
      const award = awardPointsFor({
        type: 'TaskVerified',
        data: event.data as TaskEventOf<'TaskVerified'>['data'],
        metadata: event.metadata,
      });
      await driver.award(award.command, award.context);
      balances.set(who.id, points);
    });
    if (story.redeem) {
      steps.push(async () => {
        const balance = balances.get(who.id) ?? 0;
        if (balance === 0) return;
        const spend = Math.max(1, Math.floor(balance / 2));
        await driver.run(
          residentPointsAggregate,
          {
            type: 'RedeemPoints',
            data: {
              residentId: who.id,
              community: PATH.community,
              redemptionId: `red-${taskId}-${c}`,
              items: [{ sku: 'rice-10kg', name: 'rice-10kg', quantity: 1, points: spend }],
              total: spend,
            },
          },
          who,
        );
        await driver.run(
          residentPointsAggregate,
          {
            type: 'AdjustPoints',
            data: {
              residentId: who.id,
              community: PATH.community,
              adjustmentId: `adj-${taskId}-${c}`,
              delta: 3,
              reason: 'bonus for a tidy job',
            },
          },
          ADMIN,
        );
      });
    }
  });
  if (story.cancelled) {
    steps.push(async () => {
      // A task whose every slot is verified is done and can no longer be cancelled.
      const verified = story.claims.filter((c) => c === 'verified' || c === 'rejected-then-verified').length;
      if (verified < story.claims.length + story.spareSlots) {
        await task('CancelTask', { reason: 'no longer needed' }, ADMIN);
      }
    });
  }
  return steps;
};

/**
 * Plays a scenario into a fresh in-memory store through the CommandHandler and returns the store. Stories
 * advance one step at a time in the order the schedule picks, so streams interleave in the global log.
 */
export const buildGovernanceHistory = async (plan: GovernancePlan): Promise<InMemoryEventStore> => {
  const store = new InMemoryEventStore();
  const driver = new Driver(new CommandHandler(store));
  await driver.run(
    neighbourhoodAggregate,
    {
      type: 'EstablishNeighbourhood',
      data: { neighbourhoodId: PATH.community, streetId: PATH.street, name: 'Bairuijing' },
    },
    STAFF.street,
  );
  await driver.run(
    neighbourhoodAggregate,
    {
      type: 'AddUnit',
      data: { neighbourhoodId: PATH.community, unitId: PATH.grid, level: 'grid', parentId: PATH.community },
    },
    STAFF.street,
  );
  const stories = [
    ...plan.problems.map((story, i) => problemSteps(driver, i, story)),
    ...plan.tasks.map((story, i) => taskSteps(driver, i, story)),
  ];
  let pick = 0;
  const live = (): Step[][] => stories.filter((steps) => steps.length > 0);
  for (let turn = 0; live().length > 0; turn++) {
    const candidates = live();
    pick = turn < plan.schedule.length ? (plan.schedule[turn] ?? 0) : pick + 1;
    const steps = candidates[pick % candidates.length]!;
    await steps.shift()!();
  }
  return store;
};
