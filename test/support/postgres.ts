/** Helpers for the PostgreSQL test files: the shared server's URL, fresh schemas, pools. */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared embedded server's URL, provided by test/support/postgres-global-setup.ts. */
    postgresUrl: string;
  }
}

/** The shared server's URL; throws if the global setup did not start it. */
export const postgresUrl = (): string => {
  const url = inject('postgresUrl') as string | undefined;
  if (url === undefined || url === '') {
    throw new Error('no PostgreSQL server: is test/support/postgres-global-setup.ts in vitest globalSetup?');
  }
  return url;
};

/** A schema name no other test file uses, so files sharing the server do not see each other's events. */
export const freshSchema = (prefix = 't'): string =>
  `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 20)}`;

/** A pool that tolerates its server going away (idle clients' errors are expected in fault tests). */
export const openPool = (url: string, max = 10): pg.Pool => {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => undefined);
  return pool;
};
