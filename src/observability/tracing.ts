import type { DomainError } from '../domain/shared/errors.js';
import { otelApi, linliVersion, type OtelApi } from './otel-api.js';
import {
  SPAN_STATUS_ERROR,
  type LinliAttributes,
  type LinliSpan,
  type LinliTracer,
  type TracerOption,
} from './tracer.js';

/**
 * Starts linli's spans with one tracer: each span a child of the span given (or of the active context), active
 * while its work runs, so that spans a host's instrumentation starts inside (a pg query) nest under it.
 */
export class Tracing {
  /** Wraps `tracer`; `api` (when installed) carries the parent span and the active context. */
  constructor(
    private readonly tracer: LinliTracer,
    private readonly api: OtelApi | undefined,
  ) {}

  /**
   * Runs `work` inside span `name`. A throw records the error, sets the error status and is rethrown;
   * `describe` sets what the result says. A span nobody records (no provider, sampled out) is passed to
   * `work` as undefined, so that no attribute is computed and no child span started for it.
   */
  async span<T>(
    name: string,
    attributes: LinliAttributes,
    parent: LinliSpan | undefined,
    work: (span: LinliSpan | undefined) => Promise<T>,
    describe?: (span: LinliSpan, result: T) => void,
  ): Promise<T> {
    const api = this.api;
    const parentContext =
      parent === undefined || api === undefined ? undefined : api.trace.setSpan(api.context.active(), parent);
    const span = this.tracer.startSpan(name, { attributes }, parentContext);
    try {
      if (!span.isRecording()) return await work(undefined);
      const run = () => work(span);
      const result = await (api === undefined
        ? run()
        : api.context.with(api.trace.setSpan(api.context.active(), span), run));
      describe?.(span, result);
      return result;
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SPAN_STATUS_ERROR, message: String(error) });
      throw error;
    } finally {
      span.end();
    }
  }
}

/** Marks `span` as failed by a refusal: the code as `linli.error.code`, the message as the status's. */
export const markRefused = (span: LinliSpan, error: DomainError): void => {
  span.setAttribute('linli.error.code', error.code);
  span.setStatus({ code: SPAN_STATUS_ERROR, message: error.message });
};

/**
 * The tracing an option asks for: none for `false`; the tracer given; by default the global API's tracer
 * `linli` when `@opentelemetry/api` is installed, none (and no cost) when it is not.
 */
export const resolveTracing = (option: TracerOption): Tracing | undefined => {
  if (option === false) return undefined;
  const api = otelApi();
  if (option !== undefined) return new Tracing(option, api);
  return api === undefined ? undefined : new Tracing(api.trace.getTracer('linli', linliVersion()), api);
};
