/**
 * Audit: events per second verified by `auditHistoryFile` (what `linli audit` runs) on the benchmark
 * history, against the replay figure of the same run. Target: at least 70% of the replay's events per second.
 */
import { compare, type BenchModule } from './harness.js';
import { highestPeakRss, historySize, medianRate, passes } from './history-passes.js';

/** The audit benchmark. */
export const auditBench: BenchModule = {
  id: 'audit',
  description: 'events/s verified by the audit of the same history, against the replay',
  async run(context) {
    const events = historySize(context.quick);
    const { replay, audit } = await passes(context, ['replay', 'audit']);
    return [
      compare({
        name: 'audit',
        value: medianRate(audit),
        unit: 'events/s',
        baseline: medianRate(replay),
        baselineName: 'replay: rebuild of every read model from the same file, same run',
        target: 0.7,
        better: 'higher',
        detail:
          `${events.toLocaleString('en-US')}-event history; digest, hash chains, schemas and the domain rules of the ` +
          `four aggregates (linliAuditRules); median of ${audit.length} passes, each in a fresh node process; ` +
          `peak RSS ${highestPeakRss(audit)} MB`,
      }),
    ];
  },
};
