/** `linli report` run in this process, through the CLI's dispatcher, as the report command tests run it. */
import type { CliIo } from '../../../src/cli/cli-command.js';
import { runCli } from '../../../src/cli/run.js';
import { reportCommand } from '../../../src/report/report-command.js';

/** How a run of `linli report` exited and what it printed. */
export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `linli report <args>` in this process, through the CLI's dispatcher. */
export const report = async (...args: string[]): Promise<Run> => {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stderrIsTty: false,
  };
  const code = await runCli(['report', ...args], io, [reportCommand]);
  return { code, stdout, stderr };
};
