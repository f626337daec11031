/**
 * The package as a consumer gets it: `npm pack` once, then two empty ESM projects that install the tarball.
 * "lean" installs linli alone, as a user of the in-memory store does; "postgres" adds what a TypeScript user of
 * `linli/postgres` adds (pg, @types/pg, @types/node) and fast-check for `linli/testing`. The tarball itself is
 * checked by publint, attw and a publish dry run.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attempt,
  consumerProject,
  devVersion,
  filesUnder,
  installedPackages,
  manifest,
  pack,
  root,
  run,
} from './support/packed-package.js';

const bin = (name: string) => join(root, 'node_modules', '.bin', name);
// tsc, publint, attw and npm are whole programs: on a shared two-core machine they can take minutes while the
// rest of the suite runs, more than vitest's default minute. A budget, not a performance assertion.
const SPAWN_TIMEOUT = 240_000;

describe('the published package', () => {
  let work: string;
  let tarball: string;
  let lean: string;
  let postgres: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'linli-pack-'));
    tarball = pack(work);
    lean = consumerProject(work, 'lean', [tarball]);
    postgres = consumerProject(work, 'postgres', [
      tarball,
      // fast-check is linli/testing's optional peer: a team that property-tests installs it beside linli.
      devVersion('fast-check'),
      devVersion('pg'),
      devVersion('@types/pg'),
      // linli's types use Node's (streams, Buffer): a Node consumer that typechecks has them.
      '@types/node@^20',
    ]);
  }, 300_000);

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('installs lean: linli and its dependencies only, no database driver, gRPC or @types', () => {
    const installed = installedPackages(lean);
    const drivers = installed.filter((name) =>
      /^(pg|pg-.*|@grpc\/.*|@eventstore\/.*|protobufjs|@types\/.*)$/.test(name),
    );
    expect(drivers).toEqual([]);
    // Every package beyond linli's own dependencies is weight a user did not ask for: a new one must be chosen.
    expect(installed.sort()).toEqual(['linli', ...Object.keys(manifest.dependencies)].sort());
  });

  it('runs the in-memory store with only linli installed', () => {
    writeFileSync(
      join(lean, 'memory.mjs'),
      [
        "import { createGovernance } from 'linli';",
        'const gov = createGovernance();',
        "const official = { id: 'so-1', role: 'street-official', scope: ['s'] };",
        "const at = (actor, commandId) => ({ actor, now: '2026-03-02T08:15:00+08:00', commandId });",
        "await gov.execute({ type: 'EstablishNeighbourhood', data: { neighbourhoodId: 'c', streetId: 's', name: 'C' } }, at(official, 'd1'));",
        "await gov.execute({ type: 'AddUnit', data: { neighbourhoodId: 'c', unitId: 'g', level: 'grid', parentId: 'c' } }, at(official, 'd2'));",
        "const ctx = at({ id: 'res-1', role: 'resident' }, 'c1');",
        "const path = { street: 's', community: 'c', grid: 'g' };",
        'const r = await gov.execute({ type: "ReportProblem", data: { problemId: "p-1", path,',
        '  category: "blocked-pipe", description: "Drains", channel: "app" } }, ctx);',
        'const models = await gov.readModels();',
        'console.log(r._tag, models._tag, models.right.problemLedger !== undefined);',
      ].join('\n'),
    );
    expect(run('node', ['memory.mjs'], lean).trim()).toBe('Right Right true');
  });

  it('names the package to install when linli/postgres or the EventStoreDB factory has no driver', () => {
    writeFileSync(
      join(lean, 'drivers.mjs'),
      [
        "const failure = await import('linli/postgres').then(() => 'loaded', (e) => `${e.name} ${e.code}: ${e.message}`);",
        'console.log(failure);',
        "const { eventStoreDbStore } = await import('linli/eventstoredb');",
        "try { eventStoreDbStore('esdb://localhost:2113?tls=false'); console.log('loaded'); }",
        'catch (e) { console.log(`${e.name} ${e.code}: ${e.message}`); }',
      ].join('\n'),
    );
    const [postgresFailure, esdbFailure] = run('node', ['drivers.mjs'], lean).trim().split('\n');
    expect(postgresFailure).toBe(
      "MissingDriverError ERR_LINLI_MISSING_DRIVER: linli/postgres needs the package 'pg', which is not " +
        'installed: npm install pg (and @types/pg for TypeScript)',
    );
    expect(esdbFailure).toBe(
      "MissingDriverError ERR_LINLI_MISSING_DRIVER: linli/eventstoredb needs the package '@eventstore/db-client', " +
        'which is not installed: npm install @eventstore/db-client',
    );
  });

  it('runs the linli bin, which reports a missing driver as unreadable input (exit 2), not a stack trace', () => {
    const cli = attempt(
      join(lean, 'node_modules', '.bin', 'linli'),
      ['audit', '--postgres', 'postgres://a:pw@127.0.0.1:1/b'],
      lean,
    );
    expect(cli.stderr.trim()).toBe(
      "linli audit: cannot open PostgreSQL at postgres://a:***@127.0.0.1:1/b: linli/postgres needs the package 'pg', " +
        'which is not installed: npm install pg (and @types/pg for TypeScript)',
    );
    expect(cli.status).toBe(2);
  });

  it("loads with require('linli') where Node can require ES modules, and says why where it cannot", () => {
    writeFileSync(
      join(lean, 'require.cjs'),
      "const { createGovernance } = require('linli'); console.log(typeof createGovernance);",
    );
    const result = attempt('node', ['require.cjs'], lean);
    // Node 20.19+ and 22.12+ have require(esm); older ones refuse with ERR_REQUIRE_ESM, as the README says.
    if (process.features.require_module === true) expect(result.stdout.trim()).toBe('function');
    else expect(result.stderr).toContain('ERR_REQUIRE_ESM');
  });

  it('imports every entry point at run time, the PostgreSQL driver from the consumer', () => {
    writeFileSync(
      join(postgres, 'smoke.mjs'),
      [
        "import { CommandHandler, InMemoryEventStore, createGovernance } from 'linli';",
        "import { spec, testContext, reportProblemArbitrary } from 'linli/testing';",
        "import { PostgresEventStore } from 'linli/postgres';",
        "import { EventStoreDbEventStore } from 'linli/eventstoredb';",
        "if (typeof CommandHandler !== 'function' || typeof InMemoryEventStore !== 'function') process.exit(3);",
        "if (typeof spec !== 'function' || typeof testContext !== 'function') process.exit(4);",
        "if (typeof EventStoreDbEventStore !== 'function') process.exit(5);",
        'const gov = createGovernance();',
        "const r = await gov.execute({ type: 'CloseProblem', data: { problemId: 'p-1' } }, testContext());",
        "if (r._tag !== 'Left' || r.left.code !== 'not-found') process.exit(6);",
        'if (reportProblemArbitrary === undefined) process.exit(7);',
        // A pool is created without connecting: this shows that linli found the consumer's pg.
        "const store = new PostgresEventStore('postgres://nobody@127.0.0.1:1/none');",
        'await store.close();',
        "console.log('ok');",
      ].join('\n'),
    );
    expect(run('node', ['smoke.mjs'], postgres).trim()).toBe('ok');
  });

  it(
    'ships types that a strict consumer of linli/postgres typechecks without skipLibCheck',
    () => {
      writeFileSync(
        join(postgres, 'tsconfig.json'),
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
        join(postgres, 'consumer.ts'),
        [
          "import pg from 'pg';",
          "import { InMemoryEventStore, type EventStore, type DomainError } from 'linli';",
          "import { testContext } from 'linli/testing';",
          "import { PostgresEventStore, migrate, type PostgresConnection } from 'linli/postgres';",
          'const store: EventStore = new InMemoryEventStore();',
          "const error: DomainError = { code: 'forbidden', message: 'no' };",
          'const ctx = testContext();',
          'const now: string = ctx.now;',
          '// @ts-expect-error a wrong error code must not typecheck',
          "const bad: DomainError = { code: 'no-such-code', message: 'x' };",
          'const pool = new pg.Pool();',
          'const connection: PostgresConnection = pool;',
          'const onPostgres: EventStore = new PostgresEventStore(connection);',
          'const migrated: Promise<void> = migrate(pool);',
          '// @ts-expect-error a pool is a pg Pool, not any: a number must not typecheck',
          'const notAPool: PostgresConnection = 42;',
          'export { store, error, now, bad, onPostgres, migrated, notAPool };',
        ].join('\n'),
      );
      const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
      // On failure, show what tsc said rather than only that it failed.
      const result = attempt('node', [tsc, '-p', 'tsconfig.json'], postgres);
      expect(result.output).toBe('');
      expect(result.status).toBe(0);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'passes publint and attw (as an ES module package)',
    () => {
      const publint = attempt(bin('publint'), ['run', tarball, '--strict'], root);
      expect(publint.output).toContain('All good!');
      expect(publint.status).toBe(0);
      // esm-only: linli is ES modules; CommonJS callers use import() or Node's require(esm), not a CJS build.
      const attw = attempt(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'ascii'], root);
      expect(attw.status, attw.output).toBe(0);
      for (const entry of ['linli', 'linli/testing', 'linli/postgres', 'linli/eventstoredb']) {
        expect(attw.output).toContain(`"${entry}"\n\nnode16 (from ESM): 🟢 (ESM)\nbundler: 🟢`);
      }
    },
    SPAWN_TIMEOUT,
  );

  it(
    'publishes the linli bin, a LICENSE, and no source map pointing at sources it does not ship',
    () => {
      // Publish from the unpacked tarball, as a directory: npm then normalises the manifest as it would on a real
      // publish, and says on stderr what it corrected (npm 11 drops a bin written as './dist/...').
      const unpacked = join(work, 'unpacked');
      mkdirSync(unpacked);
      run('tar', ['xzf', tarball, '-C', unpacked], work);
      const dir = join(unpacked, 'package');
      const publish = attempt('npm', ['publish', '--dry-run', '--json', '--ignore-scripts'], dir);
      expect(publish.status).toBe(0);
      expect(publish.stderr).not.toMatch(/auto-corrected|bin\[/);
      const published = (JSON.parse(publish.stdout) as Record<string, { files: { path: string }[] }>)[
        'linli'
      ];
      const files = (published?.files ?? []).map((f) => f.path);
      expect(manifest.bin).toEqual({ linli: 'dist/cli/main.js' });
      expect(files).toContain(manifest.bin['linli']);
      expect(
        readFileSync(join(dir, 'dist', 'cli', 'main.js'), 'utf8').startsWith('#!/usr/bin/env node\n'),
      ).toBe(true);
      expect(files).toContain('LICENSE');
      expect(filesUnder(dir).filter((f) => f.endsWith('.map'))).toEqual([]);
      expect(files.sort()).toEqual(filesUnder(dir).sort());
    },
    SPAWN_TIMEOUT,
  );
});
