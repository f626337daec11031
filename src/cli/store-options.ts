import type { EventStore } from '../store/event-store.js';
import { UsageError } from './cli-command.js';

/** A store named on the command line: which kind, at which URL. */
export interface StoreChoice {
  readonly kind: 'postgres' | 'esdb';
  readonly url: string;
  /** The PostgreSQL schema holding linli's tables (`--schema`). */
  readonly schema?: string;
}

/** A store the command line named but that cannot be used: reported as unreadable input (exit 2). */
export class StoreUnavailableError extends Error {
  /** Creates the error with what went wrong. */
  constructor(message: string) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

/** A connection string with its password replaced, fit to print. */
export const redactUrl = (url: string): string => {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  }
};

/** The store chosen by `--postgres` / `--esdb`, if any; both at once is a usage error. */
export const storeChoice = (values: {
  readonly postgres?: string | undefined;
  readonly esdb?: string | undefined;
  readonly schema?: string | undefined;
}): StoreChoice | undefined => {
  if (values.postgres !== undefined && values.esdb !== undefined) {
    throw new UsageError('give --postgres or --esdb, not both');
  }
  if (values.schema !== undefined && values.postgres === undefined) {
    throw new UsageError('--schema applies to --postgres only');
  }
  if (values.postgres !== undefined) {
    return {
      kind: 'postgres',
      url: values.postgres,
      ...(values.schema === undefined ? {} : { schema: values.schema }),
    };
  }
  if (values.esdb !== undefined) return { kind: 'esdb', url: values.esdb };
  return undefined;
};

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Opens the chosen store. The adapters are imported only here, on demand, so that auditing a file never
 * loads a database driver; an adapter that is missing from this build is reported, not thrown.
 */
export const openStore = async (choice: StoreChoice): Promise<EventStore> => {
  const where = `${choice.kind === 'postgres' ? 'PostgreSQL' : 'EventStoreDB'} at ${redactUrl(choice.url)}`;
  try {
    if (choice.kind === 'postgres') {
      const { PostgresEventStore } = await import('../store/postgres/index.js');
      return new PostgresEventStore(choice.url, choice.schema === undefined ? {} : { schema: choice.schema });
    }
    const { eventStoreDbStore } = await import('../store/eventstoredb/index.js');
    return eventStoreDbStore(choice.url);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND') {
      throw new StoreUnavailableError(`the ${choice.kind} adapter is not available in this build of linli`);
    }
    throw new StoreUnavailableError(`cannot open ${where}: ${messageOf(error)}`);
  }
};

/** Describes a failure to read from a store, with the URL redacted. */
export const storeFailure = (choice: StoreChoice, error: unknown): StoreUnavailableError =>
  new StoreUnavailableError(
    `cannot read from ${choice.kind === 'postgres' ? 'PostgreSQL' : 'EventStoreDB'} at ${redactUrl(choice.url)}: ${messageOf(error)}`,
  );
