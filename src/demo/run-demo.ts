import { exportHistory } from '../audit/export-history.js';
import { createGovernance } from '../commands/governance.js';
import { buildDistrict } from './build-district.js';
import { Commander, type UnexpectedRejection } from './commander.js';
import { planDistrict } from './district.js';
import { formatSummary } from './format-summary.js';
import { PointsMirror } from './points-mirror.js';
import { Random } from './random.js';
import { rebuildReadModels } from './read-models.js';
import { redemptionWindows } from './redemptions.js';
import { simulateYear } from './simulate.js';
import { summarise, type DemoSummary } from './summary.js';

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

/** The simulation sent commands it meant to succeed and the library refused them: a bug in the simulation. */
export class DemoFailure extends Error {
  /** Creates the failure from the rejections, naming the first few. */
  constructor(readonly rejections: readonly UnexpectedRejection[]) {
    const first = rejections
      .slice(0, 5)
      .map((r) => `  ${r.at} ${r.command} by ${r.actor}: ${r.code}: ${r.message}`)
      .join('\n');
    super(`the simulation had ${rejections.length} unexpected rejections:\n${first}`);
    this.name = 'DemoFailure';
  }
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
  const random = new Random(seed);
  const governance = createGovernance({ config: { points: { redemptionWindows: redemptionWindows() } } });
  const mirror = new PointsMirror();
  const commander = new Commander(governance, (events, at) => mirror.observe(events, at));

  const district = planDistrict(random.derive('district'), households);
  progress(
    `planned ${district.streetName}: ${district.communities.length} communities, ${households.toLocaleString('en-US')} households`,
  );
  await buildDistrict(commander, district, progress);
  const counts = await simulateYear(commander, district, mirror, random.derive('year'), {
    ...(options.problemsPerHousehold === undefined
      ? {}
      : { problemsPerHousehold: options.problemsPerHousehold }),
    progress,
  });
  if (commander.unexpected.length > 0) throw new DemoFailure(commander.unexpected);

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
