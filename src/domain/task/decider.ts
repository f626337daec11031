import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { z } from 'zod';
import { coversPath, hasRole, type Actor, type Role } from '../shared/actors.js';
import type { CommandContext } from '../shared/context.js';
import type { Decider } from '../shared/decider.js';
import { domainError, type DomainError } from '../shared/errors.js';
import { toMillis } from '../shared/time.js';
import type { TaskCommand } from './commands.js';
import { DIFFICULTIES, TaskPointsSchema, type Difficulty, type TaskEvent } from './events.js';
import {
  activeClaims,
  initialTaskState,
  isComplete,
  taskPath,
  type ClaimStatus,
  type PublishedTask,
  type TaskState,
} from './state.js';

/** How a community runs its tasks. */
export interface TaskConfig {
  /**
   * The points a task earns by default, by difficulty ("points according to the task's difficulty"); a
   * difficulty left out keeps its {@link DEFAULT_POINTS_BY_DIFFICULTY} value.
   */
  readonly pointsByDifficulty?: Partial<Readonly<Record<Difficulty, number>>>;
}

/** The default points table: each step of difficulty doubles the reward. */
export const DEFAULT_POINTS_BY_DIFFICULTY: Readonly<Record<Difficulty, number>> = {
  easy: 5,
  medium: 10,
  hard: 20,
  expert: 40,
};

/**
 * Who may claim a task (接单): residents (party members among them) and cadres, each as able; an
 * organisation claims through a member acting on its behalf. The system never claims.
 */
export const CLAIMANT_ROLES: readonly Role[] = ['resident', 'grid-worker', 'community-staff'];

/** The roles that run a community's task list. */
export const TASK_STAFF_ROLES: readonly Role[] = ['community-staff', 'administrator'];

type Decision = Either<DomainError, readonly TaskEvent[]>;

const PointsTableSchema = z.object(
  Object.fromEntries(DIFFICULTIES.map((d) => [d, TaskPointsSchema])) as Record<
    Difficulty,
    typeof TaskPointsSchema
  >,
);

const isStaffFor = (actor: Actor, task: Pick<PublishedTask, 'community' | 'unit'>): boolean =>
  hasRole(actor, TASK_STAFF_ROLES) && coversPath(actor, taskPath(task));

const reject = (code: DomainError['code'], message: string): Decision => left(domainError(code, message));

/** Runs `decide` on a published task that is still open; anything else is not-found or invalid-transition. */
const onOpenTask = (state: TaskState, decide: (task: PublishedTask) => Decision): Decision => {
  if (state.status === 'unpublished') return reject('not-found', 'no such task');
  if (state.status !== 'open') return reject('invalid-transition', `the task is ${state.status}`);
  return decide(state);
};

const publish = (
  pointsByDifficulty: Readonly<Record<Difficulty, number>>,
  command: Extract<TaskCommand, { type: 'PublishTask' }>,
  state: TaskState,
  context: CommandContext,
): Decision => {
  const data = command.data;
  if (state.status !== 'unpublished') return reject('already-exists', `task ${data.taskId} exists`);
  if (!isStaffFor(context.actor, data)) {
    return reject('forbidden', 'only community staff or an administrator of the community may publish');
  }
  if (toMillis(data.deadline) <= toMillis(context.now)) {
    return reject('invalid-command', 'the deadline must lie after now');
  }
  return right([
    {
      type: 'TaskPublished',
      data: {
        taskId: data.taskId,
        community: data.community,
        ...(data.unit === undefined ? {} : { unit: data.unit }),
        title: data.title,
        difficulty: data.difficulty,
        points: data.points ?? pointsByDifficulty[data.difficulty],
        audience: data.audience,
        slots: data.slots,
        deadline: data.deadline,
        ...(data.sourceProblemId === undefined ? {} : { sourceProblemId: data.sourceProblemId }),
        media: data.media,
      },
    },
  ]);
};

