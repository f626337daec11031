import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHistoryFile } from '../../src/audit/audit.js';
import { runDemo } from '../../src/demo/run-demo.js';
import type { DemoSummary } from '../../src/demo/summary.js';

// A small district keeps the three runs fast; determinism does not depend on size.
const HOUSEHOLDS = 300;

let dir: string;
const runs: { summary: DemoSummary; bytes: Buffer }[] = [];

const run = async (seed: number, name: string): Promise<{ summary: DemoSummary; bytes: Buffer }> => {
  const out = join(dir, name);
  const summary = await runDemo({ seed, households: HOUSEHOLDS, out });
  return { summary, bytes: await readFile(out) };
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linli-demo-'));
  runs.push(await run(11, 'first.jsonl'), await run(11, 'again.jsonl'), await run(12, 'other.jsonl'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the demo history', () => {
  it('is byte-identical for the same seed', () => {
    const [first, again] = runs;
    expect(first!.bytes.length).toBeGreaterThan(0);
    expect(again!.bytes.equals(first!.bytes)).toBe(true);
    expect(again!.summary.history?.digest).toBe(first!.summary.history?.digest);
  });

  it('differs for another seed', () => {
    const [first, , other] = runs;
    expect(other!.bytes.equals(first!.bytes)).toBe(false);
    expect(other!.summary.history?.digest).not.toBe(first!.summary.history?.digest);
  });

  it('is what linli audit accepts and finds clean, with the figures the demo printed', async () => {
    const [first] = runs;
    const result = await auditHistoryFile(join(dir, 'first.jsonl'));
    expect(result.violations).toEqual([]);
    expect(result.clean).toBe(true);
    const { summary } = first!;
    expect(result.summary.events).toBe(summary.events);
    const problems = result.summary.problems;
    expect(problems?.reported).toBe(summary.total.figures.reported);
    expect(problems?.resolved).toBe(summary.total.figures.resolved);
    expect(result.summary.points?.outstanding).toBe(summary.total.points.outstanding);
  });

  it('refuses only the commands provoked on purpose, with their codes (any other refusal fails the run)', () => {
    for (const { summary } of runs) {
      expect(summary.provoked.length).toBeGreaterThan(0);
      for (const provocation of summary.provoked) expect(provocation.actual).toBe(provocation.expected);
    }
  });
});
