import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { deterministicEventId, eventHash } from '../audit/hash-chain.js';
import type { MessagesOf, SchemaMap } from '../domain/shared/catalogue.js';
import type { CommandContext } from '../domain/shared/context.js';
import { parseCommandContext } from '../domain/shared/command-context.js';
import { domainError, type DomainError } from '../domain/shared/errors.js';
import { deepFreeze } from '../domain/shared/freeze.js';
import { GENESIS_HASH, type EventMetadata } from '../domain/shared/events.js';
import { outOfOrderInTime } from '../domain/shared/time.js';
import { traceCommand, type CommandTrace } from '../observability/command-trace.js';
import type { TracerOption } from '../observability/tracer.js';
import { resolveTracing, type Tracing } from '../observability/tracing.js';
import {
  isConcurrencyError,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
} from '../store/event-store.js';
import type { Aggregate, Appended } from './aggregate.js';
import { commandDigest, refuseReusedKey, type SubmittedContext } from './command-digest.js';
import { KeyedQueue } from './keyed-queue.js';
import { parseRecorded } from './parse-recorded.js';
import { retryPolicy, type RetryOptions, type RetryPolicy } from './retry.js';
import { LruCache } from './state-cache.js';

/** Options of a {@link CommandHandler}; the retry settings and their defaults are in {@link RetryOptions}. */
export interface CommandHandlerOptions extends RetryOptions {
  /** How many streams' folded state to keep in memory. Default 10,000. */
  readonly cacheSize?: number;
  /** The tracer of the `linli.command` and `linli.append` spans, or `false`; see {@link TracerOption}. */
  readonly tracer?: TracerOption;
}

/** What a successful command returns: the events it recorded (none when the decision was to do nothing). */
export interface CommandResult<E> {
  readonly streamId: string;
  readonly events: readonly Appended<E>[];
  /** The stream's revision after the command; `-1n` when the stream still does not exist. */
  readonly revision: bigint;
  /** The global position of the command's last event, when it appended any. */
  readonly position?: bigint;
  /** True when the command id had already been handled: nothing new was appended, the first result returned. */
  readonly duplicate: boolean;
}

/** Where a command id's events stand in its stream. */
interface CommandSpan {
  readonly fromRevision: bigint;
  readonly count: number;
}

/**
 * The folded state of one stream up to `revision`, with what the handler needs to append after it. Entries
 * are updated in place (commands on one stream are serialised by the handler's queue), so that keeping the
 * command-id index costs O(new events), never O(history).
 */
interface StreamState<S> {
  state: S;
  /** Revision of the last folded event; `-1n` for a stream with no events. */
  revision: bigint;
  lastHash: string;
  /** When the stream's last event occurred; undefined for a stream with no events. */
  lastAt: string | undefined;
  readonly commands: Map<string, CommandSpan>;
}

const NO_EVENTS = -1n;

/**
 * Executes commands: validates the command and its context, loads the stream's state, decides, and appends
 * the decision at the revision it was decided on. A conflict waits a jittered backoff that grows with each
 * failure, reloads and decides again, a bounded number of times. Folded state is cached by stream and revision, so a command reads only the events appended since
 * the cache last saw the stream: the cost of a command does not grow with the stream's history. A command
 * re-sent with the same `commandId` appends nothing and returns its first result; the same `commandId` sent
 * on the same stream with another command (another type, data or actor: see `commandDigest`) is refused with
 * `idempotency-conflict`. The key's scope is the stream: the same id on another stream is another command.
 * A command that decided nothing records nothing, so its id stays free. A command dated before its stream's
 * last event is refused (`invalid-command`): a stream only moves forward in time.
 */
export class CommandHandler {
  private readonly cache: LruCache<string, StreamState<unknown>>;
  private readonly queue = new KeyedQueue();
  private readonly retry: RetryPolicy;
  private readonly tracing: Tracing | undefined;

  /** Creates a handler over a store; throws a RangeError for an invalid retry setting. */
  constructor(
    readonly store: EventStore,
    options: CommandHandlerOptions = {},
  ) {
    this.retry = retryPolicy(options);
    this.cache = new LruCache(options.cacheSize ?? 10_000);
    this.tracing = resolveTracing(options.tracer);
  }

  /**
   * Validates, decides and appends one command; never throws for a rejected command or a conflict. `check`,
   * if given, judges the validated command (with its validated context) against facts outside its stream
   * before it is decided (the governance facade checks the places a command names against the directory, and
   * a claimant's membership against the organisation's history); its error is returned as is.
   */
  async handle<CM extends SchemaMap, EM extends SchemaMap, S>(
    aggregate: Aggregate<CM, EM, S>,
    command: unknown,
    context: unknown,
    check?: (command: MessagesOf<CM>, context: CommandContext) => Promise<DomainError | undefined>,
  ): Promise<Either<DomainError, CommandResult<MessagesOf<EM>>>> {
    const tracing = this.tracing;
    if (tracing === undefined) return this.handleTraced(aggregate, command, context, check, undefined);
    return traceCommand(tracing, command, (trace) =>
      this.handleTraced(aggregate, command, context, check, trace),
    );
  }

