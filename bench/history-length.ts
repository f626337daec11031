/**
 * Cost against history length: the median latency of a command on a points stream of 10,000 events, against
 * one on a stream of 10 events, both through the facade on the in-memory store. Target: within 1.5x (the
 * handler's state cache must make the length of a stream's history irrelevant).
 */
import { getInMemoryEventStore } from '@event-driven-io/emmett';
import { isLeft } from 'fp-ts/lib/Either.js';
import { performance } from 'node:perf_hooks';
import { createGovernance, type Governance } from '../src/commands/governance.js';
import { POINTS_POLICY_ACTOR } from '../src/commands/points-policy.js';
import type { PointsCommandInput } from '../src/domain/points/commands.js';
import type { CommandContextInput } from '../src/domain/shared/context.js';
import { createLinliAggregates } from '../src/domain/linli.js';
import { emmettHandlerFor, type EmmettEvent } from './emmett-handler.js';
import { compare, median, type BenchModule } from './harness.js';
import { COMMUNITY } from './task-lifecycle.js';

const LONG = 10_000;
const SHORT = 10;

let sequence = 0;

/** One `AwardPoints` for a task never paid before, as the points policy sends it. */
const award = (residentId: string): { command: PointsCommandInput; context: CommandContextInput } => {
  const n = ++sequence;
  return {
    command: {
      type: 'AwardPoints',
      data: { residentId, community: COMMUNITY, taskId: `t-${n}`, points: 5, verifiedEventId: `v-${n}` },
    },
    context: {
      // The points policy answers for the task's community, as `awardPointsFor` scopes it.
      actor: { ...POINTS_POLICY_ACTOR, scope: [COMMUNITY], organisations: [] },
      now: new Date(Date.parse('2026-01-01T00:00:00Z') + n * 1_000).toISOString(),
      commandId: `award-${n}`,
    },
  };
};

/** Sends one award and returns how long the facade took, in microseconds. */
const send = async (governance: Governance, residentId: string): Promise<number> => {
  const { command, context } = award(residentId);
  const started = performance.now();
  const result = await governance.execute(command, context);
  const micros = (performance.now() - started) * 1_000;
  if (isLeft(result) || result.right.length !== 1) {
    throw new Error(
      `the award to ${residentId} was refused: ${isLeft(result) ? result.left.message : 'no event'}`,
    );
  }
  return micros;
};

/**
 * The same measure on Emmett's command handler, which folds the whole stream (parsing every event) on every
 * command: the cost a state cache saves. The streams are written straight to Emmett's store.
 */
const emmettLatencies = async (commands: number): Promise<{ long: number; short: number }> => {
  const store = getInMemoryEventStore();
  const handle = emmettHandlerFor(createLinliAggregates().points);
  const seed = async (residentId: string, events: number): Promise<void> => {
    const history: EmmettEvent[] = [];
    for (let i = 0; i < events; i++) {
      const { data } = award(residentId).command;
      history.push({ type: 'PointsEarned', data: { ...data } });
    }
    await store.appendToStream(`points-${residentId}`, history);
  };
  await seed('res-long', LONG);
  const long: number[] = [];
  const short: number[] = [];
  for (let i = 0; i < commands; i++) {
    await seed(`res-s${i}`, SHORT);
    for (const [residentId, samples] of [
      [`res-s${i}`, short],
      ['res-long', long],
    ] as const) {
      const { command, context } = award(residentId);
      const started = performance.now();
      const result = await handle(store, command, context);
      samples.push((performance.now() - started) * 1_000);
      if (isLeft(result)) throw new Error(`Emmett refused the award: ${result.left.message}`);
    }
  }
  return { long: median(long.slice(1)), short: median(short.slice(1)) };
};

/** The history-length benchmark. */
export const historyLength: BenchModule = {
  id: 'history',
  description: 'command latency on a 10,000-event points stream against a 10-event one',
  async run({ quick, log }) {
    const commands = quick ? 500 : 3_000;
    const warmup = quick ? 100 : 500;
    // Enough short streams that each stays near ten events while it is measured (it gains about ten).
    const shortStreams = Math.ceil((commands + warmup) / SHORT);
    const governance = createGovernance();
    log(`history: building a ${LONG.toLocaleString('en-US')}-event stream and ${shortStreams} of ${SHORT}`);
    for (let i = 0; i < LONG; i++) await send(governance, 'res-long');
    for (let s = 0; s < shortStreams; s++)
      for (let i = 0; i < SHORT; i++) await send(governance, `res-s${s}`);

    log(`history: ${commands} commands on each, interleaved, after ${warmup} warm-up`);
    const long: number[] = [];
    const short: number[] = [];
    for (let i = 0; i < warmup + commands; i++) {
      const shortLatency = await send(governance, `res-s${i % shortStreams}`);
      const longLatency = await send(governance, 'res-long');
      if (i >= warmup) {
        short.push(shortLatency);
        long.push(longLatency);
      }
    }

    // A handler that has never seen the streams (a restarted process) must read them once: reported, no target.
    const cold = createGovernance({ store: governance.store });
    const coldShort = await send(cold, 'res-s0');
    const coldLong = await send(cold, 'res-long');

    const emmettCommands = quick ? 10 : 30;
    log(`history: ${emmettCommands} commands on each through Emmett's handler`);
    const emmett = await emmettLatencies(emmettCommands);

    const detail = `AwardPoints through the facade, in-memory store; median of ${commands} commands per stream after ${warmup} warm-up`;
    return [
      compare({
        name: 'history-length',
        value: median(long),
        unit: 'us/command',
        baseline: median(short),
        baselineName: `median latency on a ${SHORT}-event points stream, same run`,
        target: 1.5,
        better: 'lower',
        detail: `${detail}; the long stream holds ${LONG.toLocaleString('en-US')} events`,
      }),
      compare({
        name: 'history-length-cold',
        value: coldLong,
        unit: 'us/command',
        baseline: coldShort,
        baselineName: `first command on a short (10-20 event) stream by a handler with an empty cache`,
        target: null,
        better: 'lower',
        detail:
          'first command after a restart: the handler reads and parses the whole stream once; one sample each',
      }),
      compare({
        name: 'history-length-emmett',
        value: emmett.long,
        unit: 'us/command',
        baseline: emmett.short,
        baselineName: `Emmett 0.42 CommandHandler on a ${SHORT}-event stream, same deciders and schemas`,
        target: null,
        better: 'lower',
        detail:
          "the same AwardPoints through Emmett's handler on its in-memory store, which folds (and parses) " +
          `the whole stream on every command; median of ${emmettCommands - 1} commands per stream`,
      }),
    ];
  },
};
