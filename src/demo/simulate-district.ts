import { createGovernance, type Governance } from '../commands/governance.js';
import { buildDistrict } from './build-district.js';
import { Commander, type UnexpectedRejection } from './commander.js';
import { planDistrict, type District } from './district.js';
import { PointsMirror } from './points-mirror.js';
import { Random } from './random.js';
import { redemptionWindows } from './redemptions.js';
import { simulateYear, type YearCounts } from './simulate.js';

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

/** Options of {@link simulateDistrict}. */
export interface SimulateDistrictOptions {
  /** Problems reported per household per year; the simulation's default unless given. */
  readonly problemsPerHousehold?: number;
  /** Hears how the run is going (for stderr). */
  readonly progress?: (message: string) => void;
}

/** A simulated year: the facade it ran on (its store holds the history), the plan, and what was sent. */
export interface SimulatedDistrict {
  readonly governance: Governance;
  readonly district: District;
  readonly commander: Commander;
  readonly counts: YearCounts;
}

/**
 * Plans a district of `households` from `seed`, registers it and simulates its year 2026 on the in-memory
 * store, every change a command through the governance facade: what `linli demo` reports on, and what the
 * benchmark history is cut from, so that the two can never drift apart.
 * @throws {@link DemoFailure} when a command the simulation meant to succeed was refused.
 */
export const simulateDistrict = async (
  seed: number,
  households: number,
  options: SimulateDistrictOptions = {},
): Promise<SimulatedDistrict> => {
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
  return { governance, district, commander, counts };
};
