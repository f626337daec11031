/**
 * Checkpoints as a property: for any generated governance history with signed checkpoints, every single
 * mutation is detected. A forger who leaves the chain broken is caught as before; one who re-chains and
 * recomputes the trailer, so that neither can tell, is caught by the checkpoint that covers the event.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/audit/canonical.js';
import { createLinliAuditRules } from '../../src/audit/linli-rules.js';
import { anchoredHistory, newSigner } from './support/anchored.js';
import { governancePlanArb } from './support/governance.js';
import {
  auditText,
  exportToText,
  lastIndexWhere,
  parseText,
  rechain,
  writeText,
} from './support/history-text.js';
import { applyMutation, mutationArb } from './support/mutations.js';

const RUNS = 40;
const signer = newSigner();
const withKey = { rules: createLinliAuditRules({}, { anchors: { publicKey: signer.publicKey } }) };
const historyArb = fc.tuple(governancePlanArb, fc.integer({ min: 5, max: 30 }));

describe('any single mutation of a history with checkpoints is detected', () => {
  it('untouched, it audits clean with the key', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, async ([plan, every]) => {
        const text = await exportToText(await anchoredHistory(plan, every, signer));
        expect((await auditText(text, withKey)).violations).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });

  it('with the chain and the trailer as the forger left them', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, mutationArb, async ([plan, every], mutation) => {
        const { events, trailer } = parseText(await exportToText(await anchoredHistory(plan, every, signer)));
        const mutated = applyMutation(events, mutation);
        expect((await auditText(writeText(mutated.events, trailer), withKey)).clean).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('by the covering checkpoint, when the forger re-chained and recomputed the trailer', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, mutationArb, async ([plan, every], mutation) => {
        const { events } = parseText(await exportToText(await anchoredHistory(plan, every, signer)));
        const mutated = applyMutation(events, mutation);
        const last =
          mutated.events[lastIndexWhere(mutated.events, (line) => line.type === 'HistoryAnchored')];
        // Only events the last checkpoint covers (its first `events`): an event put between them and the
        // checkpoint, or after it, is for the next checkpoint to pin, as one appended concurrently would be.
        const covered = (last?.data as { readonly events?: number } | undefined)?.events ?? 0;
        fc.pre(mutated.touched.every((index) => index < covered));
        const forged = rechain(mutated.events);
        // Re-chaining renumbers positions and revisions and recomputes hashes: a change to those is undone.
        fc.pre(canonicalJson(forged) !== canonicalJson(rechain(events)));
        const result = await auditText(writeText(forged, 'recompute'), withKey);
        expect(result.violationsByCode['digest-mismatch']).toBeUndefined();
        const byAnchor = result.violations.filter((violation) => violation.code.startsWith('anchor-'));
        expect(byAnchor.length, JSON.stringify(Object.keys(result.violationsByCode))).toBeGreaterThan(0);
        expect(byAnchor.every((violation) => violation.streamId === 'anchor-main')).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
