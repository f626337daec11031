import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores on CI: keep the workers to what the machine has.
    maxWorkers: 2,
    // One embedded PostgreSQL server for the run's PostgreSQL tests (skipped when none is selected).
    globalSetup: ['test/support/postgres-global-setup.ts'],
  },
});
