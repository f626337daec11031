/**
 * Checkpoints as evidence: a signed history audits clean; a wholesale rewrite after a signed checkpoint,
 * digest included, is caught with the public key and, honestly, not without it.
 */
import { describe, expect, it } from 'vitest';
import { createLinliAuditRules } from '../../src/audit/linli-rules.js';
import { anchoredHistory, newSigner, rewriteWholesale } from './support/anchored.js';
import { samplePlan } from './support/governance.js';
import {
  auditText,
  exportToText,
  parseText,
  rechain,
  writeText,
  type EventLine,
} from './support/history-text.js';

const signer = newSigner();
const withKey = { rules: createLinliAuditRules({}, { anchors: { publicKey: signer.publicKey } }) };

/** The history with the first problem's description changed: a rewrite no domain rule can see. */
const rewriteDescription = (events: readonly EventLine[]): EventLine[] => {
  const copy = structuredClone(events) as EventLine[];
  const reported = copy.find((line) => line.type === 'ProblemReported');
  if (reported === undefined) throw new Error('the sample plan reports a problem');
  (reported.data as { description: string }).description = 'Nothing to see here';
  return copy;
};

describe('a history with signed checkpoints', async () => {
  const text = await exportToText(await anchoredHistory(samplePlan, 25, signer));
  const { events } = parseText(text);
  const anchors = events.filter((line) => line.type === 'HistoryAnchored');

  it('holds a checkpoint every 25 events and one at the end, and audits clean with or without the key', async () => {
    expect(anchors.length).toBe(Math.ceil((events.length - anchors.length) / 25));
    expect(events.at(-1)?.type).toBe('HistoryAnchored');
    expect((await auditText(text)).violations).toEqual([]);
    const keyed = await auditText(text, withKey);
    expect(keyed.violations).toEqual([]);
    const n = anchors.length;
    const covered = events.length - 1;
    expect(keyed.summary.checkpoints).toEqual({ checkpoints: n, signed: n, verified: n, covered });
    expect((await auditText(text)).summary.checkpoints).toEqual({ checkpoints: n, signed: n, covered });
  });

  it('holds signatures and a key id, never the private key', () => {
    // An Ed25519 PKCS#8 DER is a 16-byte header and the 32-byte seed: the seed is the secret, in any encoding.
    const seed = signer.privateKey.export({ type: 'pkcs8', format: 'der' }).subarray(16);
    for (const encoding of ['hex', 'base64', 'base64url'] as const) {
      expect(text).not.toContain(seed.toString(encoding).replace(/=+$/, ''));
    }
    expect(
      anchors.every(
        (line) => (line.data as { signature?: { keyId: string } }).signature?.keyId === signer.keyId,
      ),
    ).toBe(true);
  });

  it('catches an edit re-chained by a forger who leaves the checkpoints alone, key or not', async () => {
    const forged = writeText(rechain(rewriteDescription(events)), 'recompute');
    const result = await auditText(forged);
    expect(result.violationsByCode['anchor-mismatch']).toBeGreaterThan(0);
    const first = result.violations.find((violation) => violation.code === 'anchor-mismatch');
    expect(first?.streamId).toBe('anchor-main');
  });

  it('catches a wholesale rewrite, digests and heads recomputed, with the key: every later checkpoint', async () => {
    const forged = writeText(rewriteWholesale(rewriteDescription(events), 'keep'), 'recompute');
    const result = await auditText(forged, withKey);
    expect(result.clean).toBe(false);
    expect(Object.keys(result.violationsByCode)).toEqual(['anchor-signature-invalid']);
    const reported = events.findIndex((line) => line.type === 'ProblemReported');
    const after = anchors.filter((line) => Number(line.position) > reported).length;
    expect(result.violationsByCode['anchor-signature-invalid']).toBe(after);
    const violation = result.violations[0]!;
    expect(violation.streamId).toBe('anchor-main');
    expect(violation.revision).toBeDefined();
    expect(violation.position).toBeDefined();
  });

  it('does not catch the same rewrite without the key: the forger recomputed everything a keyless audit checks', async () => {
    const forged = writeText(rewriteWholesale(rewriteDescription(events), 'keep'), 'recompute');
    expect((await auditText(forged)).violations).toEqual([]);
  });

  it('catches a rewrite whose checkpoints are stripped of their signatures or signed with another key', async () => {
    const stripped = writeText(rewriteWholesale(rewriteDescription(events), 'strip'), 'recompute');
    expect(Object.keys((await auditText(stripped, withKey)).violationsByCode)).toEqual(['anchor-unsigned']);
    const own = writeText(rewriteWholesale(rewriteDescription(events), { signer: newSigner() }), 'recompute');
    expect(Object.keys((await auditText(own, withKey)).violationsByCode)).toEqual([
      'anchor-signature-invalid',
    ]);
  });

  it('catches a rewrite that drops every checkpoint, with the key', async () => {
    const dropped = rechain(rewriteDescription(events).filter((line) => line.type !== 'HistoryAnchored'));
    const result = await auditText(writeText(dropped, 'recompute'), withKey);
    expect(result.violationsByCode).toEqual({ 'anchor-unsigned': 1 });
    expect((await auditText(writeText(dropped, 'recompute'))).clean).toBe(true);
  });
});

describe('keyless checkpoints', () => {
  it('audit clean without a key, and are reported unsigned when a key is asked for', async () => {
    const text = await exportToText(await anchoredHistory(samplePlan, 40));
    expect((await auditText(text)).violations).toEqual([]);
    const anchors = parseText(text).events.filter((line) => line.type === 'HistoryAnchored').length;
    expect((await auditText(text, withKey)).violationsByCode).toEqual({ 'anchor-unsigned': anchors });
  });
});
