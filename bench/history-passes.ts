import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { compileForChildren, ROOT } from './compile.js';
import { median, type BenchContext } from './harness.js';
import type { PassReport } from './history-child.js';
import { benchHistory } from './history-file.js';

/** A pass over the benchmark history: the limit loop, the read-model rebuild, or the audit. */
export type PassMode = 'limit' | 'replay' | 'audit';

/** Events in the full-size history, and in the `--quick` one. */
export const historySize = (quick: boolean): number => (quick ? 50_000 : 1_000_000);

/** Events per second of a pass. */
const rate = (report: PassReport): number => report.events / report.seconds;

/** The median events per second of some passes, rounded. */
export const medianRate = (reports: readonly PassReport[]): number => Math.round(median(reports.map(rate)));

/** The highest peak RSS of some passes, in whole MiB. */
export const highestPeakRss = (reports: readonly PassReport[]): number =>
  Math.round(Math.max(...reports.map((report) => report.peakRssMb)));

/** Passes per mode (each in a fresh process, so there is no warm-up to throw away). */
const REPETITIONS = 3;

/**
 * After the first round, no further round starts once the passes have taken this long: a slow linli must
 * not push a full run far past ten minutes (the figures then say how many passes they are the median of).
 */
const BUDGET_SECONDS = 240;

const runChild = (script: string, mode: PassMode, file: string): Promise<PassReport> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, mode, file], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      output += text;
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code !== 0) {
        const hint =
          mode === 'limit'
            ? ''
            : '; if the events changed since the history was written, add --fresh-history';
        reject(new Error(`the ${mode} pass over ${file} failed (${signal ?? `exit ${code}`})${hint}`));
        return;
      }
      resolve(JSON.parse(output) as PassReport);
    });
  });

/** The samples of the passes measured so far in this process, by mode. */
const measured = new Map<PassMode, Promise<PassReport[]>>();
let prepared: Promise<{ script: string; file: string }> | undefined;

const prepare = (context: BenchContext): Promise<{ script: string; file: string }> => {
  prepared ??= (async () => {
    const file = await benchHistory(historySize(context.quick), context.log, context.freshHistory);
    const script = await compileForChildren('history-child');
    return { script, file };
  })();
  return prepared;
};

/**
 * Measures passes over the benchmark history, each in a child process on plain `node` (so that its peak
 * memory is its own), the modes interleaved round by round. A mode measured once in this run is not
 * measured again: the replay figure is the audit's baseline too.
 */
export const passes = async (
  context: BenchContext,
  modes: readonly PassMode[],
): Promise<Record<PassMode, PassReport[]>> => {
  const fresh = modes.filter((mode) => !measured.has(mode));
  if (fresh.length > 0) {
    const run = (async () => {
      const { script, file } = await prepare(context);
      const samples = Object.fromEntries(fresh.map((mode) => [mode, [] as PassReport[]])) as Record<
        PassMode,
        PassReport[]
      >;
      const rounds = REPETITIONS;
      const started = performance.now();
      for (let round = 1; round <= rounds; round++) {
        if (round > 1 && (performance.now() - started) / 1000 > BUDGET_SECONDS) {
          context.log(
            `history passes: over the ${BUDGET_SECONDS} s budget, stopping after ${round - 1} round(s)`,
          );
          break;
        }
        for (const mode of fresh) {
          const report = await runChild(script, mode, file);
          context.log(
            `${mode} pass ${round}/${rounds}: ${report.seconds.toFixed(1)} s, ${Math.round(rate(report)).toLocaleString('en-US')} events/s, ` +
              `peak RSS ${Math.round(report.peakRssMb)} MB`,
          );
          samples[mode].push(report);
        }
      }
      return samples;
    })();
    for (const mode of fresh)
      measured.set(
        mode,
        run.then((samples) => samples[mode]),
      );
  }
  const entries = await Promise.all(modes.map(async (mode) => [mode, await measured.get(mode)!] as const));
  return Object.fromEntries(entries) as Record<PassMode, PassReport[]>;
};
