/** Histories of problems recorded through the real aggregate, and a way to write stories by hand. */
import fc from 'fast-check';
import { isLeft, right } from 'fp-ts/lib/Either.js';
import type { Recorded } from '../../../src/commands/aggregate.js';
import { CommandHandler } from '../../../src/commands/command-handler.js';
import { problemAggregate } from '../../../src/domain/problem/aggregate.js';
import type { ProblemCommandInput } from '../../../src/domain/problem/commands.js';
import type { ProblemEvent, ProblemRejectionReason } from '../../../src/domain/problem/events.js';
import { ALL_UNITS } from '../../../src/domain/shared/actors.js';
import type { CommandContextInput } from '../../../src/domain/shared/context.js';
import type { Tier } from '../../../src/domain/shared/tiers.js';
import type { UnitPath } from '../../../src/domain/shared/units.js';
import type { EventParser } from '../../../src/projections/runner.js';
import type { RecordedEvent } from '../../../src/store/event-store.js';
import { InMemoryEventStore } from '../../../src/store/memory.js';
import {
  buildProblemLifecycle,
  interleaveByTime,
  type ProblemStep,
} from '../../../src/testing/scenarios/problem-lifecycle.js';
import {
  problemLifecyclePlanArbitrary,
  problemLifecyclesArbitrary,
} from '../../../src/testing/arbitraries/problem.js';

/** Parses a stored event into a recorded problem event, as a runner over the problem streams would. */
export const parseProblemEvent: EventParser<Recorded<ProblemEvent>> = (raw) => {
  const parsed = problemAggregate.events.parse(raw, {
    schemaVersion: raw.metadata.schemaVersion,
    errorCode: 'invalid-event',
  });
  if (isLeft(parsed)) return parsed;
  const { streamId, revision, position, metadata } = raw;
  return right({ ...parsed.right, streamId, revision, position, metadata });
};

/** Parses every stored event, failing loudly: histories written by the handler always parse. */
export const parseAll = (raw: readonly RecordedEvent[]): Recorded<ProblemEvent>[] =>
  raw.map((event) => {
    const parsed = parseProblemEvent(event);
    if (isLeft(parsed)) throw new Error(parsed.left.message);
    return parsed.right;
  });

/** Every event of a store, in log order. */
export const readAll = async (store: InMemoryEventStore): Promise<RecordedEvent[]> => {
  const out: RecordedEvent[] = [];
  for await (const event of store.readAll()) out.push(event);
  return out;
};

/** Grid A of Longtanzi community, grid B of the same community, and grid C of Baiyun, one street. */
export const gridA: UnitPath = { street: 'longtanzi-st', community: 'longtanzi', grid: 'longtanzi.g1' };
export const gridB: UnitPath = { street: 'longtanzi-st', community: 'longtanzi', grid: 'longtanzi.g2' };
export const gridC: UnitPath = { street: 'longtanzi-st', community: 'baiyun', grid: 'baiyun.g1' };

/**
 * Up to a dozen problems reported within four months in the three grids of one street, so that a month and
 * a community hold several of them and lifecycles cross month and quarter boundaries.
 */
const crowdedLifecycles = fc
  .uniqueArray(
    fc
      .tuple(
        problemLifecyclePlanArbitrary,
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 4, 1) }),
        fc.constantFrom(gridA, gridB, gridC),
      )
      .map(([plan, startAt, path]) => ({ ...plan, startAt, report: { ...plan.report, path } })),
    { selector: (plan) => plan.report.problemId, minLength: 1, maxLength: 12 },
  )
  .map((plans) => plans.map(buildProblemLifecycle));

/** Several problems' lifecycles, interleaved in time, to be recorded through the real aggregate. */
export const historyArbitrary = fc
  .oneof(crowdedLifecycles, problemLifecyclesArbitrary({ maxLength: 10 }))
  .map(interleaveByTime);

/** A history recorded by sending generated steps through the real command handler. */
export interface RecordedHistory {
  readonly store: InMemoryEventStore;
  readonly raw: RecordedEvent[];
  readonly events: Recorded<ProblemEvent>[];
}

