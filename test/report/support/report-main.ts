/**
 * `linli report` as its own process, with the command table holding just the report command: what the
 * `linli` executable does once `report` is listed in `commands.ts`. `node --import tsx report-main.ts ...`.
 */
import { runCli } from '../../../src/cli/run.js';
import { reportCommand } from '../../../src/report/report-command.js';

process.exitCode = await runCli(
  ['report', ...process.argv.slice(2)],
  { stdout: process.stdout, stderr: process.stderr, stderrIsTty: false },
  [reportCommand],
);