/**
 * Membership of the organisation a claim is for is not the caller's to assert: the governance facade and the
 * audit judge it against the organisation's recorded members (see `organisationMembershipCheck`). The decider
 * sees only the task, so it holds a directed task's claim to the task's own organisation.
 */
const claim = (task: PublishedTask, onBehalfOf: string | undefined, context: CommandContext): Decision => {
  const { actor } = context;
  if (!hasRole(actor, CLAIMANT_ROLES)) {
    return reject('forbidden', 'only residents and cadres may claim a task');
  }
  if (
    task.audience.kind === 'directed' &&
    onBehalfOf !== undefined &&
    onBehalfOf !== task.audience.organisationId
  ) {
    return reject('forbidden', 'a directed task is claimed on behalf of its own organisation');
  }
  if (toMillis(context.now) >= toMillis(task.deadline)) {
    return reject('invalid-transition', 'the deadline has passed');
  }
  if (task.claims.has(actor.id)) return reject('already-exists', 'the resident already holds a claim');
  if (activeClaims(task) >= task.slots) return reject('limit-exceeded', 'no free slot');
  const data = { taskId: task.taskId, residentId: actor.id };
  return right([{ type: 'TaskClaimed', data: onBehalfOf === undefined ? data : { ...data, onBehalfOf } }]);
};

/** Staff may act on a resident's claim in `expected` status, but never on their own claim. */
const staffOnClaim = (
  task: PublishedTask,
  residentId: string,
  context: CommandContext,
  expected: ClaimStatus,
  decide: () => Decision,
): Decision => {
  if (!isStaffFor(context.actor, task)) {
    return reject('forbidden', 'only community staff or an administrator of the community may do this');
  }
  if (context.actor.id === residentId) return reject('forbidden', 'nobody judges their own work');
  const status = task.claims.get(residentId);
  if (status === undefined) return reject('not-found', `no active claim by ${residentId}`);
  if (status !== expected) return reject('invalid-transition', `the claim is ${status}`);
  return decide();
};

const decideOnTask = (task: PublishedTask, command: TaskCommand, context: CommandContext): Decision => {
  const { actor } = context;
  switch (command.type) {
    case 'PublishTask':
      return reject('already-exists', `task ${task.taskId} exists`);
    case 'ClaimTask':
      return claim(task, command.data.onBehalfOf, context);
    case 'SubmitProof': {
      const status = task.claims.get(actor.id);
      if (status === undefined) return reject('forbidden', 'only the claimant may submit proof');
      if (status !== 'claimed') return reject('invalid-transition', `the claim is ${status}`);
      const data = { taskId: task.taskId, residentId: actor.id, proof: command.data.proof };
      return right([{ type: 'TaskProofSubmitted', data }]);
    }
    case 'VerifyTask': {
      const { residentId } = command.data;
      return staffOnClaim(task, residentId, context, 'proof-submitted', () =>
        right([
          {
            type: 'TaskVerified',
            data: {
              taskId: task.taskId,
              residentId,
              community: task.community,
              points: task.points,
              verifiedBy: actor.id,
            },
          },
        ]),
      );
    }
    case 'RejectProof': {
      const { residentId, reason } = command.data;
      return staffOnClaim(task, residentId, context, 'proof-submitted', () =>
        right([{ type: 'TaskProofRejected', data: { taskId: task.taskId, residentId, reason } }]),
      );
    }
    case 'ReleaseClaim': {
      const residentId = command.data.residentId ?? actor.id;
      if (actor.id !== residentId && !isStaffFor(actor, task)) {
        return reject('forbidden', 'only the claimant or community staff may release a claim');
      }
      const status = task.claims.get(residentId);
      if (status === undefined) return reject('not-found', `no active claim by ${residentId}`);
      if (status === 'verified') return reject('invalid-transition', 'a verified claim stays');
      const { reason } = command.data;
      return right([
        {
          type: 'TaskClaimReleased',
          data: { taskId: task.taskId, residentId, ...(reason === undefined ? {} : { reason }) },
        },
      ]);
    }
    case 'CancelTask':
      if (!isStaffFor(actor, task)) {
        return reject('forbidden', 'only community staff or an administrator of the community may cancel');
      }
      if (isComplete(task)) return reject('invalid-transition', 'every slot is verified: the task is done');
      return right([{ type: 'TaskCancelled', data: { taskId: task.taskId, reason: command.data.reason } }]);
    case 'ExpireTask':
      if (toMillis(context.now) < toMillis(task.deadline)) {
        return reject('invalid-transition', 'the deadline has not passed');
      }
      if (isComplete(task)) return reject('invalid-transition', 'every slot is verified: the task is done');
      return right([{ type: 'TaskExpired', data: { taskId: task.taskId } }]);
  }
};