  /** {@link CommandHandler.handle}, filling in `trace` (the command's span) when it is recorded. */
  private async handleTraced<CM extends SchemaMap, EM extends SchemaMap, S>(
    aggregate: Aggregate<CM, EM, S>,
    command: unknown,
    context: unknown,
    check:
      ((command: MessagesOf<CM>, context: CommandContext) => Promise<DomainError | undefined>) | undefined,
    trace: CommandTrace | undefined,
  ): Promise<Either<DomainError, CommandResult<MessagesOf<EM>>>> {
    const parsedCommand = aggregate.commands.parse(command, { errorCode: 'invalid-command' });
    if (isLeft(parsedCommand)) return parsedCommand;
    const parsedContext = parseCommandContext(context);
    if (!parsedContext.success) {
      return left(domainError('invalid-command', 'invalid command context', parsedContext.error.issues));
    }
    const refused = await check?.(parsedCommand.right, parsedContext.data);
    if (refused !== undefined) return left(refused);
    const digest = commandDigest(parsedCommand.right, parsedContext.data.actor.id);
    if (isLeft(digest)) return digest;
    const submitted: SubmittedContext = { ...parsedContext.data, commandDigest: digest.right };
    const streamId = aggregate.streamId(parsedCommand.right);
    trace?.stream(streamId);
    return this.queue.run(streamId, async () =>
      refuseReusedKey(
        await this.decideAndAppend(aggregate, streamId, parsedCommand.right, submitted, trace),
        submitted,
      ),
    );
  }

  /**
   * The state of a stream as the store holds it now (folded through the cache, in turn with the stream's
   * commands): for a check that needs another aggregate's recorded facts, such as the directory's units.
   */
  async stateOf<CM extends SchemaMap, EM extends SchemaMap, S>(
    aggregate: Aggregate<CM, EM, S>,
    streamId: string,
  ): Promise<Either<DomainError, S>> {
    const loaded = await this.queue.run(streamId, () => this.load(aggregate, streamId));
    return isLeft(loaded) ? loaded : right(loaded.right.state);
  }

  /** Forgets the cached state of a stream (or of all streams), forcing the next command to refold it. */
  forget(streamId?: string): void {
    if (streamId === undefined) this.cache.clear();
    else this.cache.delete(streamId);
  }

  private async decideAndAppend<CM extends SchemaMap, EM extends SchemaMap, S>(
    aggregate: Aggregate<CM, EM, S>,
    streamId: string,
    command: MessagesOf<CM>,
    context: SubmittedContext,
    trace: CommandTrace | undefined,
  ): Promise<Either<DomainError, CommandResult<MessagesOf<EM>>>> {
    for (let attempt = 0; ; attempt++) {
      trace?.retries(attempt);
      const loaded = await this.load(aggregate, streamId);
      if (isLeft(loaded)) return loaded;
      const current = loaded.right;

      const seen = current.commands.get(context.commandId);
      if (seen !== undefined) return this.replayResult(aggregate, streamId, seen);

      const late = outOfOrderInTime(current.lastAt, context.now);
      if (late !== undefined) {
        return left(domainError('invalid-command', `${streamId}: the command is ${late}`, { streamId }));
      }

      const decision = aggregate.decider.decide(command, current.state, context);
      if (isLeft(decision)) return decision;
      if (decision.right.length === 0) {
        return right({ streamId, events: [], revision: current.revision, duplicate: false });
      }

      const toAppend = this.envelope(aggregate, streamId, decision.right, current, context);
      const expectedRevision: ExpectedRevision =
        current.revision === NO_EVENTS ? 'no-stream' : current.revision;
      try {
        const append = () => this.store.appendToStream(streamId, toAppend, { expectedRevision });
        const result = await (trace === undefined
          ? append()
          : trace.append(streamId, toAppend.length, expectedRevision, append));
        const appended = toAppend.map(
          (event, i) =>
            ({
              type: event.type,
              data: event.data,
              streamId,
              revision: current.revision + 1n + BigInt(i),
              metadata: event.metadata,
            }) as Appended<MessagesOf<EM>>,
        );
        this.remember(aggregate, current, appended);
        return right({
          streamId,
          events: appended,
          revision: result.nextExpectedRevision,
          position: result.position,
          duplicate: false,
        });
      } catch (error) {
        if (!isConcurrencyError(error)) {
          return left(domainError('store-error', `append to ${streamId} failed: ${String(error)}`));
        }
        if (attempt >= this.retry.maxRetries) {
          return left(
            domainError(
              'concurrency-conflict',
              `${streamId} kept changing; gave up after ${attempt + 1} tries`,
              {
                streamId,
                expected: String(error.expected),
                actual: String(error.actual),
                attempts: attempt + 1,
              },
            ),
          );
        }
        // The cached state is still valid up to its revision: the next load reads only the rival's events.
        const delay = this.retry.delay(attempt);
        // No timer for a zero wait, so that `retryBaseDelayMs: 0` behaves exactly as before there was a backoff.
        if (delay > 0) await this.retry.sleep(delay);
      }
    }
  }

