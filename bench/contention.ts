/**
 * Contention (issue 20, item 4): 50 residents claim a 50-slot task at the same moment, each through a
 * command handler and connection of their own, from 50 processes (forks of bench/contention-worker.ts; a
 * quick run hosts them five to a process in ten) on embedded PostgreSQL. Measures the share of claims that
 * land, landed claims per second and appends tried per landed claim, with the handler's retry defaults
 * against the behaviour before them (5 immediate retries), the rushes alternating.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { fork, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { CommandHandler } from '../src/commands/command-handler.js';
import {
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_RETRY_DELAY_MS,
  DEFAULT_RETRY_BASE_DELAY_MS,
} from '../src/commands/retry.js';
import { taskAggregate } from '../src/domain/task/index.js';
import { PostgresEventStore } from '../src/store/postgres/index.js';
import { claimRushTask, publishRushTask } from '../test/support/claim-rush.js';
import { startTestPostgres } from '../test/support/postgres-server.js';
import { compileForChildren, ROOT } from './compile.js';
import type { ClaimResult, FromWorker, RetrySettings, ToWorker } from './contention-worker.js';
import { compare, interleave, median, type BenchModule, type Figure } from './harness.js';

/** Claimants, and slots of the task they claim. */
const CLAIMANTS = 50;
const SCHEMA = 'linli_contention';

/** The two ways compared: the handler before issue 20 (five retries, each at once) and its defaults. */
const WAYS = { before: { maxRetries: 5, retryBaseDelayMs: 0 }, defaults: {} } as const satisfies Record<
  string,
  RetrySettings
>;
type Way = keyof typeof WAYS;

/** A forked claimant process, answering its messages in order. */
interface Worker {
  request(message: ToWorker): Promise<FromWorker>;
  readonly child: ChildProcess;
}

