/**
 * The EventStoreDB client, an optional peer dependency of `linli/eventstoredb`. Only `eventStoreDbStore` needs
 * it (the adapter itself takes any `EsdbClientLike`, such as the successor client), so it is loaded on that
 * call rather than on import: importing the entry point with another client installed works.
 */
import type * as EsdbClient from '@eventstore/db-client';
import { loadDriver } from '../load-driver.js';

/** The `@eventstore/db-client` module; throws a `MissingDriverError` when it is not installed. */
export const esdbClient = (): typeof EsdbClient =>
  loadDriver<typeof EsdbClient>(
    'linli/eventstoredb',
    '@eventstore/db-client',
    'npm install @eventstore/db-client',
  );
