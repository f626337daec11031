/** The PostgreSQL adapters: event store, checkpoint store and the migration that creates their tables. */
export { PostgresEventStore } from './event-store.js';
export type { CreatePostgresEventStoreOptions, PostgresEventStoreOptions } from './event-store.js';
export { PostgresCheckpointStore } from './checkpoint-store.js';
export type { CreatePostgresCheckpointStoreOptions } from './checkpoint-store.js';
export { migrate, DEFAULT_SCHEMA } from './schema.js';
export type { SchemaOptions } from './schema.js';
export type { PostgresConnection } from './connection.js';
export { DEFAULT_LISTENER_BACKOFF } from './reconnect-backoff.js';
export type { ListenerOptions, ListenerReconnect } from './reconnect-backoff.js';
