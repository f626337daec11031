import { esdbClient } from './driver.js';
import { EventStoreDbEventStore, type EventStoreDbOptions } from './event-store.js';

/**
 * An event store on the EventStoreDB node(s) named by a connection string
 * (`esdb://host:2113?tls=false`, `esdb+discover://...`), through `@eventstore/db-client`.
 * Its `client` also serves an `EventStoreDbCheckpointStore`. Throws a `MissingDriverError` when
 * `@eventstore/db-client` (an optional peer dependency) is not installed.
 */
export const eventStoreDbStore = (
  connectionString: string,
  options: EventStoreDbOptions = {},
): EventStoreDbEventStore =>
  new EventStoreDbEventStore(esdbClient().EventStoreDBClient.connectionString(connectionString), options);
