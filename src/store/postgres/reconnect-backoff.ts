/** What the host is told each time the LISTEN connection is lost or fails to open. */
export interface ListenerReconnect {
  /** Failures in a row since the listener last listened: 1 for the first. */
  readonly attempt: number;
  /** How long the listener waits before it tries again. */
  readonly delayMs: number;
  /** Why: the connection's error, or an Error saying it ended. */
  readonly error: unknown;
}

/**
 * How the store's LISTEN connection reconnects: exponential backoff with full jitter, capped. Attempt n
 * waits a uniformly random time in [0, min(maxDelayMs, initialDelayMs × multiplier^(n-1))), so that many
 * processes that lost one server do not all come back at the same instant. Every field is configuration;
 * the defaults are {@link DEFAULT_LISTENER_BACKOFF}'s.
 */
export interface ListenerOptions {
  /** The ceiling of the first attempt's delay. Default 1000 ms (the fixed interval of earlier versions). */
  readonly initialDelayMs?: number;
  /** The most any delay's ceiling grows to. Default 30,000 ms. */
  readonly maxDelayMs?: number;
  /** How much the ceiling grows with each failure in a row. Default 2. */
  readonly multiplier?: number;
  /** A uniform random number in [0, 1): the jitter. Default `Math.random`; tests inject their own. */
  readonly random?: () => number;
  /**
   * Called on every failure, before the wait, with the attempt, the delay and the error: for logs and
   * metrics. Meanwhile subscriptions keep polling. Errors it throws are ignored, so that a faulty callback
   * cannot stop the reconnection.
   */
  readonly onReconnect?: (event: ListenerReconnect) => void;
}

/** {@link ListenerOptions} with every default filled in. */
export type ListenerBackoff = Required<Omit<ListenerOptions, 'onReconnect'>> &
  Pick<ListenerOptions, 'onReconnect'>;

/** The defaults of {@link ListenerOptions}. */
export const DEFAULT_LISTENER_BACKOFF = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  multiplier: 2,
} as const;

/** Fills in the defaults and refuses settings that make no backoff (a thrown Error, as for `pageSize`). */
export const listenerBackoff = (options: ListenerOptions = {}): ListenerBackoff => {
  const backoff: ListenerBackoff = {
    ...DEFAULT_LISTENER_BACKOFF,
    random: Math.random,
    ...options,
  };
  const { initialDelayMs, maxDelayMs, multiplier } = backoff;
  if (!(Number.isFinite(initialDelayMs) && initialDelayMs > 0))
    throw new Error('listener.initialDelayMs must be a positive number');
  if (!(Number.isFinite(maxDelayMs) && maxDelayMs >= initialDelayMs))
    throw new Error('listener.maxDelayMs must be a number no smaller than initialDelayMs');
  if (!(Number.isFinite(multiplier) && multiplier >= 1))
    throw new Error('listener.multiplier must be at least 1');
  return backoff;
};

/** The wait before reconnection attempt `attempt` (1-based): full jitter under the capped exponential. */
export const reconnectDelay = (attempt: number, backoff: ListenerBackoff): number => {
  const ceiling = Math.min(backoff.maxDelayMs, backoff.initialDelayMs * backoff.multiplier ** (attempt - 1));
  return Math.floor(backoff.random() * ceiling);
};
