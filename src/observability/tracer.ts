/**
 * The tracing linli does is OpenTelemetry's, through `@opentelemetry/api` as an optional peer dependency. The
 * types here are the part of the API's `Tracer` and `Span` linli calls, written out so that linli's
 * declarations never import `@opentelemetry/api`: a consumer without it still typechecks. Any tracer of the
 * API (`trace.getTracer(...)`, a provider's `getTracer(...)`) is a {@link LinliTracer}.
 */

/** A value a span attribute may hold. */
export type LinliAttributeValue = string | number | boolean;

/** The attributes of a span. */
export type LinliAttributes = Readonly<Record<string, LinliAttributeValue>>;

/** The part of an OpenTelemetry `Span` linli uses. */
export interface LinliSpan {
  /** Sets one attribute. */
  setAttribute(key: string, value: LinliAttributeValue): unknown;
  /** Sets the status: `code` is OpenTelemetry's `SpanStatusCode` (2, `ERROR`, for a failure). */
  setStatus(status: { readonly code: number; readonly message?: string }): unknown;
  /** Records a thrown error as a span event. */
  recordException(exception: Error | string): void;
  /** False for a span nobody records (no provider, sampled out): linli then skips its attributes and children. */
  isRecording(): boolean;
  /** Ends the span. */
  end(): void;
}

/** The part of an OpenTelemetry `Tracer` linli uses; `context` is an API `Context` naming the parent span. */
export interface LinliTracer {
  /** Starts a span, a child of the span `context` holds (the active one when omitted). */
  startSpan(name: string, options?: { readonly attributes?: LinliAttributes }, context?: unknown): LinliSpan;
}

/**
 * The tracing option of the handler, the projection runner and `createGovernance`: a tracer to record spans
 * with, or `false` for none. Left undefined (the default), linli uses `trace.getTracer('linli', version)` of
 * the global `@opentelemetry/api` when that package is installed (its spans go nowhere until the host
 * registers a tracer provider), and traces nothing when it is not.
 */
export type TracerOption = LinliTracer | false | undefined;

/** OpenTelemetry's `SpanStatusCode.ERROR`. */
export const SPAN_STATUS_ERROR = 2;
