import { exportHistory } from '../audit/export-history.js';
import { formatSummary } from './format-summary.js';
import { rebuildReadModels } from './read-models.js';
import { simulateDistrict } from './simulate-district.js';
import { summarise, type DemoSummary } from './summary.js';

export { DemoFailure } from './simulate-district.js';

/** Households in the default district: a few communities of several hundred households each. */
export const DEFAULT_HOUSEHOLDS = 3_000;

/** The largest seed: the generator is seeded with 32 bits, so larger seeds would repeat smaller ones. */
export const MAX_SEED = 0xffff_ffff;

/**
 * The most households a demo district may have: two city districts' worth. The whole history stays in memory
 * (100,000 households take about 2 GB), so much more would outgrow Node's default heap.
 */
export const MAX_HOUSEHOLDS = 200_000;

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** The seed every random choice derives from: the same seed gives a byte-identical history. */
  readonly seed: number;
  /** How many households the district has at the start of the year. */
  readonly households: number;
  /** Where to write the history as JSON Lines (the format `linli audit` reads). */
  readonly out?: string;
  /** Problems reported per household per year; 0.6 unless given. */
  readonly problemsPerHousehold?: number;
  /** Hears how the run is going (for stderr). */
  readonly progress?: (message: string) => void;
  /** Where the report is printed; nothing is printed without it. */
  readonly stdout?: { write(text: string): unknown };
}

const EXPORT_PROGRESS_EVERY = 100_000;

/**
 * Simulates a district for the year 2026 on the in-memory store, every change a command through the
 * governance facade: plans and registers the district, runs the year, rebuilds the read models from the
 * history, optionally exports the history, prints the report and returns its figures.
 * @throws RangeError for a bad seed or household count; {@link DemoFailure} when a command the simulation
 * meant to succeed was refused.
 */
export const runDemo = async (options: DemoOptions): Promise<DemoSummary> => {
  const { seed, households } = options;
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`the seed must be a whole number from 0 to ${MAX_SEED}, got ${seed}`);
  }
  if (!Number.isSafeInteger(households) || households < 1 || households > MAX_HOUSEHOLDS) {
    throw new RangeError(`the district has 1 to ${MAX_HOUSEHOLDS} households, got ${households}`);
  }
  const progress = options.progress ?? (() => undefined);
  const { governance, district, commander, counts } = await simulateDistrict(seed, households, {
    ...(options.problemsPerHousehold === undefined
      ? {}
      : { problemsPerHousehold: options.problemsPerHousehold }),
    progress,
  });

  progress('rebuilding the read models from the history');
  const models = await rebuildReadModels(governance.store, governance.aggregates);
  let summary = summarise({
    seed,
    district,
    models,
    commands: commander.commands,
    counts,
    provoked: commander.provoked,
  });
  if (options.out !== undefined) {
    progress(`exporting ${models.events.toLocaleString('en-US')} events to ${options.out}`);
    const exported = await exportHistory(governance.store, options.out, {
      onProgress: (events) => {
        if (events % EXPORT_PROGRESS_EVERY === 0)
          progress(`exported ${events.toLocaleString('en-US')} events`);
      },
    });
    summary = {
      ...summary,
      history: { path: options.out, events: exported.events, digest: exported.digest },
    };
  }
  options.stdout?.write(formatSummary(summary));
  return summary;
};
