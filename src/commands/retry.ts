/**
 * What the command handler does after a concurrency conflict. Writers that collided on a stream would, if
 * they retried at once, collide again: with 50 of them on one task, about one wins each round and the rest
 * spend a retry each round. Waiting a random time from a window that doubles with each failure ("full
 * jitter") lets the contenders take turns instead of staying in lock-step.
 */

/**
 * Default {@link RetryOptions.maxRetries}. Measured with 50 claimants on one task from 50 processes on
 * PostgreSQL (`npm run bench -- --only contention`): with this backoff no claim of some 1,150 needed more
 * than 8 retries; 12 leaves four more, each with a window of a second, for a slower database or a busier
 * machine.
 */
export const DEFAULT_MAX_RETRIES = 12;
/**
 * Default {@link RetryOptions.retryBaseDelayMs}: a few read-decide-appends on an idle PostgreSQL, so that the
 * first retries already spread out. Chosen, not tuned: the contention benchmark measured this value only.
 */
export const DEFAULT_RETRY_BASE_DELAY_MS = 5;
/** Default {@link RetryOptions.maxRetryDelayMs}. */
export const DEFAULT_MAX_RETRY_DELAY_MS = 1_000;

/**
 * The retry settings of a command handler. They are configuration: the defaults were measured with 50
 * writers on one stream from 50 processes over PostgreSQL (BENCHMARKS.md, "Contention"); a deployment with
 * hotter or slower streams should measure its own.
 */
export interface RetryOptions {
  /**
   * How many times a command is re-decided after a concurrency conflict before it gives up with
   * `concurrency-conflict`. Default {@link DEFAULT_MAX_RETRIES}.
   */
  readonly maxRetries?: number;
  /**
   * The backoff window of the first retry, in ms. Retry `n` (from 0) waits a time drawn uniformly from
   * `[0, min(maxRetryDelayMs, retryBaseDelayMs * 2^n)]`. 0 retries at once, as the handler did before it had
   * a backoff. Default {@link DEFAULT_RETRY_BASE_DELAY_MS}.
   */
  readonly retryBaseDelayMs?: number;
  /** The largest backoff window, in ms. Default {@link DEFAULT_MAX_RETRY_DELAY_MS}. */
  readonly maxRetryDelayMs?: number;
  /** Where the jitter comes from: a number in [0, 1). Default `Math.random`; tests inject their own. */
  readonly random?: () => number;
  /** How the handler waits out a backoff. Default a `setTimeout` timer; tests inject their own. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Retry settings with their defaults filled in and checked. */
export interface RetryPolicy {
  readonly maxRetries: number;
  /** The wait before retry number `retry` (0 for the first), in ms. */
  delay(retry: number): number;
  readonly sleep: (ms: number) => Promise<void>;
}

/** Resolves after `ms` milliseconds on a plain timer. */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/** Fills in the defaults; throws a RangeError for a negative or non-finite setting (a configuration error). */
export const retryPolicy = (options: RetryOptions = {}): RetryPolicy => {
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const base = options.retryBaseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS;
  const cap = options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS;
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new RangeError(`maxRetries must be a non-negative integer, got ${maxRetries}`);
  }
  for (const [name, value] of [
    ['retryBaseDelayMs', base],
    ['maxRetryDelayMs', cap],
  ] as const) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
    }
  }
  const random = options.random ?? Math.random;
  return {
    maxRetries,
    // A zero base is a zero window at every retry (0 * 2^1024 would be NaN, not 0).
    delay: (retry) => (base === 0 ? 0 : random() * Math.min(cap, base * 2 ** retry)),
    sleep: options.sleep ?? sleep,
  };
};
