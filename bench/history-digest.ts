/**
 * History digest: what the running sha256 over the events' hashes adds to an audit. Both contenders work on
 * the same 50,000 events held in memory (so that reading the file costs neither), interleaved: the digest
 * alone, as the auditor feeds it (hashes the chain verifier computed, not tested again), against a whole
 * in-memory audit (chain, digest, schemas, domain rules). Target: at most 5% of the audit's time.
 */
import { Auditor } from '../src/audit/auditor.js';
import { HistoryDigester } from '../src/audit/history-digest.js';
import { linliAuditRules } from '../src/audit/linli-rules.js';
import { readHistory } from '../src/audit/read-history.js';
import type { RecordedEvent } from '../src/store/event-store.js';
import { compare, interleave, median, timed, type BenchModule } from './harness.js';
import { benchHistory } from './history-file.js';

/** Events audited each repetition, whatever the mode: held in memory, so kept to the quick history's size. */
const EVENTS = 50_000;

/** The history digest benchmark. */
export const historyDigestBench: BenchModule = {
  id: 'digest',
  description: 'time of the history digest against the in-memory audit it is part of',
  async run(context) {
    const file = await benchHistory(EVENTS, context.log, context.freshHistory);
    const events: RecordedEvent[] = [];
    for await (const batch of readHistory(file).batches())
      for (const entry of batch) events.push(entry.event);
    const samples = await interleave(
      {
        digest: () =>
          timed(async () => {
            const digester = new HistoryDigester();
            for (const event of events) digester.add(event, true);
            void digester.current;
          }),
        audit: () =>
          timed(async () => {
            const auditor = new Auditor({ rules: linliAuditRules });
            for (const event of events) auditor.observe(event);
            auditor.result();
          }),
      },
      { warmup: 1, repetitions: context.quick ? 5 : 11 },
    );
    context.log(`digest ${median(samples.digest).toFixed(3)} s, audit ${median(samples.audit).toFixed(3)} s`);
    return [
      compare({
        name: 'history-digest',
        value: median(samples.digest) * 1000,
        unit: 'ms',
        baseline: median(samples.audit) * 1000,
        baselineName: 'in-memory audit of the same events (digest included), same run',
        target: 0.05,
        better: 'lower',
        detail: `${events.length.toLocaleString('en-US')} events held in memory; median of ${samples.digest.length} interleaved repetitions each`,
      }),
    ];
  },
};
