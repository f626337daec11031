/**
 * The demo on its own, until the `linli` command lists it: `npx tsx src/demo/main.ts --seed 7`. The report
 * goes to stdout, progress (with the elapsed wall-clock time, which never reaches the simulation) to stderr.
 */
import { performance } from 'node:perf_hooks';
import { DEMO_USAGE, DemoUsageError, parseDemoArgs } from './demo-args.js';
import { runDemo } from './run-demo.js';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${DEMO_USAGE}\n`);
} else {
  try {
    const options = parseDemoArgs(args);
    const started = performance.now();
    const seconds = (): string => ((performance.now() - started) / 1000).toFixed(1).padStart(6);
    await runDemo({
      ...options,
      stdout: process.stdout,
      ...(options.quiet
        ? {}
        : { progress: (message: string) => process.stderr.write(`[${seconds()} s] ${message}\n`) }),
    });
    if (!options.quiet) process.stderr.write(`[${seconds()} s] done\n`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`linli demo: ${message}\n`);
    if (error instanceof DemoUsageError) process.stderr.write(`\n${DEMO_USAGE}\n`);
    process.exitCode = error instanceof DemoUsageError ? 2 : 1;
  }
}
