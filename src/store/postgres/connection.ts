import type { Pool } from 'pg';
import { pg } from './driver.js';

/** How a PostgreSQL adapter reaches its database: a pool the caller owns, or a connection string. */
export type PostgresConnection = Pool | string;

/** A pool and whether the adapter created it (and so must end it on close). */
export interface ResolvedPool {
  readonly pool: Pool;
  readonly owned: boolean;
}

/** Uses the caller's pool as is, or opens one for a connection string. */
export const resolvePool = (connection: PostgresConnection): ResolvedPool => {
  if (typeof connection !== 'string') return { pool: connection, owned: false };
  const pool = new pg.Pool({ connectionString: connection });
  // An idle client whose server went away emits 'error' on the pool; unheard, it would crash the process.
  // The pool has already discarded that client, and the next query reconnects: nothing else to do.
  pool.on('error', () => undefined);
  return { pool, owned: true };
};

// SQLSTATE classes and codes that mean "the connection or the server went away", not "the query is wrong":
// 08 connection exception, 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting
// up or recovering), 53300 too many connections.
const TRANSIENT_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
const TRANSIENT_SYSTEM_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/** True for errors a retry may cure: a lost connection, a server shutting down, restarting or recovering. */
export const isTransientConnectionError = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code.startsWith('08') || TRANSIENT_CODES.has(code) || TRANSIENT_SYSTEM_CODES.has(code)) return true;
  }
  // node-postgres reports a socket that closed under it with these messages and no code.
  return /Connection terminated|connection error and is not queryable|Client was closed/i.test(error.message);
};