const startWorker = (script: string): Worker => {
  // Plain node, no tsx loader: fifty loader threads would crowd the cores before a claim was sent.
  const child = fork(script, [], { cwd: ROOT, execArgv: [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const waiting: { resolve: (message: FromWorker) => void; reject: (error: Error) => void }[] = [];
  child.on('message', (message: FromWorker) => waiting.shift()?.resolve(message));
  child.once('exit', (code, signal) => {
    const error = new Error(`a contention worker exited (${signal ?? `exit ${code}`})`);
    for (const { reject } of waiting.splice(0)) reject(error);
  });
  return {
    child,
    request: (message) =>
      new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        child.send(message);
      }),
  };
};

/** Asks a worker to leave, and stops it if it has not within a few seconds: the run must end. */
const stopWorker = (worker: Worker): Promise<void> =>
  new Promise((resolve) => {
    if (worker.child.exitCode !== null || worker.child.signalCode !== null) return resolve();
    const timer = setTimeout(() => worker.child.kill(), 5_000);
    worker.child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    worker.child.send({ kind: 'exit' } satisfies ToWorker);
  });

/** What one rush gave: every claim's result and the time from the first claim sent to the last answer. */
interface Rush {
  readonly results: readonly ClaimResult[];
  readonly seconds: number;
}

const landed = (rush: Rush): readonly ClaimResult[] => rush.results.filter((r) => r.outcome === 'ok');

const percentile = (samples: readonly number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/** The figures of the measured rushes of both ways. */
const figures = (rushes: Readonly<Record<Way, readonly Rush[]>>, how: string): Figure[] => {
  const share = (way: Way) => {
    const all = rushes[way].flatMap((rush) => rush.results);
    return Math.round((1_000 * all.filter((r) => r.outcome === 'ok').length) / all.length) / 10;
  };
  const rate = (way: Way) =>
    Math.round(median(rushes[way].map((rush) => landed(rush).length / rush.seconds)));
  const appendsPerClaim = (way: Way) => {
    const all = rushes[way].flatMap((rush) => rush.results);
    const ok = all.filter((r) => r.outcome === 'ok').length;
    return Math.round((100 * sum(all.map((r) => r.tries))) / ok) / 100;
  };
  const tries = rushes.defaults.flatMap((rush) => landed(rush).map((r) => r.tries));
  const ms = rushes.defaults.flatMap((rush) => rush.results.map((r) => r.ms));
  const before = 'before: 5 retries without backoff';
  const setting = `defaults ${DEFAULT_MAX_RETRIES} retries, ${DEFAULT_RETRY_BASE_DELAY_MS} ms base, ${DEFAULT_MAX_RETRY_DELAY_MS} ms cap`;
  return [
    compare({
      name: 'contention-success',
      value: share('defaults'),
      unit: '% landed',
      baseline: share('before'),
      baselineName: before,
      target: 100,
      judged: 'value',
      better: 'higher',
      detail: `${setting}; the slowest landed claim took ${Math.max(...tries)} tries (p95 ${percentile(tries, 95)}); ${how}`,
    }),
    compare({
      name: 'contention-claims',
      value: rate('defaults'),
      unit: 'claims/s',
      baseline: rate('before'),
      baselineName: `${before} (landed claims only)`,
      target: null,
      better: 'higher',
      detail:
        `landed claims per second, first claim sent to last answer, median of the rushes; claim latency with the ` +
        `defaults p50 ${Math.round(percentile(ms, 50))} ms, p95 ${Math.round(percentile(ms, 95))} ms; ${how}`,
    }),
    compare({
      name: 'contention-appends',
      value: appendsPerClaim('defaults'),
      unit: 'appends/claim',
      baseline: appendsPerClaim('before'),
      baselineName: before,
      target: null,
      better: 'lower',
      detail: `appends tried (refused ones included) per landed claim: the load the rush puts on the store; ${how}`,
    }),
  ];
};

/** The contention benchmark. */
export const contentionBench: BenchModule = {
  id: 'contention',
  description: 'success rate and claims/s of 50 claimants on one task from 50 processes, against no backoff',
  async run({ quick, log }) {
    const processes = quick ? 10 : CLAIMANTS;
    const perProcess = CLAIMANTS / processes;
    log('contention: starting an embedded server and compiling the worker');
    const server = await startTestPostgres();
    const store = await PostgresEventStore.create(server.url, { schema: SCHEMA });
    const workers: Worker[] = [];
    try {
      const script = await compileForChildren('contention-worker');
      log(`contention: forking ${processes} processes of ${perProcess} claimant(s)`);
      workers.push(...Array.from({ length: processes }, () => startWorker(script)));
      await Promise.all(
        workers.map((worker) =>
          worker.request({ kind: 'connect', url: server.url, schema: SCHEMA, claimants: perProcess }),
        ),
      );

      const publisher = new CommandHandler(store);
      let taskNumber = 0;
      const rush = async (retry: RetrySettings): Promise<Rush> => {
        const taskId = `rush-${taskNumber++}`;
        const publish = publishRushTask(taskId, CLAIMANTS);
        const published = await publisher.handle(taskAggregate, publish.command, publish.context);
        if (isLeft(published)) throw new Error(`publishing ${taskId}: ${published.left.message}`);
        const started = performance.now();
        const replies = await Promise.all(
          workers.map((worker, w) =>
            worker.request({
              kind: 'claim',
              claims: Array.from({ length: perProcess }, (_, k) => claimRushTask(taskId, w * perProcess + k)),
              retry,
            }),
          ),
        );
        const seconds = (performance.now() - started) / 1000;
        const results = replies.flatMap((reply) => (reply.kind === 'claimed' ? reply.results : []));
        const odd = results.find((r) => r.outcome !== 'ok' && r.outcome !== 'concurrency-conflict');
        if (odd !== undefined) throw new Error(`a claim of ${taskId} failed: ${odd.outcome}`);
        // What the claimants were told must be what the stream holds: each landed claim recorded once.
        let recorded = 0;
        for await (const event of store.readStream(`task-${taskId}`)) {
          if (event.type === 'TaskClaimed') recorded++;
        }
        const ok = results.filter((r) => r.outcome === 'ok').length;
        if (recorded !== ok) throw new Error(`${taskId}: ${ok} claims answered ok, ${recorded} recorded`);
        return { results, seconds };
      };

      const options = quick ? { warmup: 1, repetitions: 3 } : { warmup: 1, repetitions: 10 };
      log(
        `contention: ${options.repetitions} rushes of ${CLAIMANTS} claims each way, after ${options.warmup} warm-up`,
      );
      const rushes: Record<Way, Rush[]> = { before: [], defaults: [] };
      const measure = (way: Way) => async () => {
        const result = await rush(WAYS[way]);
        rushes[way].push(result);
        return result.seconds;
      };
      await interleave({ before: measure('before'), defaults: measure('defaults') }, options);
      const kept = {
        before: rushes.before.slice(options.warmup),
        defaults: rushes.defaults.slice(options.warmup),
      };
      const histogram = new Map<number, number>();
      for (const r of kept.defaults.flatMap(landed))
        histogram.set(r.tries, (histogram.get(r.tries) ?? 0) + 1);
      log(
        `contention: tries of the claims landed with the defaults: ${[...histogram]
          .sort(([a], [b]) => a - b)
          .map(([tries, count]) => `${count} x ${tries}`)
          .join(', ')}`,
      );
      return figures(
        kept,
        `${CLAIMANTS} claimants on one ${CLAIMANTS}-slot task, each with its own handler and connection, ` +
          `${perProcess} per process in ${processes} processes; ${options.repetitions} rushes each way, ` +
          `alternating, after ${options.warmup} warm-up; embedded PostgreSQL 18`,
      );
    } finally {
      await Promise.all(workers.map(stopWorker));
      await store.close();
      await server.destroy();
    }
  },
};