  /** Brings the cached state of a stream up to date by folding only the events it has not yet seen. */
  private async load<CM extends SchemaMap, EM extends SchemaMap, S>(
    aggregate: Aggregate<CM, EM, S>,
    streamId: string,
  ): Promise<Either<DomainError, StreamState<S>>> {
    const entry: StreamState<S> = (this.cache.get(streamId) as StreamState<S> | undefined) ?? {
      state: aggregate.decider.initialState,
      revision: NO_EVENTS,
      lastHash: GENESIS_HASH,
      lastAt: undefined,
      commands: new Map(),
    };
    try {
      for await (const raw of this.store.readStream(streamId, { fromRevision: entry.revision + 1n })) {
        const parsed = parseRecorded(aggregate.events, raw);
        if (isLeft(parsed)) {
          this.cache.delete(streamId);
          return parsed;
        }
        entry.state = aggregate.decider.evolve(entry.state, parsed.right);
        entry.revision = raw.revision;
        entry.lastHash = raw.metadata.hash;
        entry.lastAt = raw.metadata.occurredAt;
        noteCommand(entry.commands, raw.metadata.commandId, raw.revision);
      }
    } catch (error) {
      this.cache.delete(streamId);
      return left(domainError('store-error', `reading ${streamId} failed: ${String(error)}`));
    }
    this.cache.set(streamId, entry as StreamState<unknown>);
    return right(entry);
  }

  /** Folds freshly appended events into the cache, so the next command need not read them back. */
  private remember<CM extends SchemaMap, EM extends SchemaMap, S>(
    aggregate: Aggregate<CM, EM, S>,
    entry: StreamState<S>,
    appended: readonly Appended<MessagesOf<EM>>[],
  ): void {
    for (const event of appended) {
      entry.state = aggregate.decider.evolve(entry.state, event);
      entry.revision = event.revision;
      entry.lastHash = event.metadata.hash;
      entry.lastAt = event.metadata.occurredAt;
      noteCommand(entry.commands, event.metadata.commandId, event.revision);
    }
  }

  /** Builds the metadata of each event, chaining hashes from the stream's last one. */
  private envelope<CM extends SchemaMap, EM extends SchemaMap, S>(
    aggregate: Aggregate<CM, EM, S>,
    streamId: string,
    events: readonly MessagesOf<EM>[],
    current: StreamState<S>,
    context: SubmittedContext,
  ): EventToAppend[] {
    let previousHash = current.lastHash;
    return events.map((event, i) => {
      const revision = current.revision + 1n + BigInt(i);
      // One object, its hash filled in once known: spreading it into a copy with the hash would cost more
      // than the hash (V8 builds a spread-then-extended object on its slow path).
      const metadata: { -readonly [K in keyof EventMetadata]: EventMetadata[K] } = {
        eventId: deterministicEventId(context.commandId, streamId, i),
        occurredAt: context.now,
        actor: { id: context.actor.id, role: context.actor.role },
        commandId: context.commandId,
        commandDigest: context.commandDigest,
        correlationId: context.correlationId ?? context.commandId,
        causationId: context.causationId ?? context.commandId,
        schemaVersion: aggregate.events.schemaVersion(event.type),
        previousHash,
        hash: '',
      };
      metadata.hash = eventHash({ streamId, revision, type: event.type, data: event.data, metadata });
      previousHash = metadata.hash;
      // Frozen here, once: the caller, the cache and an in-memory store can then share one copy safely.
      return { type: event.type, data: deepFreeze(event.data), metadata: deepFreeze(metadata) };
    });
  }

  /**
   * Reads back the events a command id already produced, and answers as the first call did: the revision
   * and global position of the command's last event (not the stream's revision now, which later commands
   * may have moved on).
   */
  private async replayResult<CM extends SchemaMap, EM extends SchemaMap, S>(
    aggregate: Aggregate<CM, EM, S>,
    streamId: string,
    span: CommandSpan,
  ): Promise<Either<DomainError, CommandResult<MessagesOf<EM>>>> {
    const events: Appended<MessagesOf<EM>>[] = [];
    let revision = span.fromRevision + BigInt(span.count) - 1n;
    let position: bigint | undefined;
    for await (const raw of this.store.readStream(streamId, {
      fromRevision: span.fromRevision,
      maxCount: span.count,
    })) {
      const parsed = parseRecorded(aggregate.events, raw);
      if (isLeft(parsed)) return parsed;
      const { position: at, ...appended } = parsed.right;
      events.push(appended as Appended<MessagesOf<EM>>);
      revision = appended.revision;
      position = at;
    }
    return right(
      position === undefined
        ? { streamId, events, revision, duplicate: true }
        : { streamId, events, revision, position, duplicate: true },
    );
  }
}

const noteCommand = (commands: Map<string, CommandSpan>, commandId: string, revision: bigint): void => {
  const span = commands.get(commandId);
  if (span === undefined) commands.set(commandId, { fromRevision: revision, count: 1 });
  else if (span.fromRevision + BigInt(span.count) === revision) {
    commands.set(commandId, { fromRevision: span.fromRevision, count: span.count + 1 });
  }
};
