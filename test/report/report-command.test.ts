/** `linli report` as a command: exit codes, messages without stack traces, and a file that appears whole. */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { renderReportHtml } from '../../src/report/render-html.js';
import { parseText, writeText } from '../audit/support/history-text.js';
import { hasStackTrace } from '../cli/run-linli.js';
import { historyText, recordDistrict } from './support/district.js';
import { report, type Run } from './support/run-report.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `linli report <args>` as a separate process, feeding `stdin`. */
const reportProcess = (args: readonly string[], stdin: string): Promise<Run> =>
  new Promise((resolve, reject) => {
    const { LINLI_DEBUG: _debug, ...env } = process.env;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/report/support/report-main.ts', ...args],
      {
        cwd: ROOT,
        env,
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin);
  });

let dir: string;
let text: string;
let tamperedLine: number;
const file = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linli-report-'));
  text = await historyText(await recordDistrict());
  await writeFile(file('history.jsonl'), text);
  const lines = text.split('\n');
  await writeFile(
    file('garbled.jsonl'),
    [...lines.slice(0, 4), 'PK\u0003\u0004 garbage', ...lines.slice(5)].join('\n'),
  );
  await writeFile(file('truncated.jsonl'), text.slice(0, text.indexOf('\n', text.length / 2) - 15));
  await writeFile(file('not-a-history.csv'), 'street,community,grid\nlongtan-st,longtan,longtan.g1\n');
  // The fourth problem event (after the directory's) given an id no schema accepts.
  const { events, trailer } = parseText(text);
  const tampered = events.filter((event) => event.streamId.startsWith('problem-'))[3]!;
  (tampered.data as Record<string, unknown>).problemId = 'not an id';
  tamperedLine = events.indexOf(tampered) + 1;
  await writeFile(file('tampered.jsonl'), writeText(events, trailer));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('linli report <history.jsonl> --out <report.html>', () => {
  it('writes the report, exit 0, and leaves no partial file behind', async () => {
    const run = await report(file('history.jsonl'), '--out', file('report.html'));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `wrote ${file('report.html')}: 18 problems, 3 communities, 4 months, as at 2026-04-20T10:00:00.000Z\n`,
    );
    const html = await readFile(file('report.html'), 'utf8');
    expect(html).toBe(renderReportHtml(await buildReport(file('history.jsonl'))));
    expect((await readdir(dir)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('writes the same bytes every time, wherever the history and the report are', async () => {
    await writeFile(file('copy of history.jsonl'), text);
    expect((await report(file('history.jsonl'), '--out', file('a.html'))).code).toBe(0);
    expect((await report(file('copy of history.jsonl'), '-o', file('b.html'))).code).toBe(0);
    expect(await readFile(file('b.html'))).toEqual(await readFile(file('a.html')));
  });

  it('counts months in the time zone given', async () => {
    const run = await report(file('history.jsonl'), '--out', file('utc.html'), '--time-zone', 'UTC');
    expect(run.code).toBe(0);
    const html = await readFile(file('utc.html'), 'utf8');
    expect(html).toContain('(UTC)');
    expect(html).toContain('<tr><th scope="row">2026-01</th><td class="num">7</td>');
  });

  it.each([
    ['missing.jsonl', /^linli report: cannot read .*missing\.jsonl: ENOENT/],
    ['garbled.jsonl', /^linli report: .*garbled\.jsonl: line 5: not valid JSON/],
    [
      'truncated.jsonl',
      /^linli report: .*truncated\.jsonl: line \d+: the file ends in the middle of this line/,
    ],
    ['not-a-history.csv', /^linli report: .*not-a-history\.csv: line 1: not JSON .*not a linli history/],
  ])("exits 2 on %s with the reader's message, no stack trace and no report", async (name, message) => {
    const out = file(`${name}.html`);
    const run = await report(file(name), '--out', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(hasStackTrace(run.stderr)).toBe(false);
    const left = await readdir(dir);
    expect(left).not.toContain(`${name}.html`);
    expect(left).not.toContain(`${name}.html.partial`);
  });

  it('exits 2 when the report cannot be written, before reading the history', async () => {
    const run = await report(file('missing.jsonl'), '--out', join(dir, 'no-such-dir', 'report.html'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^linli report: cannot write .*no-such-dir.*ENOENT/);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  // HISTORY and OUT stand for a good history file and a report in the test's directory.
  it.each([
    [['HISTORY'], 'where to? give --out'],
    [['--out', 'OUT'], 'which history?'],
    [['HISTORY', 'HISTORY', '--out', 'OUT'], 'one history at a time'],
    [['HISTORY', '--out', 'OUT', '--time-zone', 'Mars/Olympus'], 'unknown time zone Mars/Olympus'],
    [['HISTORY', '--out', 'OUT', '--colour'], "Unknown option '--colour'"],
  ])('exits 2 with the usage on a wrong command line: %j', async (args, message) => {
    const paths: Record<string, string> = { HISTORY: file('history.jsonl'), OUT: file('x.html') };
    const run = await report(...args.map((arg) => paths[arg] ?? arg));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Usage:\n  linli report <history.jsonl> --out <report.html>');
    expect((await readdir(dir)).filter((name) => name.startsWith('x.html'))).toEqual([]);
  });

  it('still writes the report from a tampered history, and says what it left out', async () => {
    const run = await report(file('tampered.jsonl'), '--out', file('tampered.html'));
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("linli report: warning: the trailer's digest");
    expect(run.stderr).toContain(
      `linli report: warning: 1 events are not valid linli events and were left out (first at line ${tamperedLine}); run linli audit`,
    );
    expect(await readFile(file('tampered.html'), 'utf8')).toContain('are not valid linli events');
  });

  it('reads the history from stdin with - and writes the report to stdout with --out -', async () => {
    const run = await reportProcess(['-', '--out', '-'], text);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(await readFile(file('report.html'), 'utf8'));
  });

  it('exits 2 on garbage from stdin, in a process of its own, without a stack trace', async () => {
    const run = await reportProcess(['-', '--out', file('stdin.html')], 'not,a,history\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^linli report: stdin: line 1: not JSON/);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(await readdir(dir)).not.toContain('stdin.html.partial');
  });
});
