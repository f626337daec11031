/**
 * Vitest global setup: starts ONE embedded PostgreSQL server for the whole run and provides its URL to the
 * test files (`inject('postgresUrl')`, typed in ./postgres.ts); stops it at teardown. Skipped when the run's
 * file filters leave out every PostgreSQL test file.
 */
import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres-server.js';

const POSTGRES_TEST_FILE =
  /[\\/]test[\\/](store|examples|harness[\\/]fixtures)[\\/]postgres[^\\/]*\.(test|fixture)\.ts$/;

/** Whether this run includes a PostgreSQL test file (true when that cannot be told). */
const runIncludesPostgres = async (project: TestProject): Promise<boolean> => {
  // The CLI's file filters are not public API; without them, assume the whole suite runs.
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  if (filters === undefined || filters.length === 0) return true;
  const { testFiles } = await project.globTestFiles(filters);
  return testFiles.some((file) => POSTGRES_TEST_FILE.test(file));
};

/** Starts the shared server when needed and returns its teardown. */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!(await runIncludesPostgres(project))) return undefined;
  const server = await startTestPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.destroy();
}
