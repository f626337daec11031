import type { Client, Pool } from 'pg';
import { pg } from './driver.js';
import { reconnectDelay, type ListenerBackoff } from './reconnect-backoff.js';

/**
 * Listens on the store's NOTIFY channel on a dedicated connection (LISTEN holds its session, so it cannot
 * share a pooled one) and calls `onSignal` for every notification. When the connection drops it calls
 * `onSignal` too (notifications sent meanwhile are lost, so readers should look) and reconnects with
 * capped exponential backoff and full jitter (see `ListenerOptions`), telling `onReconnect`, until stopped.
 */
export class AppendListener {
  private client: Client | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private started = false;
  /** Failures in a row since the last successful LISTEN. */
  private failures = 0;

  /** Prepares a listener; nothing connects before {@link AppendListener.start}. */
  constructor(
    private readonly pool: Pool,
    private readonly channel: string,
    private readonly onSignal: () => void,
    private readonly backoff: ListenerBackoff,
  ) {}

  /** Connects and listens, once; later calls do nothing. Never throws: failures schedule a retry. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    void this.connect();
  }

  private async connect(): Promise<void> {
    this.retryTimer = undefined;
    if (this.stopped) return;
    // The pool's options are a client configuration too: the listener reaches the same database as the pool.
    const client = new pg.Client(this.pool.options);
    this.client = client;
    let lost = false;
    const onLost = (error: unknown): void => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = undefined;
      if (this.stopped) return;
      void client.end().catch(() => undefined);
      this.onSignal();
      this.failures += 1;
      const delayMs = reconnectDelay(this.failures, this.backoff);
      this.report(this.failures, delayMs, error);
      this.retryTimer = setTimeout(() => void this.connect(), delayMs);
      this.retryTimer.unref();
    };
    client.on('error', onLost);
    client.on('end', () => onLost(new Error('the LISTEN connection ended')));
    client.on('notification', () => this.onSignal());
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
      if (!lost) this.failures = 0;
      if (this.stopped) await client.end();
    } catch (error) {
      onLost(error);
    }
  }

  private report(attempt: number, delayMs: number, error: unknown): void {
    try {
      this.backoff.onReconnect?.({ attempt, delayMs, error });
    } catch {
      // The host's callback failing must not stop the reconnection (see ListenerOptions.onReconnect).
    }
  }

  /** Stops listening and closes the connection; no reconnection follows. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    if (client !== undefined) await client.end().catch(() => undefined);
  }
}
