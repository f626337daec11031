/**
 * Command throughput: the task lifecycle (publish, claim, proof, verify, award points) through linli's
 * governance facade on its in-memory store, against the same deciders in Emmett's command handler on
 * Emmett's in-memory event store. Target: at least 3x Emmett's commands per second.
 */
import { getInMemoryEventStore } from '@event-driven-io/emmett';
import { isLeft } from 'fp-ts/lib/Either.js';
import { createGovernance } from '../src/commands/governance.js';
import { awardPointsFor } from '../src/commands/points-policy.js';
import { createLinliAggregates } from '../src/domain/linli.js';
import { recordDirectory } from '../src/testing/directory.js';
import { emmettHandlerFor, type EmmettEvent } from './emmett-handler.js';
import { compare, interleave, median, timed, type BenchModule } from './harness.js';
import { COMMANDS_PER_LIFECYCLE, DIRECTORY, lifecycle, type LifecycleStep } from './task-lifecycle.js';

/** Residents the tasks are spread over: each points stream gets `lifecycles / RESIDENTS` awards. */
const RESIDENTS = 200;

const fail = (peer: string, step: string, message: string): never => {
  throw new Error(`${peer}: ${step} was refused: ${message}`);
};

/**
 * The commands of `count` lifecycles, built before the clock starts: building them is the benchmark's
 * work, not the contenders', and both are given the same list.
 */
const workload = (run: string, count: number): readonly LifecycleStep[] =>
  Array.from({ length: count }, (_, i) => lifecycle(run, i, RESIDENTS)).flat();

/**
 * Runs `count` lifecycles through linli's facade on a fresh in-memory store, its directory recorded before
 * the clock starts; returns commands per second.
 */
const runLinli = async (run: string, count: number): Promise<number> => {
  const governance = createGovernance();
  await recordDirectory(governance, DIRECTORY);
  const steps = workload(run, count);
  const seconds = await timed(async () => {
    for (const step of steps) {
      const result = await governance.execute(step.command, step.context);
      if (isLeft(result)) fail('linli', step.command.type, result.left.message);
    }
  });
  return (count * COMMANDS_PER_LIFECYCLE) / seconds;
};

/**
 * Runs `count` lifecycles through Emmett on a fresh in-memory store; returns commands per second. The award
 * is derived from the `TaskVerified` exactly as linli's points policy derives it, and sent as a command.
 */
const runEmmett = async (run: string, count: number): Promise<number> => {
  const aggregates = createLinliAggregates();
  const task = emmettHandlerFor(aggregates.task);
  const points = emmettHandlerFor(aggregates.points);
  const store = getInMemoryEventStore();
  const steps = workload(run, count);
  const seconds = await timed(async () => {
    for (const step of steps) {
      const result = await task(store, step.command, step.context);
      if (isLeft(result)) return fail('Emmett', step.command.type, result.left.message);
      const verified = result.right.find((event: EmmettEvent) => event.type === 'TaskVerified');
      if (verified === undefined) continue;
      const award = awardPointsFor({
        type: 'TaskVerified',
        data: verified.data as Parameters<typeof awardPointsFor>[0]['data'],
        metadata: {
          eventId: `${step.context.commandId}-0`,
          occurredAt: step.context.now,
          correlationId: step.context.commandId,
        },
      });
      const paid = await points(store, award.command, award.context);
      if (isLeft(paid)) return fail('Emmett', 'AwardPoints', paid.left.message);
      if (paid.right.length !== 1) fail('Emmett', 'AwardPoints', 'no points were earned');
    }
  });
  return (count * COMMANDS_PER_LIFECYCLE) / seconds;
};

/** The command-throughput benchmark. */
export const commandThroughput: BenchModule = {
  id: 'commands',
  description: 'task lifecycle commands per second through the facade, against Emmett',
  async run({ quick, log }) {
    const lifecycles = quick ? 400 : 2_000;
    const options = quick ? { warmup: 1, repetitions: 3 } : { warmup: 2, repetitions: 7 };
    log(`commands: ${lifecycles} lifecycles per run, ${options.repetitions} runs each`);
    let round = 0;
    const samples = await interleave(
      {
        linli: () => runLinli(`l${round}`, lifecycles),
        emmett: () => runEmmett(`e${round++}`, lifecycles),
      },
      options,
    );
    const linli = median(samples.linli);
    const emmett = median(samples.emmett);
    return [
      compare({
        name: 'command-throughput',
        value: Math.round(linli),
        unit: 'commands/s',
        baseline: Math.round(emmett),
        baselineName: 'Emmett 0.42 CommandHandler, in-memory store, same deciders and schemas',
        target: 3,
        better: 'higher',
        detail:
          `${lifecycles} task lifecycles (${lifecycles * COMMANDS_PER_LIFECYCLE} commands) on a fresh store per ` +
          `run, ${RESIDENTS} residents, sequential; median of ${options.repetitions} runs after ${options.warmup} warm-up`,
      }),
    ];
  },
};
