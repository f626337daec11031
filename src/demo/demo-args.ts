import { parseArgs } from 'node:util';
import { DEFAULT_HOUSEHOLDS, MAX_HOUSEHOLDS, MAX_SEED } from './run-demo.js';

/** The seed used when none is given. */
export const DEFAULT_SEED = 1;

/** The usage text of the demo, for `--help` and after a mistake. */
export const DEMO_USAGE = `Usage:
  linli demo [--seed <n>] [--households <n>] [--out <history.jsonl>] [--quiet]

Simulates a year (2026) of one street's communities on the in-memory store, every change a command through
the governance facade: problems reported, triaged, escalated, resolved, rated, reopened and closed; monthly
task lists claimed, proved and verified for points; quarterly redemption events. Prints the 721 per
community against the target, the completion, on-time and satisfaction rates, the last quarter's honour
roll and the points outstanding.

Options:
  --seed <n>         0 to ${MAX_SEED}: every random choice follows from it, and the same seed gives a
                     byte-identical history (default ${DEFAULT_SEED})
  --households <n>   households at the start of the year, 1 to ${MAX_HOUSEHOLDS.toLocaleString('en-US')}
                     (default ${DEFAULT_HOUSEHOLDS.toLocaleString('en-US')}); the whole history stays in memory:
                     100,000 households take a minute or two and about 2 GB
  --out <file>       also write the history as JSON Lines, which \`linli audit\` reads
  --quiet            no progress on stderr
  -h, --help         show this help`;

/** The demo's command line, parsed. */
export interface DemoArgs {
  readonly seed: number;
  readonly households: number;
  readonly out?: string;
  readonly quiet: boolean;
}

/** A mistake in the demo's command line. */
export class DemoUsageError extends Error {
  /** Creates the error with what was wrong. */
  constructor(message: string) {
    super(message);
    this.name = 'DemoUsageError';
  }
}

const integer = (
  name: string,
  text: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number => {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new DemoUsageError(`--${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
};

/**
 * Parses `--seed`, `--households`, `--out` and `--quiet`.
 * @throws DemoUsageError for an unknown option or a value that is not a whole number in range.
 */
export const parseDemoArgs = (args: readonly string[]): DemoArgs => {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      allowPositionals: false,
      strict: true,
      options: {
        seed: { type: 'string' },
        households: { type: 'string' },
        out: { type: 'string', short: 'o' },
        quiet: { type: 'boolean', short: 'q', default: false },
      },
    }));
  } catch (error) {
    throw new DemoUsageError(error instanceof Error ? error.message : String(error));
  }
  const seed = integer('seed', values.seed, DEFAULT_SEED, 0, MAX_SEED);
  const households = integer('households', values.households, DEFAULT_HOUSEHOLDS, 1, MAX_HOUSEHOLDS);
  return { seed, households, quiet: values.quiet, ...(values.out === undefined ? {} : { out: values.out }) };
};
