import { performance } from 'node:perf_hooks';
import { EXIT, UsageError, type CliCommand, type CliIo, type ExitCode } from '../cli/cli-command.js';
import { DEMO_USAGE, DemoUsageError, parseDemoArgs } from './demo-args.js';
import { DemoFailure, runDemo } from './run-demo.js';

/**
 * `linli demo` (`npm run demo`): simulates a district's year and prints its report. Progress goes to stderr
 * unless `--quiet`; a simulation that had a command refused unexpectedly fails with exit code 1.
 */
export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'simulate a year of a district on the in-memory store and print its 721, honour roll and points',
  usage: DEMO_USAGE,
  run: async (args: readonly string[], io: CliIo): Promise<ExitCode> => {
    let options;
    try {
      options = parseDemoArgs(args);
    } catch (error) {
      if (error instanceof DemoUsageError) throw new UsageError(error.message);
      throw error;
    }
    const started = performance.now();
    const seconds = (): string => ((performance.now() - started) / 1000).toFixed(1).padStart(6);
    try {
      await runDemo({
        ...options,
        stdout: io.stdout,
        ...(options.quiet
          ? {}
          : { progress: (message: string) => io.stderr.write(`[${seconds()} s] ${message}\n`) }),
      });
    } catch (error) {
      if (!(error instanceof DemoFailure)) throw error;
      io.stderr.write(`linli demo: ${error.message}\n`);
      return EXIT.violations;
    }
    return EXIT.ok;
  },
};
