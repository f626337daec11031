/**
 * Tamper evidence, as a property: any single mutation of an exported history is detected, and an untouched
 * history audits clean. Histories are real: governance scenarios driven through the CommandHandler and the
 * four aggregates, and counter histories for the chain alone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/audit/auditor.js';
import { buildCounterHistory, counterRules } from './support/counter-history.js';
import { buildGovernanceHistory, governancePlanArb, samplePlan } from './support/governance.js';
import { auditText, exportToText, lastIndexWhere, parseText, writeText } from './support/history-text.js';
import { applyMutation, mutationArb, type Mutated } from './support/mutations.js';

const RUNS = 60;

/** The violations a mutation must have produced, located where the mutation happened. */
const expectLocated = (result: AuditResult, mutated: Mutated): void => {
  expect(result.clean).toBe(false);
  const lines = mutated.touched.map((index) => index + 1);
  const [first, last] = [Math.min(...lines), Math.max(...lines)];
  const located = result.violations.some(
    (violation) =>
      (violation.line !== undefined && violation.line >= first && violation.line <= last + 1) ||
      violation.streamId === mutated.streamId,
  );
  expect(
    located,
    JSON.stringify(result.violations.slice(0, 5), (_k, v: unknown) => (typeof v === 'bigint' ? `${v}` : v)),
  ).toBe(true);
};

describe('an untouched history audits clean', () => {
  it('for any governance scenario', async () => {
    await fc.assert(
      fc.asyncProperty(governancePlanArb, async (plan) => {
        const result = await auditText(await exportToText(await buildGovernanceHistory(plan)));
        expect(result.violations).toEqual([]);
        expect(result.clean).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});

describe('any single mutation of an exported governance history is detected', () => {
  it('with the trailer as exported', async () => {
    await fc.assert(
      fc.asyncProperty(governancePlanArb, mutationArb, async (plan, mutation) => {
        const { events, trailer } = parseText(await exportToText(await buildGovernanceHistory(plan)));
        const mutated = applyMutation(events, mutation);
        const result = await auditText(writeText(mutated.events, trailer));
        expect(result.clean).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('by the replay alone, when the forger also rewrote the trailer', async () => {
    await fc.assert(
      fc.asyncProperty(governancePlanArb, mutationArb, async (plan, mutation) => {
        const { events } = parseText(await exportToText(await buildGovernanceHistory(plan)));
        const mutated = applyMutation(events, mutation);
        fc.pre(!mutated.onlyTheDigestCanTell);
        const result = await auditText(writeText(mutated.events, 'recompute'));
        expect(result.violationsByCode['digest-mismatch']).toBeUndefined();
        expectLocated(result, mutated);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('any single mutation of an exported counter history is detected by the chain', () => {
  it('with or without the trailer', async () => {
    const text = await exportToText(await buildCounterHistory(['a', 'b', 'c'], 30));
    const { events, trailer } = parseText(text);
    expect((await auditText(text, { rules: counterRules })).clean).toBe(true);
    await fc.assert(
      fc.asyncProperty(mutationArb, async (mutation) => {
        const mutated = applyMutation(events, mutation);
        expect((await auditText(writeText(mutated.events, trailer), { rules: counterRules })).clean).toBe(
          false,
        );
        if (mutated.onlyTheDigestCanTell) return;
        expectLocated(
          await auditText(writeText(mutated.events, 'recompute'), { rules: counterRules }),
          mutated,
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('what only the digest can tell', () => {
  it('a stream cut short or extended by a well-forged event passes the chain, but not the digest', async () => {
    const { events, trailer } = parseText(await exportToText(await buildGovernanceHistory(samplePlan)));
    const lastOfItsStream = lastIndexWhere(events, (event) => event.streamId === events.at(-1)!.streamId);
    const cut = events.filter((_, i) => i !== lastOfItsStream);
    // The chain cannot know that the stream had one more event; the trailer, if it is kept safe, can.
    expect((await auditText(writeText(cut, 'recompute'))).clean).toBe(true);
    const caught = await auditText(writeText(cut, trailer));
    expect(Object.keys(caught.violationsByCode).sort()).toEqual(['digest-mismatch', 'event-count-mismatch']);
  });
});
