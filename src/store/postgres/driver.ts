/** node-postgres, an optional peer dependency of `linli/postgres`: loaded here so that its absence is named. */
import type * as Pg from 'pg';
import { loadDriver } from '../load-driver.js';

/** The `pg` module, or a `MissingDriverError` at import time when it is not installed. */
export const pg = loadDriver<typeof Pg>(
  'linli/postgres',
  'pg',
  'npm install pg (and @types/pg for TypeScript)',
);
