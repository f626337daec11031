/**
 * `npm run bench [-- --quick] [-- --only commands,replay]`: measures linli against its same-run baselines
 * and prints one JSON object per figure on stdout as each is measured, then a table. Progress goes to
 * stderr. Exit code 0 whether or not the targets are met (the figures say so); 1 when a benchmark fails.
 */
import { parseArgs } from 'node:util';
import { auditBench } from './audit.js';
import { commandThroughput } from './command-throughput.js';
import { contentionBench } from './contention.js';
import type { BenchModule, Figure } from './harness.js';
import { historyDigestBench } from './history-digest.js';
import { historyLength } from './history-length.js';
import { postgresAppends } from './postgres-appends.js';
import { replayBench } from './replay.js';
import { formatTable } from './table.js';
import { tracingBench } from './tracing.js';
import { checkpointsBench } from './checkpoints.js';

const MODULES: readonly BenchModule[] = [
  commandThroughput,
  historyLength,
  replayBench,
  auditBench,
  historyDigestBench,
  postgresAppends,
  contentionBench,
  tracingBench,
  checkpointsBench,
];

const usage = (): string =>
  [
    'Usage: npm run bench -- [--quick] [--only <id,...>] [--fresh-history]',
    '',
    '  --quick          smaller sizes and fewer repetitions (under a minute once the history is cached)',
    '  --fresh-history  write the cached benchmark history again (after a change to the events)',
    '  --only <ids>     run only these benchmarks, comma-separated:',
    ...MODULES.map((module) => `                     ${module.id.padEnd(10)} ${module.description}`),
  ].join('\n');

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'fresh-history': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
  allowPositionals: false,
});

if (values.help) {
  process.stdout.write(`${usage()}\n`);
} else {
  const wanted = values.only?.split(',').map((id) => id.trim()) ?? MODULES.map((module) => module.id);
  const unknown = wanted.filter((id) => !MODULES.some((module) => module.id === id));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark ${unknown.join(', ')}\n\n${usage()}\n`);
    process.exit(2);
  }
  const started = Date.now();
  const log = (message: string): void => {
    process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}\n`);
  };
  const figures: Figure[] = [];
  let failed = false;
  for (const module of MODULES.filter((candidate) => wanted.includes(candidate.id))) {
    try {
      const context = { quick: values.quick, freshHistory: values['fresh-history'], log };
      for (const figure of await module.run(context)) {
        figures.push(figure);
        process.stdout.write(`${JSON.stringify(figure)}\n`);
      }
    } catch (error) {
      failed = true;
      log(`${module.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  process.stdout.write(`\n${formatTable(figures)}\n`);
  log(`done (${values.quick ? 'quick' : 'full'} run)`);
  if (failed) process.exitCode = 1;
}
