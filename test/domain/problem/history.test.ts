import fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { CommandHandler } from '../../../src/commands/command-handler.js';
import { problemAggregate } from '../../../src/domain/problem/aggregate.js';
import type { ProblemEvent } from '../../../src/domain/problem/events.js';
import { CommandContextSchema } from '../../../src/domain/shared/context.js';
import { fold } from '../../../src/domain/shared/decider.js';
import { tierRank, type Tier } from '../../../src/domain/shared/tiers.js';
import { InMemoryEventStore } from '../../../src/store/memory.js';
import {
  buildProblemLifecycle,
  interleaveByTime,
  type ProblemLifecycle,
} from '../../../src/testing/scenarios/problem-lifecycle.js';
import {
  problemEventArbitrary,
  problemLifecyclePlanArbitrary,
  problemLifecyclesArbitrary,
} from '../../../src/testing/arbitraries/problem.js';
import { readHistory } from './fixtures.js';

const decider = problemAggregate.decider;

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
};

/** Runs a lifecycle through a fresh handler and store, failing on the first refusal; returns its history. */
const record = async (lifecycle: ProblemLifecycle): Promise<ProblemEvent[]> => {
  const store = new InMemoryEventStore();
  const handler = new CommandHandler(store);
  for (const { command, context } of lifecycle.steps) {
    const result = await handler.handle(problemAggregate, command, context);
    if (isLeft(result))
      throw new Error(`${command.type} refused: ${result.left.code} ${result.left.message}`);
  }
  return readHistory(store, lifecycle.problemId);
};

const expectedStatus = {
  open: 'triaged',
  resolved: 'resolved',
  closed: 'closed',
  rejected: 'rejected',
  'rejected-at-triage': 'rejected',
} as const;

describe('problem lifecycle arbitraries', () => {
  it('produce lifecycles the aggregate accepts step by step, ending as planned', async () => {
    await fc.assert(
      fc.asyncProperty(problemLifecyclePlanArbitrary, async (plan) => {
        const lifecycle = buildProblemLifecycle(plan);
        const history = await record(lifecycle);
        expect(history).toHaveLength(lifecycle.steps.length);
        const state = fold(decider, history);
        expect(state.status).toBe(expectedStatus[plan.ending]);
        const resolutions = history.filter((e) => e.type === 'ProblemResolved').length;
        const reopenings = history.filter((e) => e.type === 'ProblemReopened').length;
        expect(reopenings).toBe(plan.ending === 'rejected-at-triage' ? 0 : plan.cycles.length - 1);
        expect(resolutions).toBe(
          reopenings + (plan.ending === 'resolved' || plan.ending === 'closed' ? 1 : 0),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('produce several problems whose steps, interleaved in time, are all accepted by one handler', async () => {
    await fc.assert(
      fc.asyncProperty(problemLifecyclesArbitrary({ maxLength: 6 }), async (lifecycles) => {
        const store = new InMemoryEventStore();
        const handler = new CommandHandler(store);
        const steps = interleaveByTime(lifecycles);
        expect(steps).toHaveLength(lifecycles.reduce((n, l) => n + l.steps.length, 0));
        for (let i = 1; i < steps.length; i++) {
          expect(Date.parse(steps[i]!.context.now)).toBeGreaterThanOrEqual(
            Date.parse(steps[i - 1]!.context.now),
          );
        }
        for (const { command, context } of steps) {
          const result = await handler.handle(problemAggregate, command, context);
          expect(isRight(result), isLeft(result) ? result.left.message : '').toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('climb the ladder one rung at a time and resolve at the tier holding the problem', async () => {
    await fc.assert(
      fc.asyncProperty(problemLifecyclePlanArbitrary, async (plan) => {
        let tier: Tier | undefined;
        for (const event of await record(buildProblemLifecycle(plan))) {
          if (event.type === 'ProblemTriaged') tier = event.data.tier;
          if (event.type === 'ProblemEscalated') {
            expect(event.data.fromTier).toBe(tier);
            expect(tierRank(event.data.toTier)).toBe(tierRank(event.data.fromTier) + 1);
            tier = event.data.toTier;
          }
          if (event.type === 'ProblemResolved' || event.type === 'ProblemReopened') {
            expect(event.data.tier).toBe(tier);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('same history in, same state out', () => {
  it('folds a recorded history to equal states, twice, from a JSON copy, and in two halves', async () => {
    await fc.assert(
      fc.asyncProperty(problemLifecyclePlanArbitrary, fc.nat(), async (plan, cut) => {
        const history = deepFreeze(await record(buildProblemLifecycle(plan)));
        const once = fold(decider, history);
        const twice = fold(decider, history);
        expect(twice).toStrictEqual(once);
        expect(fold(decider, JSON.parse(JSON.stringify(history)) as ProblemEvent[])).toStrictEqual(once);
        // The command handler folds incrementally from a cached state: that must equal folding from scratch.
        const at = cut % (history.length + 1);
        const half = fold(decider, history.slice(0, at));
        expect(history.slice(at).reduce(decider.evolve, half)).toStrictEqual(once);
      }),
      { numRuns: 100 },
    );
  });

  it('never throws on any sequence of valid events, and folds it deterministically', () => {
    fc.assert(
      fc.property(fc.array(problemEventArbitrary(fc.constant('p-1')), { maxLength: 30 }), (events) => {
        const history = deepFreeze(events);
        const once = fold(decider, history);
        expect(fold(decider, history)).toStrictEqual(once);
        expect(['unreported', 'reported', 'triaged', 'resolved', 'closed', 'rejected']).toContain(
          once.status,
        );
      }),
    );
  });

  it('decides the same way twice on the same state and context', async () => {
    await fc.assert(
      fc.asyncProperty(problemLifecyclePlanArbitrary, async (plan) => {
        const lifecycle = buildProblemLifecycle(plan);
        const history = await record(lifecycle);
        lifecycle.steps.forEach(({ command, context }, i) => {
          const parsed = problemAggregate.commands.parse(command);
          if (isLeft(parsed)) throw new Error(parsed.left.message);
          const ctx = CommandContextSchema.parse(context);
          const state = deepFreeze(fold(decider, history.slice(0, i)));
          const first = decider.decide(parsed.right, state, ctx);
          expect(decider.decide(parsed.right, state, ctx)).toStrictEqual(first);
          expect(first).toStrictEqual({ _tag: 'Right', right: [history[i]] });
        });
      }),
      { numRuns: 60 },
    );
  });
});
