import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // The examples import linli by its package name, exactly as a consumer writes it; in the repository that
    // name means the sources (tsconfig.json `paths` says the same to the typechecker and to tsx).
    alias: [
      { find: /^linli$/, replacement: src('index.ts') },
      { find: /^linli\/testing$/, replacement: src('testing/index.ts') },
      { find: /^linli\/postgres$/, replacement: src('store/postgres/index.ts') },
      { find: /^linli\/eventstoredb$/, replacement: src('store/eventstoredb/index.ts') },
    ],
  },
  test: {
    // LINLI_HARNESS_FIXTURE names a deliberately failing file that only test/harness/exit-code.test.ts runs.
    include: process.env.LINLI_HARNESS_FIXTURE ? [process.env.LINLI_HARNESS_FIXTURE] : ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores on CI: keep the workers to what the machine has.
    maxWorkers: 2,
    // One embedded PostgreSQL server for the run's PostgreSQL tests (skipped when none is selected).
    globalSetup: ['test/support/postgres-global-setup.ts'],
  },
});
