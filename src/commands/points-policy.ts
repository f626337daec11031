import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { createResidentPointsAggregate, type ResidentPointsAggregate } from '../domain/points/aggregate.js';
import type { PointsCommandInput } from '../domain/points/commands.js';
import type { CommandContextInput } from '../domain/shared/context.js';
import { domainError, type DomainError } from '../domain/shared/errors.js';
import type { EventMetadata } from '../domain/shared/events.js';
import { taskEvents, type TaskEventOf } from '../domain/task/events.js';
import type { CheckpointStore } from '../store/checkpoint-store.js';
import {
  matchesFilter,
  type EventStore,
  type RecordedEvent,
  type SubscriptionFilter,
} from '../store/event-store.js';
import type { CommandHandler } from './command-handler.js';

/** The actor the policy's awards are recorded under. */
export const POINTS_POLICY_ACTOR = { id: 'points-policy', role: 'system' } as const;

/** The name the policy keeps its checkpoint under. */
export const POINTS_POLICY_NAME = 'points-policy';

/** The events the policy reacts to: `TaskVerified` on `task-` streams. */
export const POINTS_POLICY_FILTER: SubscriptionFilter = {
  streamPrefixes: ['task-'],
  eventTypes: ['TaskVerified'],
};

/** A recorded `TaskVerified`: its data and the metadata that links the award back to it. */
export interface VerifiedTask {
  readonly type: 'TaskVerified';
  readonly data: TaskEventOf<'TaskVerified'>['data'];
  readonly metadata: Pick<EventMetadata, 'eventId' | 'occurredAt' | 'correlationId'>;
}

/** An `AwardPoints` command and the context to execute it in. */
export interface AwardInstruction {
  readonly command: Extract<PointsCommandInput, { type: 'AwardPoints' }>;
  readonly context: CommandContextInput;
}

/**
 * The award a verified task is worth. Everything comes from the event, so the same event always gives the
 * same command: the command id (`award-<eventId>`) makes the handler drop a re-sent award, the task id makes
 * the decider drop a second award for the same task, and `now` is when the task was verified, not when the
 * policy happened to run.
 */
export const awardPointsFor = (event: VerifiedTask): AwardInstruction => {
  const { eventId, occurredAt, correlationId } = event.metadata;
  return {
    command: {
      type: 'AwardPoints',
      data: {
        residentId: event.data.residentId,
        community: event.data.community,
        taskId: event.data.taskId,
        points: event.data.points,
        verifiedEventId: eventId,
      },
    },
    context: {
      // The policy answers for the task's community only: the system, too, is denied by default.
      actor: { ...POINTS_POLICY_ACTOR, scope: [event.data.community], organisations: [] },
      now: occurredAt,
      commandId: `award-${eventId}`,
      correlationId,
      causationId: eventId,
    },
  };
};

/** Why the policy stopped short: the event it could not pay and the error. */
export interface PointsPolicyFailure {
  readonly position: bigint;
  /** The event's id; absent when the store itself failed before delivering an event. */
  readonly eventId?: string;
  readonly error: DomainError;
}

/** What a run of the policy did, and where to resume. */
export interface PointsPolicyRun {
  /** `TaskVerified` events handled (paid now, or found already paid). */
  readonly verified: number;
  /** `PointsEarned` events appended by this run. */
  readonly awarded: number;
  /** The global position to resume from: after the last handled event, or at the failed one. */
  readonly nextPosition: bigint;
  /** Set when the run stopped at an event it could not pay; everything before it was paid. */
  readonly failure?: PointsPolicyFailure;
}

/** Options shared by {@link runPointsPolicy} and {@link startPointsPolicy}. */
export interface PointsPolicyOptions {
  /** The first global position to read; defaults to just after the checkpoint, else the start of the log. */
  readonly fromPosition?: bigint;
  /** The ResidentPoints aggregate to award through (a community's configuration); defaults to the standard one. */
  readonly aggregate?: ResidentPointsAggregate;
  /** Where to remember progress, so a restart does not re-read the log (replaying it is harmless anyway). */
  readonly checkpoints?: CheckpointStore;
  /** The checkpoint's name; defaults to {@link POINTS_POLICY_NAME}. */
  readonly checkpointName?: string;
}

