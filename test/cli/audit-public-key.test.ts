/**
 * `linli audit --public-key`, end to end: a history with signed checkpoints audits clean with its key; the
 * same history rewritten wholesale after a checkpoint, digest included, is exit 1 with the key (naming the
 * checkpoint's stream and position) and, honestly, exit 0 without it. A bad key file is a usage error.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchoredHistory, newSigner, rewriteWholesale } from '../audit/support/anchored.js';
import { samplePlan } from '../audit/support/governance.js';
import { exportToText, parseText, writeText, type EventLine } from '../audit/support/history-text.js';
import { hasStackTrace, runLinli } from './run-linli.js';

let dir: string;
const file = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linli-cli-key-'));
  const signer = newSigner();
  const text = await exportToText(await anchoredHistory(samplePlan, 20, signer));
  await writeFile(file('signed.jsonl'), text);
  // The private key never leaves the anchoring host: the auditor gets the public half only.
  await writeFile(file('public.pem'), signer.publicKey.export({ type: 'spki', format: 'pem' }));
  await writeFile(file('not-a-key.pem'), 'hello\n');
  const { events } = parseText(text);
  const last = events.filter((line) => line.type === 'HistoryAnchored').length;
  const edited: EventLine[] = structuredClone(events);
  const reported = edited.find((line) => line.type === 'ProblemReported')!;
  (reported.data as { description: string }).description = 'Nothing to see here';
  await writeFile(file('rewritten.jsonl'), writeText(rewriteWholesale(edited, 'keep'), 'recompute'));
  expect(last).toBeGreaterThan(1);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('linli audit --public-key', () => {
  it('verifies the signed checkpoints of an untouched history: exit 0', async () => {
    const run = await runLinli(['audit', '--public-key', file('public.pem'), file('signed.jsonl')]);
    expect(run.stdout).toContain('CLEAN');
    expect(run.code).toBe(0);
  });

  it('catches a wholesale rewrite with the key (exit 1, at the checkpoint), and cannot without it', async () => {
    const withKey = await runLinli(['audit', '--public-key', file('public.pem'), file('rewritten.jsonl')]);
    expect(withKey.code).toBe(1);
    expect(withKey.stdout).toContain('anchor-signature-invalid');
    expect(withKey.stdout).toMatch(/anchor-main@\d+, position \d+/);
    const without = await runLinli(['audit', file('rewritten.jsonl')]);
    expect(without.code).toBe(0);
  });

  it('refuses a file that is not an Ed25519 public key: exit 2, no stack trace', async () => {
    const run = await runLinli(['audit', '--public-key', file('not-a-key.pem'), file('signed.jsonl')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--public-key');
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});
