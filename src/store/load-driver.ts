/**
 * The database drivers are optional peer dependencies: `npm install linli` brings neither `pg` nor
 * `@eventstore/db-client`, and the entry point that needs one loads it here. Both drivers are CommonJS, so a
 * synchronous `require` loads them; unlike a top-level `await import()`, it keeps the entry points loadable by
 * `require()` of ES modules (Node 20.19+, 22.12+), and it lets a missing driver be reported by name.
 */
import { createRequire } from 'node:module';

/** Thrown when an entry point is imported without the database driver it needs; says what to install. */
export class MissingDriverError extends Error {
  /** A stable code to recognise the error by. */
  readonly code = 'ERR_LINLI_MISSING_DRIVER';

  /** Creates the error for `entryPoint`, which needs the package `driver`. */
  constructor(
    readonly entryPoint: string,
    readonly driver: string,
    install: string,
    options?: ErrorOptions,
  ) {
    super(`${entryPoint} needs the package '${driver}', which is not installed: ${install}`, options);
    this.name = 'MissingDriverError';
  }
}

const require = createRequire(import.meta.url);

/** True when `error` says that `name` itself (not something it requires) cannot be found. */
const isMissing = (error: unknown, name: string): boolean =>
  error instanceof Error &&
  (error as { code?: unknown }).code === 'MODULE_NOT_FOUND' &&
  error.message.startsWith(`Cannot find module '${name}'`);

/**
 * Loads the CommonJS package `driver` for `entryPoint`, or throws a {@link MissingDriverError} naming the
 * command that installs it. Any other failure (a broken install, a missing dependency of the driver) is
 * rethrown as it is.
 */
export const loadDriver = <T>(entryPoint: string, driver: string, install: string): T => {
  try {
    return require(driver) as T;
  } catch (error) {
    if (isMissing(error, driver)) throw new MissingDriverError(entryPoint, driver, install, { cause: error });
    throw error;
  }
};

/**
 * Loads the CommonJS package `name` if it is installed, or returns undefined: for a package whose absence
 * only turns a feature off (`@opentelemetry/api`: no tracing). Any other failure is rethrown as it is.
 */
export const loadOptional = <T>(name: string): T | undefined => {
  try {
    return require(name) as T;
  } catch (error) {
    if (isMissing(error, name)) return undefined;
    throw error;
  }
};
