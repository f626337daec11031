import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { domainError, type DomainError } from '../domain/shared/errors.js';
import type { CheckpointStore } from '../store/checkpoint-store.js';
import {
  matchesFilter,
  type EventStore,
  type RecordedEvent,
  type SubscriptionFilter,
} from '../store/event-store.js';
import { traceBatch } from '../observability/batch-trace.js';
import type { TracerOption } from '../observability/tracer.js';
import { resolveTracing, type Tracing } from '../observability/tracing.js';
import { applyBatch, ScratchFold, type Projection } from './projection.js';

/** Turns a raw stored event into the projection's event type, or says why it cannot. */
export type EventParser<E> = (raw: RecordedEvent) => Either<DomainError, E>;

/** Options of a {@link ProjectionRunner}. */
export interface ProjectionRunnerOptions<E> {
  /** Parses every stored event (schemas and upcasters): events from a store are never trusted. */
  readonly parse: EventParser<E>;
  /** Where the runner records the last position it applied. */
  readonly checkpoints?: CheckpointStore;
  /** Events per immer draft and per checkpoint write. Default 1,000. */
  readonly batchSize?: number;
  /** Only events passing this filter reach the projection (their positions still advance the checkpoint). */
  readonly filter?: SubscriptionFilter;
  /** The tracer of the `linli.projection.batch` spans, or `false`; see {@link TracerOption}. */
  readonly tracer?: TracerOption;
}

/** A running live projection: stop it, or wait until it has applied a given position. */
export interface LiveProjection {
  /** Stops following the store. */
  stop(): Promise<void>;
  /** Resolves once every event up to and including `position` has been applied. */
  waitFor(position: bigint): Promise<void>;
}

/**
 * Keeps one projection's state up to date from a store: rebuild from the start of the log, catch up from
 * the checkpoint, then follow live appends. Delivery may repeat (a subscription restarted from a checkpoint,
 * an overlapping read); the effect happens once, because positions at or below the last applied one are
 * skipped.
 */
export class ProjectionRunner<E, S> {
  private current: S;
  private applied: bigint | undefined;
  private readonly batchSize: number;
  private readonly tracing: Tracing | undefined;
  private readonly waiters: { position: bigint; resolve: () => void }[] = [];
  /** Whether the stored checkpoint has been consulted (or deliberately ignored by a rebuild). */
  private checkpointConsulted = false;

  /** Creates a runner for a projection over a store. */
  constructor(
    private readonly store: EventStore,
    readonly projection: Projection<E, S>,
    private readonly options: ProjectionRunnerOptions<E>,
  ) {
    this.current = projection.initialState;
    this.batchSize = options.batchSize ?? 1_000;
    this.tracing = resolveTracing(options.tracer);
  }

  /** The projection's current state. */
  get state(): S {
    return this.current;
  }

  /** The global position of the last event applied, or undefined before any. */
  get lastPosition(): bigint | undefined {
    return this.applied;
  }

  /** Starts again from the initial state and applies the whole log. */
  async rebuild(): Promise<Either<DomainError, S>> {
    this.current = this.projection.initialState;
    this.applied = undefined;
    this.checkpointConsulted = true;
    return this.catchUp();
  }

  /**
   * Applies every event after the last applied one (or after the stored checkpoint, on a fresh runner). From
   * the initial state (a rebuild, a first catch-up) it folds into a private copy in place and freezes it once
   * at the end, instead of an immer draft per batch: see {@link ScratchFold}.
   */
  async catchUp(): Promise<Either<DomainError, S>> {
    const from = await this.resumePosition();
    const fold =
      this.applied === undefined && this.current === this.projection.initialState
        ? new ScratchFold(this.projection)
        : undefined;
    try {
      let batch: RecordedEvent[] = [];
      try {
        for await (const raw of this.store.readAll({ fromPosition: from })) {
          batch.push(raw);
          if (batch.length >= this.batchSize) {
            const done = await this.apply(batch, fold);
            if (isLeft(done)) return done;
            batch = [];
          }
        }
      } catch (error) {
        return left(domainError('store-error', `reading the log failed: ${String(error)}`));
      }
      const done = await this.apply(batch, fold);
      if (isLeft(done)) return done;
    } finally {
      if (fold !== undefined) {
        this.current = fold.finish();
        this.releaseWaiters();
      }
    }
    return right(this.current);
  }

