/** Runs the `linli` command as a user would: a separate Node process on the TypeScript sources. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What a run of `linli` printed and how it exited. */
export interface LinliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `linli <args>` (through tsx) from the repository root, optionally feeding stdin. */
export const runLinli = (args: readonly string[], stdin?: string): Promise<LinliRun> =>
  new Promise((resolve, reject) => {
    const { LINLI_DEBUG: _debug, ...env } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });

/** True when the output holds a JavaScript stack trace (which bad input must never produce). */
export const hasStackTrace = (output: string): boolean => /\n\s+at .+[:(]\d+/.test(output);
