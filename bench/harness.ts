import { performance } from 'node:perf_hooks';

/** Which way a figure's ratio should go to meet its target. */
export type Better = 'higher' | 'lower';

/**
 * One measured figure, as `npm run bench` prints it (one JSON object per line): the value, the same-run
 * baseline it is compared with, their ratio, and whether the ratio meets the target. A figure without a
 * baseline (peak memory) compares its value with the target directly.
 */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The same-run baseline (a peer, a limit, or the same measure at another size); null when absolute. */
  readonly baseline: number | null;
  /** What the baseline is. */
  readonly baselineName: string | null;
  /** `value / baseline`; null when there is no baseline. */
  readonly ratio: number | null;
  /** The target the ratio (or the value, see `judged`) must meet; null for figures only reported. */
  readonly target: number | null;
  /** Whether the target applies to the ratio or to the value itself (peak memory has an absolute target). */
  readonly judged: 'ratio' | 'value';
  readonly better: Better;
  /** Whether the target was met; null for figures only reported. */
  readonly met: boolean | null;
  /** How the figure was measured (sizes, repetitions), so a reader can judge it. */
  readonly detail?: string;
}

/** What a figure module is given: the run's mode and where to say how it is going. */
export interface BenchContext {
  /** Smaller sizes and fewer repetitions, for a run under a minute. */
  readonly quick: boolean;
  /** Write the benchmark history again even if a cached one exists. */
  readonly freshHistory: boolean;
  /** Progress for the person watching (stderr); never part of the figures. */
  readonly log: (message: string) => void;
}

/** One benchmark: a name for `--only` and what it measures. */
export interface BenchModule {
  readonly id: string;
  readonly description: string;
  run(context: BenchContext): Promise<readonly Figure[]>;
}

/** Builds a figure from a value and its baseline, computing the ratio and whether the target is met. */
export const compare = (
  input: Omit<Figure, 'ratio' | 'met' | 'judged'> & {
    /** Defaults to the ratio when there is a baseline, else the value. */
    readonly judged?: Figure['judged'];
  },
): Figure => {
  const ratio = input.baseline === null || input.baseline === 0 ? null : input.value / input.baseline;
  const judged = input.judged ?? (input.baseline === null ? 'value' : 'ratio');
  const measured = judged === 'value' ? input.value : ratio;
  const met =
    input.target === null || measured === null
      ? null
      : input.better === 'higher'
        ? measured >= input.target
        : measured <= input.target;
  return { ...input, judged, ratio, met };
};

/** The median of some samples (the mean of the middle two for an even count). */
export const median = (samples: readonly number[]): number => {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Options of {@link repeat}. */
export interface RepeatOptions {
  /** Runs whose results are thrown away: JIT warm-up, first-use costs. */
  readonly warmup: number;
  readonly repetitions: number;
}

/**
 * Runs several contenders the same number of times, interleaved (A, B, A, B...) so that a machine that
 * slows down or speeds up during the run affects each alike, and returns every kept sample of each.
 */
export const interleave = async <K extends string>(
  contenders: Readonly<Record<K, () => Promise<number>>>,
  options: RepeatOptions,
): Promise<Record<K, number[]>> => {
  const keys = Object.keys(contenders) as K[];
  const samples = Object.fromEntries(keys.map((key) => [key, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < options.warmup + options.repetitions; round++) {
    for (const key of keys) {
      const sample = await contenders[key]();
      if (round >= options.warmup) samples[key].push(sample);
    }
  }
  return samples;
};

/** Seconds elapsed while `work` runs. */
export const timed = async (work: () => Promise<void>): Promise<number> => {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
};