/** Options of {@link runPointsPolicy}. */
export interface RunPointsPolicyOptions extends PointsPolicyOptions {
  /** The last global position to read (inclusive); defaults to the end of the log. */
  readonly toPosition?: bigint;
}

const defaultAggregate = createResidentPointsAggregate();

const startPosition = async (options: PointsPolicyOptions): Promise<bigint> => {
  if (options.fromPosition !== undefined) return options.fromPosition;
  const saved = await options.checkpoints?.load(options.checkpointName ?? POINTS_POLICY_NAME);
  return saved === undefined ? 0n : saved + 1n;
};

/** Pays one recorded event if it is a `TaskVerified`; returns how many `PointsEarned` were appended. */
const payFor = async (
  raw: RecordedEvent,
  handler: CommandHandler,
  aggregate: ResidentPointsAggregate,
): Promise<Either<DomainError, number>> => {
  const parsed = taskEvents.parse(raw, {
    schemaVersion: raw.metadata.schemaVersion,
    errorCode: 'invalid-event',
  });
  if (isLeft(parsed)) return parsed;
  if (parsed.right.type !== 'TaskVerified') {
    return left(domainError('invalid-event', `${raw.streamId}@${raw.revision} is not a TaskVerified`));
  }
  const { command, context } = awardPointsFor({ ...parsed.right, metadata: raw.metadata });
  const result = await handler.handle(aggregate, command, context);
  if (isLeft(result)) return result;
  // A re-sent command id returns the events it first appended: those were paid by an earlier run.
  return right(result.right.duplicate ? 0 : result.right.events.length);
};

/** Counts the policy's progress and saves its checkpoint as it goes. */
class Progress {
  verified = 0;
  awarded = 0;

  constructor(
    public nextPosition: bigint,
    private readonly options: PointsPolicyOptions,
  ) {}

  async handled(position: bigint, awarded: number): Promise<void> {
    this.verified += 1;
    this.awarded += awarded;
    this.nextPosition = position + 1n;
    await this.options.checkpoints?.save(this.options.checkpointName ?? POINTS_POLICY_NAME, position);
  }

  run(failure?: PointsPolicyFailure): PointsPolicyRun {
    const base = { verified: this.verified, awarded: this.awarded, nextPosition: this.nextPosition };
    return failure === undefined ? base : { ...base, failure };
  }
}

/** A failure of the store or the checkpoint store itself, at the position the policy had reached. */
const storeFailure = (progress: Progress, error: unknown): PointsPolicyFailure => ({
  position: progress.nextPosition,
  error: domainError('store-error', `the points policy could not read or checkpoint: ${String(error)}`),
});

/**
 * Pays every `TaskVerified` in a range of the global log, in order. Stops at the first event it cannot pay
 * (a store error, an unreadable event) and reports it: skipping would leave a hole in the ledger, and a
 * rerun from `nextPosition` resumes there. Running it twice over the same history awards once.
 */
export const runPointsPolicy = async (
  store: EventStore,
  handler: CommandHandler,
  options: RunPointsPolicyOptions = {},
): Promise<PointsPolicyRun> => {
  const aggregate = options.aggregate ?? defaultAggregate;
  let progress = new Progress(options.fromPosition ?? 0n, options);
  try {
    progress = new Progress(await startPosition(options), options);
    for await (const raw of store.readAll({ fromPosition: progress.nextPosition })) {
      if (options.toPosition !== undefined && raw.position > options.toPosition) break;
      if (!matchesFilter(raw, POINTS_POLICY_FILTER)) continue;
      const paid = await payFor(raw, handler, aggregate);
      if (isLeft(paid)) {
        return progress.run({ position: raw.position, eventId: raw.metadata.eventId, error: paid.left });
      }
      await progress.handled(raw.position, paid.right);
    }
  } catch (error) {
    return progress.run(storeFailure(progress, error));
  }
  return progress.run();
};

