/**
 * One pass over a history file in a process of its own, so that its peak memory is its own and not the
 * harness's: `node --import tsx bench/history-child.ts <limit|replay|audit> <file>`. Prints one JSON object:
 * the events read, the seconds the pass took, and the process's peak resident set size.
 */
import { performance } from 'node:perf_hooks';

/** What a pass reports to the harness. */
export interface PassReport {
  readonly mode: string;
  /** Events (for the limit: lines, the trailer included) read. */
  readonly events: number;
  readonly seconds: number;
  /** Peak resident set size of the whole process, in MiB (`process.resourceUsage().maxRSS`). */
  readonly peakRssMb: number;
}

// Each pass loads only its own code: the limit must not pay for linli's modules in its memory.
const passes: Readonly<Record<string, (file: string) => Promise<number>>> = {
  limit: async (file) => (await import('./read-limit.js')).readAndParseLines(file),
  replay: async (file) => (await (await import('./rebuild-read-models.js')).rebuildReadModels(file)).events,
  audit: async (file) => {
    const result = await (await import('../src/audit/audit.js')).auditHistoryFile(file);
    if (!result.clean) {
      const first = result.violations[0];
      throw new Error(
        `the audit found ${result.violationCount} violations, first: ${first?.code} ${first?.message}`,
      );
    }
    return result.summary.events;
  },
};

const [mode, file] = process.argv.slice(2);
const pass = mode === undefined ? undefined : passes[mode];
if (pass === undefined || file === undefined) {
  process.stderr.write('usage: history-child.ts <limit|replay|audit> <file>\n');
  process.exit(2);
}
const started = performance.now();
const events = await pass(file);
const seconds = (performance.now() - started) / 1000;
const report: PassReport = {
  mode: mode!,
  events,
  seconds,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
