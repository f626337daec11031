/**
 * Honours and checkpoints in the audit: what the two checks issue 14 added (the honour roll replayed to each
 * award, each checkpoint held to the digest and heads of what it covers) cost a whole in-memory audit. Both
 * contenders audit the same demo history (honours, prizes and a checkpoint every 1,000 events), held in
 * memory, interleaved: the full rules against the same rules without those two checks. Target: at most 15%
 * more time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Auditor, type AuditRules } from '../src/audit/auditor.js';
import { linliAuditRules } from '../src/audit/linli-rules.js';
import { readHistory } from '../src/audit/read-history.js';
import { runDemo } from '../src/demo/run-demo.js';
import type { RecordedEvent } from '../src/store/event-store.js';
import { compare, interleave, median, timed, type BenchModule } from './harness.js';

const NEW_CHECKS = new Set(['honours', 'history anchors']);

/** The default rules without the honours and checkpoint checks: the baseline. */
const without: AuditRules = {
  catalogues: linliAuditRules.catalogues,
  checks: () => linliAuditRules.checks().filter((check) => !NEW_CHECKS.has(check.name)),
};

const auditOnce = (events: readonly RecordedEvent[], rules: AuditRules): Promise<number> =>
  timed(async () => {
    const auditor = new Auditor({ rules });
    for (const event of events) auditor.observe(event);
    const result = auditor.result();
    if (!result.clean) throw new Error(`the demo history audits with ${result.violationCount} violations`);
  });

/** The honours and checkpoints benchmark. */
export const checkpointsBench: BenchModule = {
  id: 'checkpoints',
  description: 'time of the honours and checkpoint checks against the in-memory audit they are part of',
  async run(context) {
    const households = context.quick ? 3_000 : 20_000;
    const dir = await mkdtemp(join(tmpdir(), 'linli-bench-checkpoints-'));
    try {
      const file = join(dir, 'demo.jsonl');
      context.log(`simulating a year of ${households.toLocaleString('en-US')} households`);
      await runDemo({ seed: 14, households, out: file });
      const events: RecordedEvent[] = [];
      for await (const batch of readHistory(file).batches())
        for (const entry of batch) events.push(entry.event);
      const anchors = events.filter((event) => event.type === 'HistoryAnchored').length;
      const honours = events.filter((event) => event.type === 'HonourAwarded').length;
      const samples = await interleave(
        { full: () => auditOnce(events, linliAuditRules), without: () => auditOnce(events, without) },
        { warmup: 1, repetitions: context.quick ? 5 : 9 },
      );
      context.log(
        `full ${median(samples.full).toFixed(3)} s, without ${median(samples.without).toFixed(3)} s`,
      );
      return [
        compare({
          name: 'audit-with-honours-and-checkpoints',
          value: median(samples.full) * 1000,
          unit: 'ms',
          baseline: median(samples.without) * 1000,
          baselineName: 'the same in-memory audit without the honours and checkpoint checks, same run',
          target: 1.15,
          better: 'lower',
          detail:
            `demo history of ${events.length.toLocaleString('en-US')} events (${honours} honours, ${anchors} ` +
            `checkpoints) held in memory; median of ${samples.full.length} interleaved repetitions each`,
        }),
      ];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
