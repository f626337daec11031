/**
 * `@opentelemetry/api`, loaded if it is installed. It is an optional peer: without it linli traces nothing and
 * says nothing, unlike a missing database driver (see load-driver.ts), because tracing is never the point of a
 * call. It is loaded by a synchronous `require` on first use, as the drivers are, so that importing linli
 * costs nothing more without it. The API keeps its state in a global, so this CommonJS copy and a host's ES
 * module import of it share one provider and one context manager.
 */
import { createRequire } from 'node:module';
import { loadOptional } from '../store/load-driver.js';
import type { LinliSpan, LinliTracer } from './tracer.js';

/** The part of `@opentelemetry/api` linli uses. */
export interface OtelApi {
  readonly trace: {
    getTracer(name: string, version?: string): LinliTracer;
    setSpan(context: unknown, span: LinliSpan): unknown;
  };
  readonly context: {
    active(): unknown;
    with<T>(context: unknown, fn: () => T): T;
  };
}

let loaded: { readonly api: OtelApi | undefined } | undefined;

/** The installed `@opentelemetry/api`, or undefined; looked up once. */
export const otelApi = (): OtelApi | undefined => {
  loaded ??= { api: loadOptional<OtelApi>('@opentelemetry/api') };
  return loaded.api;
};

/** linli's own version, the instrumentation scope's version (package.json ships beside dist/). */
export const linliVersion = (): string =>
  (createRequire(import.meta.url)('../../package.json') as { readonly version: string }).version;
