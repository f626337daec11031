/** `linli audit` end to end: real processes on temp files, exit codes 0 / 1 / 2 and what they print. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGovernanceHistory, samplePlan } from '../audit/support/governance.js';
import { exportToText, parseText, writeText } from '../audit/support/history-text.js';
import { hasStackTrace, runLinli } from './run-linli.js';

let dir: string;
let text: string;
const file = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linli-cli-'));
  text = await exportToText(await buildGovernanceHistory(samplePlan));
  await writeFile(file('clean.jsonl'), text);
  const { events, trailer } = parseText(text);
  (events[7]!.data as Record<string, unknown>).problemId = 'pr-99';
  await writeFile(file('tampered.jsonl'), writeText(events, trailer));
  const lines = text.split('\n');
  await writeFile(file('truncated.jsonl'), text.slice(0, text.indexOf('\n', text.length / 2) - 15));
  await writeFile(file('no-trailer.jsonl'), `${lines.slice(0, 12).join('\n')}\n`);
  await writeFile(
    file('garbled.jsonl'),
    [...lines.slice(0, 4), 'PK\u0003\u0004 garbage', ...lines.slice(5)].join('\n'),
  );
  await writeFile(file('not-a-history.csv'), 'street,community,grid\nstreet-1,comm-1,grid-1\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('linli audit <history.jsonl>', () => {
  it('exits 0 on a clean history and prints the summary figures', async () => {
    const run = await runLinli(['audit', file('clean.jsonl')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('CLEAN');
    expect(run.stdout).toMatch(/events\s+46/);
    expect(run.stdout).toContain('issued 20, redeemed 10, adjusted +6, outstanding 16');
    expect(run.stdout).toContain('721 shares');
    expect(run.stderr).toBe('');
  });

  it('exits 1 on a tampered history and names the line, stream and revision', async () => {
    const run = await runLinli(['audit', file('tampered.jsonl')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('VIOLATIONS');
    expect(run.stdout).toMatch(/hash-mismatch at line 8, [a-z]+-[\w-]+@\d+, position 7/);
    expect(run.stdout).toContain('digest-mismatch');
  });

  it('prints the report as JSON with --json', async () => {
    const clean = await runLinli(['audit', '--json', file('clean.jsonl')]);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({
      clean: true,
      violationCount: 0,
      summary: { events: 46 },
    });
    const tampered = await runLinli(['audit', file('tampered.jsonl'), '--json']);
    expect(tampered.code).toBe(1);
    const report = JSON.parse(tampered.stdout) as {
      violations: { code: string; line: number; revision: string }[];
    };
    expect(report.violations).toContainEqual(expect.objectContaining({ code: 'hash-mismatch', line: 8 }));
  });

  it('lists at most --max-violations violations and counts the rest', async () => {
    const run = await runLinli(['audit', '--max-violations', '1', file('tampered.jsonl')]);
    expect(run.code).toBe(1);
    expect(run.stdout.match(/^ {2}[a-z-]+ at line \d+/gm)).toHaveLength(1);
    expect(run.stdout).toMatch(/\.\.\. and \d+ more/);
  });

  it('rebuilds the read models too with --projections', async () => {
    const run = await runLinli(['audit', '--projections', file('clean.jsonl')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('CLEAN');
  });

  it('reads the history from stdin with "-"', async () => {
    const run = await runLinli(['audit', '-'], text);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('CLEAN');
  });

  it('draws progress on stderr only, with --progress, leaving stdout to the report', async () => {
    const run = await runLinli(['audit', '--progress', file('clean.jsonl')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('100% 46 events audited');
    expect(run.stdout).not.toContain('events audited');
  });
});

describe('linli audit on input it cannot read exits 2 with a message naming the line, never a stack trace', () => {
  // The first three break off after some events: what those events show is still reported on stdout.
  const cases: [string, string[], RegExp, boolean][] = [
    [
      'a truncated file',
      ['truncated.jsonl'],
      /truncated\.jsonl: line \d+: the file ends in the middle of this line/,
      true,
    ],
    [
      'a file without its trailer',
      ['no-trailer.jsonl'],
      /line 12: the history ends here without its trailer/,
      true,
    ],
    ['a garbled line', ['garbled.jsonl'], /garbled\.jsonl: line 5: not valid JSON/, true],
    ['a file that is not a history', ['not-a-history.csv'], /line 1: not JSON .*not a linli history/, false],
    ['a missing file', ['missing.jsonl'], /cannot read .*missing\.jsonl: ENOENT/, false],
  ];
  for (const [what, [name], message, partial] of cases) {
    it(what, async () => {
      const run = await runLinli(['audit', file(name!)]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      if (partial) expect(run.stdout).toMatch(/^INCOMPLETE: line \d+: /m);
      else expect(run.stdout).toBe('');
      expect(hasStackTrace(run.stderr)).toBe(false);
    });
  }

  it('says so as JSON with --json', async () => {
    const run = await runLinli(['audit', '--json', file('truncated.jsonl')]);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({
      error: { failure: 'truncated', line: expect.any(Number) },
    });
  });

  it('a store it cannot reach, without printing the password', async () => {
    const run = await runLinli(['audit', '--postgres', 'postgres://auditor:s3cret@127.0.0.1:1/linli']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot read from PostgreSQL at postgres://auditor:***@127.0.0.1:1/linli');
    expect(run.stderr).not.toContain('s3cret');
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});

describe('linli usage', () => {
  it('--help lists the commands and exits 0', async () => {
    const run = await runLinli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/audit\s+replay a history/);
    expect(run.stdout).toMatch(/export\s+write a store's whole history/);
  });

  it('audit --help shows the usage and exits 0', async () => {
    const run = await runLinli(['audit', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Exit codes: 0 clean, 1 violations found, 2 input unreadable');
  });

  it('--version prints the package version', async () => {
    const run = await runLinli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('mistakes exit 2 with the reason and the usage', async () => {
    for (const args of [
      ['export'],
      ['export', '--out', 'x.jsonl', 'extra'],
      ['audit', '--max-violations', 'many', 'x.jsonl'],
      [],
      ['audit'],
      ['audit', '--bogus', 'x.jsonl'],
      ['audit', 'a.jsonl', '--esdb', 'esdb://h'],
      ['frobnicate'],
    ]) {
      const run = await runLinli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(/Usage|usage/);
      expect(hasStackTrace(run.stderr)).toBe(false);
    }
  });
});