/** Sends the steps through a fresh handler and store; every step must be accepted. */
export const recordSteps = async (steps: readonly ProblemStep[]): Promise<RecordedHistory> => {
  const store = new InMemoryEventStore();
  const handler = new CommandHandler(store);
  for (const { command, context } of steps) {
    const result = await handler.handle(problemAggregate, command, context);
    if (isLeft(result)) throw new Error(`${command.type} refused: ${result.left.message}`);
  }
  const raw = await readAll(store);
  return { store, raw, events: parseAll(raw) };
};

/** An instant `hours` after `instant`. */
export const plusHours = (instant: string, hours: number): string =>
  new Date(Date.parse(instant) + hours * 3_600_000).toISOString();

const admin: CommandContextInput['actor'] = { id: 'admin-city', role: 'administrator', scope: [ALL_UNITS] };
const reporterOf = (problemId: string): CommandContextInput['actor'] => ({
  id: `r-${problemId}`,
  role: 'resident',
});

/**
 * A story told command by command at chosen instants: residents report and rate, a city-wide administrator
 * does the staff's part (the projections do not care who acted, only what and when).
 */
export class Story {
  readonly store = new InMemoryEventStore();
  private readonly handler = new CommandHandler(this.store);
  private seq = 0;

  private async send(command: ProblemCommandInput, at: string, actor = admin): Promise<this> {
    this.seq += 1;
    const result = await this.handler.handle(problemAggregate, command, {
      actor,
      now: at,
      commandId: `story-${this.seq}`,
    });
    if (isLeft(result)) throw new Error(`${command.type} refused: ${result.left.message}`);
    return this;
  }

  /** The resident `r-<problemId>` reports a problem. */
  report(
    problemId: string,
    at: string,
    options: { path?: UnitPath; category?: string; media?: string[]; description?: string } = {},
  ): Promise<this> {
    return this.send(
      {
        type: 'ReportProblem',
        data: {
          problemId,
          path: options.path ?? gridA,
          category: options.category ?? 'garbage-collection',
          description: options.description ?? 'Garbage not collected for three days',
          channel: 'app',
          media: options.media ?? [],
        },
      },
      at,
      reporterOf(problemId),
    );
  }

  triage(
    problemId: string,
    at: string,
    options: { tier?: Tier; dueBy?: string; category?: string } = {},
  ): Promise<this> {
    return this.send({ type: 'TriageProblem', data: { problemId, ...options } }, at);
  }

  escalate(problemId: string, at: string, dueBy?: string): Promise<this> {
    const data = { problemId, reason: 'beyond our powers' };
    return this.send({ type: 'EscalateProblem', data: dueBy === undefined ? data : { ...data, dueBy } }, at);
  }

  resolve(problemId: string, at: string, resolution = 'fixed'): Promise<this> {
    return this.send({ type: 'ResolveProblem', data: { problemId, resolution } }, at);
  }

  rate(problemId: string, at: string, satisfied: boolean, score: number): Promise<this> {
    return this.send(
      { type: 'RateResolution', data: { problemId, satisfied, score } },
      at,
      reporterOf(problemId),
    );
  }

  reopen(problemId: string, at: string, dueBy?: string): Promise<this> {
    const data = { problemId, reason: 'still leaking' };
    return this.send({ type: 'ReopenProblem', data: dueBy === undefined ? data : { ...data, dueBy } }, at);
  }

  close(problemId: string, at: string): Promise<this> {
    return this.send({ type: 'CloseProblem', data: { problemId } }, at);
  }

  reject(problemId: string, at: string, reason: ProblemRejectionReason = 'out-of-scope'): Promise<this> {
    const data =
      reason === 'duplicate' ? { problemId, reason, duplicateOf: 'p-original' } : { problemId, reason };
    return this.send({ type: 'RejectProblem', data }, at);
  }

  /** Reports, triages (at `tier`, due 24 hours later unless told) and resolves one problem in a row. */
  async solved(
    problemId: string,
    at: string,
    options: { tier?: Tier; hours?: number; path?: UnitPath; dueHours?: number } = {},
  ): Promise<this> {
    const dueBy = plusHours(at, options.dueHours ?? 24);
    await this.report(problemId, at, options.path === undefined ? {} : { path: options.path });
    await this.triage(problemId, at, { tier: options.tier ?? 'grid', dueBy });
    return this.resolve(problemId, plusHours(at, options.hours ?? 2));
  }

  /** The story's events, recorded and parsed. */
  async events(): Promise<Recorded<ProblemEvent>[]> {
    return parseAll(await readAll(this.store));
  }
}