  /**
   * Applies a batch of delivered events: skips those already applied, parses the rest, applies them in one
   * draft, then saves the checkpoint. Stops at the first event that does not parse, applying nothing of the
   * batch, so a bad event is reported, never silently lost.
   */
  async handle(batch: readonly RecordedEvent[]): Promise<Either<DomainError, S>> {
    return this.apply(batch, undefined);
  }

  /** {@link ProjectionRunner.handle}, applying in place to `fold` when a scratch fold owns the state. */
  private apply(
    batch: readonly RecordedEvent[],
    fold: ScratchFold<E, S> | undefined,
  ): Promise<Either<DomainError, S>> {
    const tracing = this.tracing;
    if (tracing === undefined) return this.applyNow(batch, fold);
    return traceBatch(tracing, this.projection.name, this.applied, batch, () => this.applyNow(batch, fold));
  }

  private async applyNow(
    batch: readonly RecordedEvent[],
    fold: ScratchFold<E, S> | undefined,
  ): Promise<Either<DomainError, S>> {
    const fresh: E[] = [];
    let last = this.applied;
    for (const raw of batch) {
      if (last !== undefined && raw.position <= last) continue;
      last = raw.position;
      if (!matchesFilter(raw, this.options.filter)) continue;
      const parsed = this.options.parse(raw);
      if (isLeft(parsed)) {
        return left(
          domainError(
            'invalid-event',
            `${this.projection.name}: ${raw.streamId}@${raw.revision} (position ${raw.position}): ${parsed.left.message}`,
            parsed.left.details,
          ),
        );
      }
      fresh.push(parsed.right);
    }
    if (last === this.applied || last === undefined) return right(this.current);
    if (fold === undefined) this.current = applyBatch(this.projection, this.current, fresh);
    else fold.apply(fresh);
    this.applied = last;
    await this.options.checkpoints?.save(this.projection.name, last);
    if (fold === undefined) this.releaseWaiters();
    return right(this.current);
  }

  /**
   * Catches up, then follows live appends, applying what arrives together in one batch. `onError` hears
   * of an event that cannot be applied; the runner then stops rather than skip it.
   */
  follow(onError: (error: DomainError) => void = () => undefined): LiveProjection {
    let stopped = false;
    let subscription: ReturnType<EventStore['subscribeToAll']> | undefined;
    const loop = async () => {
      const from = await this.resumePosition();
      if (stopped) return;
      subscription = this.store.subscribeToAll({ fromPosition: from });
      const iterator = subscription[Symbol.asyncIterator]();
      let pending = iterator.next();
      while (!stopped) {
        const first = await pending;
        if (first.done === true) return;
        const batch = [first.value];
        pending = iterator.next();
        // Gather whatever else is already delivered, without waiting for more.
        while (batch.length < this.batchSize) {
          const next = await Promise.race([
            pending,
            new Promise<'later'>((r) => setImmediate(() => r('later'))),
          ]);
          if (next === 'later' || next.done === true) break;
          batch.push(next.value);
          pending = iterator.next();
        }
        const done = await this.handle(batch);
        if (isLeft(done)) {
          stopped = true;
          onError(done.left);
          await subscription.close();
          return;
        }
      }
    };
    const running = loop().catch((error: unknown) => {
      onError(domainError('store-error', `following the log failed: ${String(error)}`));
    });
    return {
      stop: async () => {
        stopped = true;
        await subscription?.close();
        await running;
      },
      waitFor: (position) =>
        this.applied !== undefined && this.applied >= position
          ? Promise.resolve()
          : new Promise<void>((resolve) => this.waiters.push({ position, resolve })),
    };
  }

  private async resumePosition(): Promise<bigint> {
    if (!this.checkpointConsulted && this.options.checkpoints !== undefined) {
      // A fresh runner with a stored checkpoint resumes there; its state must then come from elsewhere
      // (a persisted read model). In-memory read models call rebuild() instead, which ignores it.
      const stored = await this.options.checkpoints.load(this.projection.name);
      if (stored !== undefined) this.applied = stored;
    }
    this.checkpointConsulted = true;
    // Inclusive read from the last applied position: the overlap is skipped by handle(), and no store has to
    // accept a position that names no event.
    return this.applied ?? 0n;
  }

  private releaseWaiters(): void {
    const applied = this.applied;
    if (applied === undefined) return;
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i];
      if (waiter !== undefined && waiter.position <= applied) {
        this.waiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }
}
