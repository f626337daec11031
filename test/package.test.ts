/**
 * The package as a consumer gets it: `npm pack`, install the tarball into an empty project, then import
 * `linli` and `linli/testing` from an ESM module and typecheck a TypeScript file against the shipped types.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });

describe('the published package', () => {
  let work: string;
  let consumer: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'linli-pack-'));
    run('npm', ['pack', '--pack-destination', work, '--silent'], root);
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    if (tarball === undefined) throw new Error('npm pack produced no tarball');
    consumer = join(work, 'consumer');
    run('mkdir', ['-p', consumer], work);
    writeFileSync(
      join(consumer, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    // Dependencies come from the npm cache that `npm ci` filled; the registry is only asked for what is missing.
    run(
      'npm',
      // fast-check is linli/testing's optional peer: a team that property-tests installs it beside linli.
      [
        'install',
        join(work, tarball),
        'fast-check@^4',
        // linli's types use Node's (streams, Buffer): a Node consumer has them.
        '@types/node@^20',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
      ],
      consumer,
    );
  }, 300_000);

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('imports linli and linli/testing at run time', () => {
    writeFileSync(
      join(consumer, 'smoke.mjs'),
      [
        "import { CommandHandler, InMemoryEventStore } from 'linli';",
        "import { spec, testContext, reportProblemArbitrary } from 'linli/testing';",
        "import { PostgresEventStore } from 'linli/postgres';",
        "import { EventStoreDbEventStore } from 'linli/eventstoredb';",
        "import { createGovernance } from 'linli';",
        "if (typeof CommandHandler !== 'function' || typeof InMemoryEventStore !== 'function') process.exit(3);",
        "if (typeof spec !== 'function' || typeof testContext !== 'function') process.exit(4);",
        "if (typeof PostgresEventStore !== 'function' || typeof EventStoreDbEventStore !== 'function') process.exit(5);",
        'const gov = createGovernance();',
        "const r = await gov.execute({ type: 'CloseProblem', data: { problemId: 'p-1' } }, testContext());",
        "if (r._tag !== 'Left' || r.left.code !== 'not-found') process.exit(6);",
        'if (reportProblemArbitrary === undefined) process.exit(7);',
        "console.log('ok');",
      ].join('\n'),
    );
    expect(run('node', ['smoke.mjs'], consumer).trim()).toBe('ok');
  });

  it('ships types that a strict TypeScript consumer can use', () => {
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
        },
        files: ['consumer.ts'],
      }),
    );
    writeFileSync(
      join(consumer, 'consumer.ts'),
      [
        "import { InMemoryEventStore, type EventStore, type DomainError } from 'linli';",
        "import { testContext } from 'linli/testing';",
        'const store: EventStore = new InMemoryEventStore();',
        "const error: DomainError = { code: 'forbidden', message: 'no' };",
        'const ctx = testContext();',
        'const now: string = ctx.now;',
        '// @ts-expect-error a wrong error code must not typecheck',
        "const bad: DomainError = { code: 'no-such-code', message: 'x' };",
        'export { store, error, now, bad };',
      ].join('\n'),
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    // On failure, show what tsc said rather than only that it failed.
    const result = spawnSync('node', [tsc, '-p', 'tsconfig.json'], { cwd: consumer, encoding: 'utf8' });
    expect(`${result.stdout}${result.stderr}`).toBe('');
    expect(result.status).toBe(0);
  });
});
