/**
 * `linli report` never writes over its own history: an --out that is the history, however it is spelled
 * or linked, is a usage error (exit 2) and the history is left byte for byte as it was.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { link, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hasStackTrace } from '../cli/run-linli.js';
import { historyText, recordDistrict } from './support/district.js';
import { report, type Run } from './support/run-report.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `linli report <args> < stdinFile` as a process whose standard input is that file, as a shell does. */
const reportFromFile = (args: readonly string[], stdinFile: string): Promise<Run> =>
  new Promise((resolve, reject) => {
    const fd = openSync(stdinFile, 'r');
    const { LINLI_DEBUG: _debug, ...env } = process.env;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/report/support/report-main.ts', ...args],
      { cwd: ROOT, env, stdio: [fd, 'pipe', 'pipe'] },
    );
    closeSync(fd);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });

let dir: string;
let text: string;
const file = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linli-report-out-'));
  text = await historyText(await recordDistrict());
  await mkdir(file('sub'));
});
beforeEach(async () => {
  // Fresh each time: a test that failed to refuse must not hand the next one a clobbered history.
  await rm(file('history.jsonl'), { force: true });
  await writeFile(file('history.jsonl'), text);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The history is as written, and nothing was left beside it. */
const expectUntouched = async (): Promise<void> => {
  expect(await readFile(file('history.jsonl'), 'utf8')).toBe(text);
  expect((await readdir(dir)).filter((name) => name.endsWith('.partial'))).toEqual([]);
};

describe('linli report --out <the history itself>', () => {
  it('the same path: refused with the usage, exit 2, the history untouched', async () => {
    const run = await report(file('history.jsonl'), '--out', file('history.jsonl'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--out ${file('history.jsonl')} would overwrite the history`);
    expect(run.stderr).toContain('Usage:');
    expect(hasStackTrace(run.stderr)).toBe(false);
    await expectUntouched();
  });

  it.each([
    ['another spelling of its path', () => join(dir, 'sub', '..', '.', 'history.jsonl')],
    ['a relative spelling', () => relative(process.cwd(), file('history.jsonl'))],
  ])('%s: refused', async (_what, out) => {
    const run = await report(file('history.jsonl'), '--out', out());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('would overwrite the history');
    await expectUntouched();
  });

  it('a symbolic link to it: refused', async () => {
    await symlink(file('history.jsonl'), file('sub/symlink.jsonl'));
    const run = await report(file('history.jsonl'), '--out', file('sub/symlink.jsonl'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('would overwrite the history');
    await expectUntouched();
  });

  it('a hard link to it: refused', async () => {
    await link(file('history.jsonl'), file('sub/hard.jsonl'));
    const run = await report(file('sub/hard.jsonl'), '--out', file('history.jsonl'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('would overwrite the history');
    await expectUntouched();
    await rm(file('sub/hard.jsonl'));
  });

  it('an --out whose .partial file would be the history: refused before that file is opened', async () => {
    // The report is written to <out>.partial first, then renamed: that file must not be the history either.
    const history = file('sub/old.jsonl.partial');
    await writeFile(history, text);
    const run = await report(history, '--out', file('sub/old.jsonl'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`(through ${history})`);
    expect(await readFile(history, 'utf8')).toBe(text);
    expect(await readdir(file('sub'))).not.toContain('old.jsonl');
    await rm(history);
  });

  it('the history redirected to stdin: refused, the history untouched', async () => {
    const run = await reportFromFile(['-', '--out', file('history.jsonl')], file('history.jsonl'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('would overwrite the history (stdin)');
    await expectUntouched();
  });

  it('a copy of it is another file: written', async () => {
    await writeFile(file('copy.jsonl'), text);
    const run = await report(file('history.jsonl'), '--out', file('copy.jsonl'));
    expect(run.code).toBe(0);
    expect(await readFile(file('copy.jsonl'), 'utf8')).toMatch(/^<!doctype html>/i);
    await expectUntouched();
  });
});
