/**
 * `linli audit` and the history digest, end to end: printed for a person and as JSON, held to anchors with
 * --expect-digest, and a tampered file whose trailer was removed still reported for what it shows.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyDigest, type HistoryDigest } from '../../src/audit/history-digest.js';
import { buildGovernanceHistory, samplePlan } from '../audit/support/governance.js';
import {
  exportToText,
  parseText,
  rechain,
  toRecorded,
  writeText,
  type EventLine,
} from '../audit/support/history-text.js';
import { hasStackTrace, runLinli } from './run-linli.js';

let dir: string;
let events: EventLine[];
let whole: HistoryDigest;
const file = (name: string): string => join(dir, name);

/** The anchor of the first `count` events, as `--expect-digest` takes it. */
const anchorOf = async (count: number): Promise<string> => {
  const digest = await historyDigest(events.slice(0, count).map(toRecorded));
  return `${digest.position}:${digest.digest}`;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linli-cli-digest-'));
  const text = await exportToText(await buildGovernanceHistory(samplePlan));
  ({ events } = parseText(text));
  whole = await historyDigest(events.map(toRecorded));
  await writeFile(file('clean.jsonl'), text);
  // A forger who knows the algorithm: one description edited, every hash after it recomputed.
  const first = events.findIndex((line) => line.type === 'ProblemReported');
  const edited = events.map((line, i) =>
    i === first ? { ...line, data: { ...(line.data as object), description: 'nothing here' } } : line,
  );
  await writeFile(file('rechained.jsonl'), writeText(rechain(edited), 'recompute'));
  // A plain edit, then the trailer deleted so that the digest-mismatch cannot show.
  const tampered = events.map((line, i) =>
    i === 7 ? { ...line, data: { ...(line.data as object), problemId: 'pr-99' } } : line,
  );
  await writeFile(
    file('tampered-no-trailer.jsonl'),
    writeText(tampered, 'recompute').split('\n').slice(0, -2).join('\n') + '\n',
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('linli audit prints the history digest', () => {
  it('for a person, with its position, the file digest beside it, and as JSON', async () => {
    const human = await runLinli(['audit', file('clean.jsonl')]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(
      `history digest  ${whole.digest} at position ${whole.position} (${events.length} events)`,
    );
    expect(human.stdout).toMatch(
      /file digest {5}sha256:[0-9a-f]{64} \(the file's bytes before its trailer\)/,
    );
    const json = await runLinli(['audit', '--json', file('clean.jsonl')]);
    const report = JSON.parse(json.stdout) as { summary: { historyDigest: unknown; fileDigest: string } };
    expect(report.summary.historyDigest).toEqual({
      digest: whole.digest,
      events: events.length,
      position: String(whole.position),
    });
    expect(report.summary.fileDigest).not.toBe(whole.digest);
  });
});

describe('linli audit --expect-digest', () => {
  it('passes when the history still has the anchors, and says so', async () => {
    const run = await runLinli([
      'audit',
      file('clean.jsonl'),
      '--expect-digest',
      await anchorOf(events.length),
      '--expect-digest',
      await anchorOf(10),
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`anchors\\s+9 matches, ${events.length - 1} matches`));
  });

  it('finds a re-chained edit before an anchor, which the chain cannot see', async () => {
    const unanchored = await runLinli(['audit', file('rechained.jsonl')]);
    expect(unanchored.code).toBe(0);
    const anchor = await anchorOf(events.length - 3);
    const run = await runLinli(['audit', file('rechained.jsonl'), '--expect-digest', anchor]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/anchors\s+\d+ DIFFERS/);
    expect(run.stdout).toMatch(
      new RegExp(
        `anchor-mismatch at line ${events.length - 3}, [a-z]+-[\\w-]+@\\d+, position ${events.length - 4}: .*the anchor says ${anchor.split(':').slice(1).join(':')}`,
      ),
    );
  });

  it('reports an anchor the history never reaches', async () => {
    const run = await runLinli(['audit', file('clean.jsonl'), '--expect-digest', `999:${whole.digest}`]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('anchor-not-reached at position 999: ');
  });

  it('refuses an anchor it cannot read, with the usage and exit 2', async () => {
    for (const bad of ['45', `sha256:${'a'.repeat(64)}`, '45:sha256:abc', `x:${whole.digest}`]) {
      const run = await runLinli(['audit', file('clean.jsonl'), '--expect-digest', bad]);
      expect(run.code, bad).toBe(2);
      expect(run.stderr).toContain('--expect-digest wants <position>:sha256:<64 hex digits>');
      expect(hasStackTrace(run.stderr)).toBe(false);
    }
  });
});

describe('linli audit of a tampered file whose trailer was removed', () => {
  it('reports the chain violation where it is and that the file was cut short, exit 2', async () => {
    const run = await runLinli(['audit', file('tampered-no-trailer.jsonl')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/tampered-no-trailer\.jsonl: line \d+: .*it was cut short/);
    expect(run.stdout).toContain('INCOMPLETE: ');
    expect(run.stdout).toMatch(/VIOLATIONS: \d+ found in the 46 events read/);
    expect(run.stdout).toMatch(
      new RegExp(`hash-mismatch at line 8, ${events[7]!.streamId}@${events[7]!.revision}, position 7`),
    );
  });

  it('says both as JSON', async () => {
    const run = await runLinli(['audit', '--json', file('tampered-no-trailer.jsonl')]);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({
      clean: false,
      error: { failure: 'truncated', line: events.length },
      readFailure: { failure: 'truncated', line: events.length },
      violations: expect.arrayContaining([
        expect.objectContaining({ code: 'hash-mismatch', line: 8, streamId: events[7]!.streamId }),
      ]),
    });
  });
});