const withClaim = (task: PublishedTask, residentId: string, status: ClaimStatus): PublishedTask => ({
  ...task,
  claims: new Map(task.claims).set(residentId, status),
});

const withoutClaim = (task: PublishedTask, residentId: string): PublishedTask => {
  const claims = new Map(task.claims);
  claims.delete(residentId);
  return { ...task, claims };
};

/** Closing a task ends every claim that was not verified; verified claims remain as the record of work. */
const closed = (task: PublishedTask, status: 'cancelled' | 'expired'): PublishedTask => ({
  ...task,
  status,
  claims: new Map([...task.claims].filter(([, claimStatus]) => claimStatus === 'verified')),
});

/** Folds one Task event; total: an event that cannot apply to the state leaves it unchanged. */
export const evolveTask = (state: TaskState, event: TaskEvent): TaskState => {
  if (event.type === 'TaskPublished') {
    if (state.status !== 'unpublished') return state;
    const { data } = event;
    return {
      status: 'open',
      taskId: data.taskId,
      community: data.community,
      ...(data.unit === undefined ? {} : { unit: data.unit }),
      difficulty: data.difficulty,
      points: data.points,
      audience: data.audience,
      slots: data.slots,
      deadline: data.deadline,
      claims: new Map(),
    };
  }
  if (state.status === 'unpublished') return state;
  switch (event.type) {
    case 'TaskClaimed':
      return withClaim(state, event.data.residentId, 'claimed');
    case 'TaskProofSubmitted':
      return withClaim(state, event.data.residentId, 'proof-submitted');
    case 'TaskVerified':
      return withClaim(state, event.data.residentId, 'verified');
    case 'TaskProofRejected':
      return withClaim(state, event.data.residentId, 'claimed');
    case 'TaskClaimReleased':
      return withoutClaim(state, event.data.residentId);
    case 'TaskCancelled':
      return closed(state, 'cancelled');
    case 'TaskExpired':
      return closed(state, 'expired');
  }
};

/**
 * Builds the Task decider. Publishing and judging belong to community staff or an administrator whose scope
 * covers the task's community (or its unit); claiming belongs to residents and cadres, a directed task's
 * claim being for its own organisation (whose recorded members the facade and the audit check). Claims never outnumber slots; once cancelled or expired, a task takes no more commands.
 * Throws at construction when the points table is not whole positive points (a configuration error).
 */
export const createTaskDecider = (config: TaskConfig = {}): Decider<TaskCommand, TaskEvent, TaskState> => {
  const pointsByDifficulty = PointsTableSchema.parse({
    ...DEFAULT_POINTS_BY_DIFFICULTY,
    ...config.pointsByDifficulty,
  });
  return {
    initialState: initialTaskState,
    evolve: evolveTask,
    decide: (command, state, context) =>
      command.type === 'PublishTask'
        ? publish(pointsByDifficulty, command, state, context)
        : onOpenTask(state, (task) => decideOnTask(task, command, context)),
  };
};

/** The Task decider with the default points table. */
export const taskDecider = createTaskDecider();
