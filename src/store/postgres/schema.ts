import type { Pool } from 'pg';
import { APPEND_FUNCTION, appendFunctionSql } from './append-function.js';

/** The schema the store's tables live in when none is given. */
export const DEFAULT_SCHEMA = 'linli';

/** Options of {@link migrate} and of everything that names the store's schema. */
export interface SchemaOptions {
  /** The PostgreSQL schema holding the tables; defaults to {@link DEFAULT_SCHEMA}. */
  readonly schema?: string;
}

// Lower-case identifiers only, so the name never needs case folding rules, and short enough that the
// notification channel derived from it stays within PostgreSQL's 63-byte identifier limit.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,39}$/;

/** The qualified names of the store's objects in one schema, quoted for SQL. */
export interface SchemaNames {
  readonly schema: string;
  readonly events: string;
  readonly streams: string;
  readonly checkpoints: string;
  /** The NOTIFY channel appends signal on (a plain string: pg_notify takes text, LISTEN quotes it). */
  readonly channel: string;
  /** The text hashed into the advisory lock key that serialises position assignment. */
  readonly appendLock: string;
  /** The function that performs a whole append in one statement. */
  readonly appendFunction: string;
  /** The name of the prepared statement that calls it (one per schema: pg binds a name to one text). */
  readonly appendStatement: string;
}

/** Validates a schema name and derives the quoted names of the tables, channel and lock key. */
export const schemaNames = (options: SchemaOptions = {}): SchemaNames => {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(
      `invalid schema name ${JSON.stringify(schema)}: use [a-z_][a-z0-9_]*, at most 40 characters`,
    );
  }
  const quoted = `"${schema}"`;
  return {
    schema,
    events: `${quoted}.events`,
    streams: `${quoted}.streams`,
    checkpoints: `${quoted}.checkpoints`,
    channel: `linli_appended_${schema}`,
    appendLock: `linli.append:${schema}`,
    appendFunction: `${quoted}.${APPEND_FUNCTION}`,
    appendStatement: `linli_append_${schema}`,
  };
};

const ddl = (names: SchemaNames): string => `
CREATE SCHEMA IF NOT EXISTS "${names.schema}";

-- One row per stream: its last revision. Claiming revisions here (a compare-and-set UPDATE, or an INSERT
-- whose primary key refuses a second 'no-stream' writer) is what checks the expected revision.
CREATE TABLE IF NOT EXISTS ${names.streams} (
  stream_id text PRIMARY KEY,
  revision bigint NOT NULL CHECK (revision >= 0)
);

CREATE TABLE IF NOT EXISTS ${names.events} (
  position bigint PRIMARY KEY CHECK (position >= 0),
  stream_id text NOT NULL,
  revision bigint NOT NULL CHECK (revision >= 0),
  type text NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  -- The backstop: whatever happens to the streams table, two events never share a revision.
  CONSTRAINT events_stream_revision_key UNIQUE (stream_id, revision)
);

CREATE TABLE IF NOT EXISTS ${names.checkpoints} (
  name text PRIMARY KEY,
  position bigint NOT NULL
);

-- History is append-only: an audited log that can be edited in place proves nothing.
CREATE OR REPLACE FUNCTION "${names.schema}".refuse_event_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE OR REPLACE TRIGGER events_append_only
  BEFORE UPDATE OR DELETE ON ${names.events}
  FOR EACH ROW EXECUTE FUNCTION "${names.schema}".refuse_event_change();
CREATE OR REPLACE TRIGGER events_no_truncate
  BEFORE TRUNCATE ON ${names.events}
  FOR EACH STATEMENT EXECUTE FUNCTION "${names.schema}".refuse_event_change();
${appendFunctionSql(names)}`;

/** Runs DDL in one transaction, taking turns with every other migration of the same schema. */
const runMigration = async (pool: Pool, names: SchemaNames, sql: string): Promise<void> => {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    // CREATE ... IF NOT EXISTS still races on the catalogue's unique indexes; take turns instead.
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `linli.migrate:${names.schema}`,
    ]);
    await client.query(sql);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
};

/**
 * Creates the store's schema, tables, triggers and append function if they are missing (and brings the
 * append function up to date). Idempotent, and safe to run from several processes at once: an advisory
 * lock makes concurrent migrations take turns.
 */
export const migrate = async (pool: Pool, options: SchemaOptions = {}): Promise<void> => {
  const names = schemaNames(options);
  await runMigration(pool, names, ddl(names));
};

/**
 * Creates only the append function, in a schema whose tables already exist: what a database that an
 * earlier version of the store migrated lacks. Its tables are exactly the ones this version uses.
 */
export const migrateAppendFunction = async (pool: Pool, names: SchemaNames): Promise<void> => {
  await runMigration(pool, names, appendFunctionSql(names));
};