/** Options of {@link startPointsPolicy}. */
export interface StartPointsPolicyOptions extends PointsPolicyOptions {
  /** Called when the policy halts at an event it cannot pay. */
  readonly onFailure?: (failure: PointsPolicyFailure) => void;
}

/** A running points policy. */
export interface PointsPolicyHandle {
  /**
   * Resolves once every `TaskVerified` at or before `position` has been paid (typically the position a
   * `VerifyTask` returned). Rejects if the policy stops or halts before that.
   */
  caughtUp(position: bigint): Promise<void>;
  /** Stops following the log; resolves with what the policy did. */
  stop(): Promise<PointsPolicyRun>;
  /** Resolves when the policy ends: stopped, or halted at a failure. */
  readonly done: Promise<PointsPolicyRun>;
}

interface Waiter {
  readonly target: bigint;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/** The position of the last `TaskVerified` in `[from, to]`, if any. */
const lastVerifiedIn = async (store: EventStore, from: bigint, to: bigint): Promise<bigint | undefined> => {
  let last: bigint | undefined;
  for await (const raw of store.readAll({ fromPosition: from })) {
    if (raw.position > to) break;
    if (matchesFilter(raw, POINTS_POLICY_FILTER)) last = raw.position;
  }
  return last;
};

/**
 * Follows the log (a catch-up subscription filtered to `TaskVerified` on `task-` streams) and pays each
 * verified task as it is recorded. Like {@link runPointsPolicy} it halts at an event it cannot pay rather
 * than skip it; restart it (from the checkpoint, or from the failure's position) once the cause is fixed.
 */
export const startPointsPolicy = (
  store: EventStore,
  handler: CommandHandler,
  options: StartPointsPolicyOptions = {},
): PointsPolicyHandle => {
  const aggregate = options.aggregate ?? defaultAggregate;
  let progress: Progress | undefined;
  let stopping = false;
  let ended = false;
  let waiters: Waiter[] = [];
  let closeSubscription: () => Promise<void> = async () => undefined;

  const settleWaiters = (): void => {
    const position = progress?.nextPosition ?? 0n;
    const pending: Waiter[] = [];
    for (const waiter of waiters) {
      if (waiter.target < position) waiter.resolve();
      else if (ended) waiter.reject(new Error('the points policy ended before it got there'));
      else pending.push(waiter);
    }
    waiters = pending;
  };

  const ready = startPosition(options).then((position) => {
    progress = new Progress(position, options);
    return progress;
  });

  const follow = async (): Promise<PointsPolicyRun> => {
    let current: Progress;
    try {
      current = await ready;
    } catch (error) {
      const unstarted = new Progress(options.fromPosition ?? 0n, options);
      return unstarted.run(storeFailure(unstarted, error));
    }
    if (stopping) return current.run();
    const subscription = store.subscribeToAll({
      fromPosition: current.nextPosition,
      filter: POINTS_POLICY_FILTER,
    });
    closeSubscription = () => subscription.close();
    const halt = async (failure: PointsPolicyFailure): Promise<PointsPolicyRun> => {
      await subscription.close().catch(() => undefined);
      options.onFailure?.(failure);
      return current.run(failure);
    };
    try {
      for await (const raw of subscription) {
        const paid = await payFor(raw, handler, aggregate);
        if (isLeft(paid)) {
          return await halt({ position: raw.position, eventId: raw.metadata.eventId, error: paid.left });
        }
        await current.handled(raw.position, paid.right);
        settleWaiters();
        if (stopping) break;
      }
    } catch (error) {
      return halt(storeFailure(current, error));
    }
    return current.run();
  };

  const done = follow().finally(() => {
    ended = true;
    settleWaiters();
  });

  return {
    done,
    async caughtUp(position) {
      const from = (await ready).nextPosition;
      const target = await lastVerifiedIn(store, from, position);
      if (target === undefined) return;
      await new Promise<void>((resolve, reject) => {
        waiters.push({ target, resolve, reject });
        settleWaiters();
      });
    },
    async stop() {
      stopping = true;
      await ready.catch(() => undefined);
      await closeSubscription();
      return done;
    },
  };
};
