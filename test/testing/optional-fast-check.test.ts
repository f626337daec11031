/**
 * `linli/testing` must load without fast-check, an optional peer dependency: `spec`, `testContext` and the
 * scenario helpers work, and only the arbitraries need it. Proved by running Node on a copy of the sources
 * whose node_modules holds every package of this checkout but fast-check, so that importing it fails as
 * it would for a team that never installed it.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as arbitraries from '../../src/testing/arbitraries/index.js';
import { fastCheckMissingMessage } from '../../src/testing/optional-arbitraries.js';
import * as testing from '../../src/testing/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What the script below found, run without fast-check. */
interface Probe {
  readonly fastCheckImport: string;
  readonly arbitrariesImport: string;
  readonly specAccepted: boolean;
  readonly specFailed: string;
  readonly scenarioSteps: number;
  readonly arbitraryCall: string;
  readonly arbitraryUse: string;
}

const PROBE = `
import { taskAggregate } from './src/domain/task/aggregate.js';
import * as testing from './src/testing/index.js';

const failure = async (action) => {
  try {
    await action();
    return 'no error';
  } catch (error) {
    return error.code ?? error.message;
  }
};
const claim = { type: 'ClaimTask', data: { taskId: 'bulb-1' } };
const context = testing.testContext({ actor: { id: 'resident-1', role: 'resident' } });
testing.spec(taskAggregate).given([]).when(claim, context).thenError('not-found');
const lifecycle = testing.buildProblemLifecycle({
  report: { problemId: 'p-1', path: { street: 's', community: 's.c', grid: 's.c.g' }, category: 'garbage' },
  description: 'Garbage not collected',
  channel: 'app',
  media: [],
  reporterId: 'r-1',
  startAt: Date.UTC(2026, 0, 1),
  gapsHours: [2],
  cycles: [{ escalations: 0, reopenedByReporter: false }],
  ending: 'closed',
  rejection: { reason: 'duplicate', duplicateOf: 'p-0' },
});
console.log(JSON.stringify({
  fastCheckImport: await failure(() => import('fast-check')),
  arbitrariesImport: await failure(() => import('./src/testing/arbitraries/index.js')),
  specAccepted: true,
  specFailed: await failure(() =>
    testing.spec(taskAggregate).given([]).when(claim, context).thenError('already-exists'),
  ),
  scenarioSteps: testing.interleaveByTime([lifecycle]).length,
  arbitraryCall: await failure(() => testing.problemLifecyclesArbitrary()),
  arbitraryUse: await failure(() => testing.reportProblemArbitrary.map((x) => x)),
}));
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linli-no-fast-check-'));
  await cp(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
  await writeFile(join(dir, 'package.json'), '{ "type": "module" }\n');
  await writeFile(join(dir, 'probe.ts'), PROBE);
  await mkdir(join(dir, 'node_modules'));
  for (const name of await readdir(join(ROOT, 'node_modules'))) {
    if (name === 'fast-check' || name === '@fast-check' || name.startsWith('.')) continue;
    await symlink(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the probe with Node and tsx (resolved from this checkout, since the copy has no tsx of its own). */
const runProbe = (): Promise<Probe> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), 'probe.ts'], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(stdout) as Probe);
      else reject(new Error(`the probe exited with ${code}:\n${stderr}`));
    });
  });

describe('linli/testing without fast-check', () => {
  it('loads spec, testContext and the scenarios; the arbitraries say to install fast-check', async () => {
    const probe = await runProbe();
    // The copy really cannot resolve fast-check, so a static import anywhere in the entry would have failed.
    expect(probe.fastCheckImport).toBe('ERR_MODULE_NOT_FOUND');
    expect(probe.arbitrariesImport).toBe('ERR_MODULE_NOT_FOUND');
    expect(probe.specAccepted).toBe(true);
    expect(probe.specFailed).toBe('ERR_ASSERTION');
    // Report, triage, resolve, close.
    expect(probe.scenarioSteps).toBe(4);
    expect(probe.arbitraryCall).toBe(fastCheckMissingMessage('problemLifecyclesArbitrary'));
    expect(probe.arbitraryUse).toBe(fastCheckMissingMessage('reportProblemArbitrary'));
  });
});

describe('linli/testing with fast-check', () => {
  it('exports every arbitrary, the very ones the arbitraries module defines', () => {
    const exported = testing as Record<string, unknown>;
    for (const [name, value] of Object.entries(arbitraries)) {
      expect(exported[name], name).toBe(value);
    }
  });
});
