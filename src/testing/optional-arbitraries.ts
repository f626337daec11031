import type * as ArbitrariesModule from './arbitraries/index.js';

/** The arbitraries module's exports, whose types hold whether or not fast-check is installed. */
export type Arbitraries = typeof ArbitrariesModule;

/** The message of every use of an arbitrary when fast-check is missing: what to install, and why. */
export const fastCheckMissingMessage = (name: string): string =>
  `linli/testing: ${name} is a fast-check arbitrary, and fast-check (an optional peer dependency of linli) ` +
  'is not installed: npm install --save-dev fast-check';

/** True for the error of importing a module that imports fast-check when fast-check cannot be resolved. */
const isFastCheckMissing = (error: unknown): boolean =>
  error instanceof Error &&
  (error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND' &&
  /['"]fast-check['"]/.test(error.message);

/** A stand-in export that throws {@link fastCheckMissingMessage} when called, constructed or looked into. */
const missingArbitrary = (name: string): unknown => {
  const fail = (): never => {
    throw new Error(fastCheckMissingMessage(name));
  };
  return new Proxy(fail, {
    apply: fail,
    construct: fail,
    // Symbols (inspection, coercion) answer as for a plain function; any named member is a use.
    get: (target, key) => (typeof key === 'symbol' ? Reflect.get(target, key) : fail()),
  });
};

/**
 * Every arbitrary export as a stand-in that throws a clear error on use: what `linli/testing` exports in
 * their place when fast-check is not installed, so that `spec`, `testContext` and the scenario helpers still
 * load. A Proxy, because the names are only known to the types.
 */
const withoutFastCheck = new Proxy({} as Arbitraries, {
  // No `then`: the async loader returns this object, and a promise would otherwise take it for a thenable.
  get: (_target, key) => (typeof key === 'symbol' || key === 'then' ? undefined : missingArbitrary(key)),
});

/**
 * The arbitraries, imported only if fast-check resolves: a static import would make the whole entry fail
 * to load without it, though `spec` and the scenarios never touch it. Any other failure is rethrown.
 */
export const loadArbitraries = async (): Promise<Arbitraries> => {
  try {
    return await import('./arbitraries/index.js');
  } catch (error) {
    if (isFastCheckMissing(error)) return withoutFastCheck;
    throw error;
  }
};
