import type { CheckpointStore } from '../checkpoint-store.js';
import { resolvePool, type PostgresConnection, type ResolvedPool } from './connection.js';
import { migrate, schemaNames, type SchemaNames, type SchemaOptions } from './schema.js';

/** Options of {@link PostgresCheckpointStore.create}. */
export interface CreatePostgresCheckpointStoreOptions extends SchemaOptions {
  /** Run {@link migrate} before returning the store; defaults to true. */
  readonly migrate?: boolean;
}

/**
 * Projection checkpoints in the `checkpoints` table of the event store's schema, so a projection's
 * position lives in the same database as the events it was computed from.
 */
export class PostgresCheckpointStore implements CheckpointStore {
  private readonly names: SchemaNames;
  private readonly resolved: ResolvedPool;

  /** A checkpoint store over a pool (the caller's to end) or a connection string (whose pool it owns). */
  constructor(connection: PostgresConnection, options: SchemaOptions = {}) {
    this.names = schemaNames(options);
    this.resolved = resolvePool(connection);
  }

  /** Creates a checkpoint store and, unless told otherwise, migrates its schema first. */
  static async create(
    connection: PostgresConnection,
    options: CreatePostgresCheckpointStoreOptions = {},
  ): Promise<PostgresCheckpointStore> {
    const store = new PostgresCheckpointStore(connection, options);
    if (options.migrate !== false) {
      try {
        await migrate(store.resolved.pool, options);
      } catch (error) {
        await store.close();
        throw error;
      }
    }
    return store;
  }

  /** The last saved position of a projection, or undefined when it never saved one. */
  async load(name: string): Promise<bigint | undefined> {
    const { rows } = await this.resolved.pool.query<{ position: string }>(
      `SELECT position FROM ${this.names.checkpoints} WHERE name = $1`,
      [name],
    );
    const row = rows[0];
    return row === undefined ? undefined : BigInt(row.position);
  }

  /** Saves a projection's position, replacing the previous one. */
  async save(name: string, position: bigint): Promise<void> {
    await this.resolved.pool.query(
      `INSERT INTO ${this.names.checkpoints} (name, position) VALUES ($1, $2::bigint)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
      [name, position.toString()],
    );
  }

  /** Ends the pool if this store opened it. */
  async close(): Promise<void> {
    if (this.resolved.owned) await this.resolved.pool.end();
  }
}
