/**
 * Replay: rebuild every read model from the benchmark history (a million events from the demo's
 * simulation, JSON Lines), against the limit, a loop that only reads the same file and `JSON.parse`s each
 * line. Targets: at least 50% of the limit's events per second, and a peak RSS under 300 MB (streaming).
 */
import { compare, type BenchModule } from './harness.js';
import { highestPeakRss, historySize, medianRate, passes } from './history-passes.js';

/** The replay benchmark. */
export const replayBench: BenchModule = {
  id: 'replay',
  description: 'rebuild of every read model from a 1,000,000-event JSONL history, against read + JSON.parse',
  async run(context) {
    const events = historySize(context.quick);
    const { limit, replay } = await passes(context, ['limit', 'replay']);
    const size = `${events.toLocaleString('en-US')}-event history from the demo's simulation`;
    return [
      compare({
        name: 'replay',
        value: medianRate(replay),
        unit: 'events/s',
        baseline: medianRate(limit),
        baselineName: 'limit: read the same file and JSON.parse each line',
        target: 0.5,
        better: 'higher',
        detail:
          `${size}; seven read models (resolution stats, problem ledger, points ledger, honour roll, task board, ` +
          `directory, funds), every event parsed by its catalogue, folded in place 1,000 at a time and frozen at the end; ` +
          `median of ${replay.length} passes, each in a fresh node process`,
      }),
      compare({
        name: 'replay-peak-rss',
        value: highestPeakRss(replay),
        unit: 'MB',
        baseline: highestPeakRss(limit),
        baselineName: "the limit loop's peak RSS",
        target: 300,
        judged: 'value',
        better: 'lower',
        detail: `${size}; highest peak RSS (process.resourceUsage().maxRSS) of ${replay.length} passes, the read models kept to the end`,
      }),
    ];
  },
};
