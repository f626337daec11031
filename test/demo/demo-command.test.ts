import { describe, expect, it } from 'vitest';
import { EXIT, UsageError, type CliIo } from '../../src/cli/cli-command.js';
import { parseDemoArgs } from '../../src/demo/demo-args.js';
import { demoCommand } from '../../src/demo/demo-command.js';
import { DEFAULT_HOUSEHOLDS } from '../../src/demo/run-demo.js';

const io = (): CliIo & { out: string; err: string } => {
  const sink = {
    out: '',
    err: '',
    stderrIsTty: false,
    stdout: { write: (text: string) => (sink.out += text) },
    stderr: { write: (text: string) => (sink.err += text) },
  };
  return sink;
};

describe('linli demo', () => {
  it('prints the report on stdout and its progress on stderr', async () => {
    const terminal = io();
    const code = await demoCommand.run(['--seed', '5', '--households', '150'], terminal);
    expect(code).toBe(EXIT.ok);
    expect(terminal.out).toContain('linli demo: Longtan Street, 1 community, 150 households, seed 5');
    expect(terminal.out).toContain('target');
    expect(terminal.err).toContain('Dec 2026');
  });

  it('is silent on stderr with --quiet', async () => {
    const terminal = io();
    expect(await demoCommand.run(['--households', '40', '--quiet'], terminal)).toBe(EXIT.ok);
    expect(terminal.err).toBe('');
  });

  it('turns a bad command line into a usage error', async () => {
    await expect(demoCommand.run(['--households', '0'], io())).rejects.toBeInstanceOf(UsageError);
    await expect(demoCommand.run(['--seed', '1.5'], io())).rejects.toBeInstanceOf(UsageError);
    await expect(demoCommand.run(['--seed=-3'], io())).rejects.toBeInstanceOf(UsageError);
    await expect(demoCommand.run(['--seed', '4294967296'], io())).rejects.toBeInstanceOf(UsageError);
    await expect(demoCommand.run(['--colour'], io())).rejects.toBeInstanceOf(UsageError);
  });

  it('defaults to seed 1 and the default district', () => {
    expect(parseDemoArgs([])).toEqual({ seed: 1, households: DEFAULT_HOUSEHOLDS, quiet: false });
    expect(parseDemoArgs(['--seed', '4294967295', '--out', 'h.jsonl', '-q'])).toEqual({
      seed: 4294967295,
      households: DEFAULT_HOUSEHOLDS,
      out: 'h.jsonl',
      quiet: true,
    });
  });
});
