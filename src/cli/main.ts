#!/usr/bin/env node
/**
 * The `linli` executable (package.json `bin`): audit and export histories, and whatever other commands
 * `commands.ts` lists. The exit code is set rather than forced, so that stdout drains before the process ends.
 */
import { runCli } from './run.js';

// A reader that goes away (`linli audit h.jsonl | head`) is not a crash: stop writing, keep the exit code.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stderrIsTty: process.stderr.isTTY === true,
});
