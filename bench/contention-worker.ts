/**
 * A claimant process of the contention benchmark (bench/contention.ts forks fifty of these, ten in a quick
 * run): its own PostgreSQL connection, and for every claim a command handler of its own, as a separate
 * application instance would have. Speaks to the harness over the fork IPC channel; never prints.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { CommandHandler } from '../src/commands/command-handler.js';
import type { RetryOptions } from '../src/commands/retry.js';
import type { CommandContextInput } from '../src/domain/shared/context.js';
import type { TaskCommandInput } from '../src/domain/task/commands.js';
import { taskAggregate } from '../src/domain/task/index.js';
import type { AppendOptions, EventToAppend } from '../src/store/event-store.js';
import { PostgresEventStore } from '../src/store/postgres/index.js';

/** A handler's retry settings as they cross a process boundary: numbers only. */
export type RetrySettings = Omit<RetryOptions, 'random' | 'sleep'>;

/** One claim to send: the command and who sends it. */
export interface ClaimOrder {
  readonly command: TaskCommandInput;
  readonly context: CommandContextInput;
}

/** What the harness sends: where the store is, then one claim per rush, then goodbye. */
export type ToWorker =
  | {
      readonly kind: 'connect';
      readonly url: string;
      readonly schema: string;
      /** How many claimants this process hosts. */
      readonly claimants: number;
    }
  | {
      readonly kind: 'claim';
      /** The claims to send at once, each through a handler of its own. */
      readonly claims: readonly ClaimOrder[];
      /** The handlers' retry settings for this rush. */
      readonly retry: RetrySettings;
    }
  | { readonly kind: 'exit' };

/** What a worker answers. */
export type FromWorker =
  { readonly kind: 'ready' } | { readonly kind: 'claimed'; readonly results: readonly ClaimResult[] };

/** How one claim went. */
export interface ClaimResult {
  /** `'ok'` or the error code the command ended with. */
  readonly outcome: string;
  /** How many appends the command tried (1 when it landed at once). */
  readonly tries: number;
  readonly ms: number;
}

const send = (message: FromWorker): void => {
  process.send?.(message);
};

let store: PostgresEventStore | undefined;
let pool: pg.Pool | undefined;

/** One claim through a fresh handler; every append the handler tries is counted on the way to the store. */
const claim = async (
  shared: PostgresEventStore,
  { command, context }: ClaimOrder,
  retry: RetrySettings,
): Promise<ClaimResult> => {
  let tries = 0;
  const counted = Object.create(shared) as PostgresEventStore;
  counted.appendToStream = (streamId: string, events: readonly EventToAppend[], options?: AppendOptions) => {
    tries += 1;
    return shared.appendToStream(streamId, events, options);
  };
  const started = performance.now();
  const result = await new CommandHandler(counted, retry).handle(taskAggregate, command, context);
  const ms = performance.now() - started;
  return { outcome: isLeft(result) ? result.left.code : 'ok', tries, ms };
};

const onMessage = async (message: ToWorker): Promise<void> => {
  if (message.kind === 'connect') {
    // A connection per claimant this process hosts, as separate processes would each have theirs.
    pool = new pg.Pool({ connectionString: message.url, max: message.claimants });
    pool.on('error', () => undefined);
    store = new PostgresEventStore(pool, { schema: message.schema });
    await pool.query('SELECT 1');
    send({ kind: 'ready' });
  } else if (message.kind === 'claim') {
    const shared = store;
    if (shared === undefined) throw new Error('claim before connect');
    const results = await Promise.all(message.claims.map((one) => claim(shared, one, message.retry)));
    send({ kind: 'claimed', results });
  } else {
    await store?.close();
    await pool?.end();
    process.disconnect?.();
  }
};

process.on('message', (message: ToWorker) => {
  onMessage(message).catch((error: unknown) => {
    process.stderr.write(`contention worker: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
});
