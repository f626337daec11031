import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { CommandContextSchema, type CommandContextInput } from '../../domain/shared/context.js';
import { taskCommands, type TaskCommandInput } from '../../domain/task/commands.js';
import { taskDecider } from '../../domain/task/decider.js';
import { DIFFICULTIES, type Difficulty, type Proof, type TaskEvent } from '../../domain/task/events.js';
import type { TaskState } from '../../domain/task/state.js';
import {
  DEADLINE_HOURS,
  defaultTaskWorld,
  instantAfter,
  residentActor,
  TASK_TITLES,
  taskActors,
  type ActorInput,
  type TaskWorld,
} from '../scenarios/task-world.js';

/** Any actor of the world. */
export const taskActorArb = (world: TaskWorld = defaultTaskWorld): fc.Arbitrary<ActorInput> =>
  fc.constantFrom(...taskActors(world));

/** Mostly a resident of the world (claims and proofs come from residents), sometimes anyone. */
export const claimantActorArb = (world: TaskWorld = defaultTaskWorld): fc.Arbitrary<ActorInput> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...world.residents).map((id) => residentActor(world, id)) },
    { weight: 1, arbitrary: taskActorArb(world) },
  );

/** Mostly staff of the world's community (who publish and judge), sometimes anyone. */
export const staffActorArb = (world: TaskWorld = defaultTaskWorld): fc.Arbitrary<ActorInput> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom<ActorInput>(
        { id: 'staff-community', role: 'community-staff', scope: [world.community] },
        { id: 'admin-community', role: 'administrator', scope: [world.community] },
      ),
    },
    { weight: 1, arbitrary: taskActorArb(world) },
  );

/** A task difficulty. */
export const difficultyArb: fc.Arbitrary<Difficulty> = fc.constantFrom(...DIFFICULTIES);

/** A realistic task title (never personal data). */
export const taskTitleArb: fc.Arbitrary<string> = fc.constantFrom(...TASK_TITLES);

/** Proof of work: one to three photos or videos. */
export const proofArb: fc.Arbitrary<Proof[]> = fc.array(
  fc.record({
    kind: fc.constantFrom('photo' as const, 'video' as const),
    ref: fc.integer({ min: 1, max: 999 }).map((n) => `media:proof-${n}`),
  }),
  { minLength: 1, maxLength: 3 },
);

/** A reason, for rejections, releases and cancellations. */
export const taskReasonArb: fc.Arbitrary<string> = fc.constantFrom(
  'the photo does not show the finished work',
  'no longer available',
  'the problem was solved another way',
);

/** `PublishTask` data for `taskId` in the world, its deadline two days or a week after the epoch. */
export const publishTaskDataArb = (
  taskId: string,
  world: TaskWorld = defaultTaskWorld,
): fc.Arbitrary<Extract<TaskCommandInput, { type: 'PublishTask' }>['data']> =>
  fc
    .record({
      title: taskTitleArb,
      difficulty: difficultyArb,
      points: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined, freq: 4 }),
      directed: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
      slots: fc.integer({ min: 1, max: 3 }),
      deadlineHours: fc.constantFrom(...DEADLINE_HOURS),
      inUnit: fc.boolean(),
      fromProblem: fc.boolean(),
    })
    .map((r) => ({
      taskId,
      community: world.community,
      ...(r.inUnit ? { unit: world.unit } : {}),
      title: r.title,
      difficulty: r.difficulty,
      ...(r.points === undefined ? {} : { points: r.points }),
      audience: r.directed
        ? { kind: 'directed' as const, organisationId: world.organisation }
        : { kind: 'public' as const },
      slots: r.slots,
      deadline: instantAfter(world, r.deadlineHours * 60),
      ...(r.fromProblem ? { sourceProblemId: `problem-for-${taskId}` } : {}),
      media: [],
    }));

/**
 * One thing someone tries to do to a task: a command, who sends it, and how many minutes pass before it.
 * Actors are drawn mostly from the plausible ones for the command, so that histories progress, but anyone
 * may try anything, so that some attempts are rejected.
 */
export interface TaskAction {
  readonly command: TaskCommandInput;
  readonly actor: ActorInput;
  readonly advanceMinutes: number;
}

/**
 * Minutes before an action: mostly whole hours, sometimes whole days (so deadlines pass, and are sometimes
 * hit to the minute), now and then an odd number of minutes.
 */
export const advanceArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 6 }).map((hours) => hours * 60) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }).map((days) => days * 24 * 60) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 6 * 60 }) },
);

/** A random action on task `taskId` (publishing included, so a history may start anywhere). */
export const taskActionArb = (
  taskId: string,
  world: TaskWorld = defaultTaskWorld,
): fc.Arbitrary<TaskAction> => {
  const residentArb = fc.constantFrom(...world.residents, 'staff-community');
  const action = (
    command: fc.Arbitrary<TaskCommandInput>,
    actor: fc.Arbitrary<ActorInput>,
  ): fc.Arbitrary<TaskAction> => fc.record({ command, actor, advanceMinutes: advanceArb });
  return fc.oneof(
    {
      weight: 1,
      arbitrary: action(
        publishTaskDataArb(taskId, world).map((data) => ({ type: 'PublishTask' as const, data })),
        staffActorArb(world),
      ),
    },
    {
      weight: 4,
      arbitrary: action(
        fc.constant({ type: 'ClaimTask' as const, data: { taskId } }),
        claimantActorArb(world),
      ),
    },
    {
      weight: 3,
      arbitrary: action(
        proofArb.map((proof) => ({ type: 'SubmitProof' as const, data: { taskId, proof } })),
        claimantActorArb(world),
      ),
    },
    {
      weight: 3,
      arbitrary: action(
        residentArb.map((residentId) => ({ type: 'VerifyTask' as const, data: { taskId, residentId } })),
        staffActorArb(world),
      ),
    },
    {
      weight: 1,
      arbitrary: action(
        fc.tuple(residentArb, taskReasonArb).map(([residentId, reason]) => ({
          type: 'RejectProof' as const,
          data: { taskId, residentId, reason },
        })),
        staffActorArb(world),
      ),
    },
    {
      weight: 1,
      arbitrary: action(
        fc.option(residentArb, { nil: undefined }).map((residentId) => ({
          type: 'ReleaseClaim' as const,
          data: residentId === undefined ? { taskId } : { taskId, residentId },
        })),
        taskActorArb(world),
      ),
    },
    {
      weight: 1,
      arbitrary: action(
        taskReasonArb.map((reason) => ({ type: 'CancelTask' as const, data: { taskId, reason } })),
        taskActorArb(world),
      ),
    },
    {
      weight: 1,
      arbitrary: action(fc.constant({ type: 'ExpireTask' as const, data: { taskId } }), taskActorArb(world)),
    },
  );
};

/**
 * What one resident does with a task from start to end: claims it, submits proof, and is verified, or has
 * the proof rejected and tries again, or gives up. Random single actions are so rarely in the right order
 * that histories would hardly get past the claim; episodes carry them to verification.
 */
export const residentEpisodeArb = (
  taskId: string,
  world: TaskWorld = defaultTaskWorld,
): fc.Arbitrary<TaskAction[]> => {
  const minutes = fc.integer({ min: 0, max: 3 }).map((hours) => hours * 60);
  const judge = fc.constantFrom<ActorInput>(
    { id: 'staff-community', role: 'community-staff', scope: [world.community] },
    { id: 'admin-community', role: 'administrator', scope: [world.community] },
  );
  return fc
    .record({
      residentId: fc.constantFrom(...world.residents),
      proof: proofArb,
      retryProof: proofArb,
      judge,
      reason: taskReasonArb,
      ending: fc.constantFrom('verified', 'rejected-then-verified', 'released', 'abandoned'),
      gaps: fc.array(minutes, { minLength: 6, maxLength: 6 }),
    })
    .map(({ residentId, proof, retryProof, judge: staff, reason, ending, gaps }) => {
      const resident = residentActor(world, residentId);
      const at = (i: number): number => gaps[i] ?? 0;
      const claim: TaskAction = {
        command: { type: 'ClaimTask', data: { taskId } },
        actor: resident,
        advanceMinutes: at(0),
      };
      const submit = (p: Proof[], i: number): TaskAction => ({
        command: { type: 'SubmitProof', data: { taskId, proof: p } },
        actor: resident,
        advanceMinutes: at(i),
      });
      const verify = (i: number): TaskAction => ({
        command: { type: 'VerifyTask', data: { taskId, residentId } },
        actor: staff,
        advanceMinutes: at(i),
      });
      switch (ending) {
        case 'verified':
          return [claim, submit(proof, 1), verify(2)];
        case 'rejected-then-verified':
          return [
            claim,
            submit(proof, 1),
            {
              command: { type: 'RejectProof', data: { taskId, residentId, reason } },
              actor: staff,
              advanceMinutes: at(2),
            },
            submit(retryProof, 3),
            verify(4),
          ];
        case 'released':
          return [
            claim,
            {
              command: { type: 'ReleaseClaim', data: { taskId, reason } },
              actor: resident,
              advanceMinutes: at(1),
            },
          ];
        case 'abandoned':
          return [claim, submit(proof, 1)];
      }
    });
};

/** A stretch of a task's life: mostly one random action, sometimes a resident's whole episode. */
export const taskEpisodeArb = (
  taskId: string,
  world: TaskWorld = defaultTaskWorld,
): fc.Arbitrary<TaskAction[]> =>
  fc.oneof(
    { weight: 2, arbitrary: taskActionArb(taskId, world).map((action) => [action]) },
    { weight: 1, arbitrary: residentEpisodeArb(taskId, world) },
  );

/** A command ready for the command handler: the command and its full context. */
export interface TaskStep {
  readonly command: TaskCommandInput;
  readonly context: CommandContextInput;
}

/** Options of {@link taskStepsArb}. */
export interface TaskStepsOptions {
  /** The tasks the steps act on; default `['task-1']`. */
  readonly taskIds?: readonly string[];
  /** The most episodes (see {@link taskEpisodeArb}) after the tasks are published; default 20. */
  readonly maxEpisodes?: number;
}

/**
 * A timeline of task commands: each task is first published by community staff at the epoch, then random
 * episodes follow on random tasks, time moving forward between them. Command ids are unique within the
 * timeline. Many steps are rejected; feed them to a CommandHandler, or fold them with {@link taskHistoryArb}.
 */
export const taskStepsArb = (
  world: TaskWorld = defaultTaskWorld,
  options: TaskStepsOptions = {},
): fc.Arbitrary<TaskStep[]> => {
  const taskIds = options.taskIds ?? ['task-1'];
  const publishers = fc.tuple(...taskIds.map((taskId) => publishTaskDataArb(taskId, world)));
  const episodes = fc.array(
    fc.constantFrom(...taskIds).chain((taskId) => taskEpisodeArb(taskId, world)),
    { maxLength: options.maxEpisodes ?? 20, size: 'medium' },
  );
  return fc.tuple(publishers, episodes).map(([publishes, randomEpisodes]) => {
    let minutes = 0;
    const steps: TaskStep[] = publishes.map((data, i) => ({
      command: { type: 'PublishTask', data },
      context: {
        actor: { id: 'staff-community', role: 'community-staff', scope: [world.community] },
        now: world.epoch,
        commandId: `publish-${taskIds[i] ?? i}`,
      },
    }));
    randomEpisodes.flat().forEach((action, i) => {
      minutes += action.advanceMinutes;
      steps.push({
        command: action.command,
        context: { actor: action.actor, now: instantAfter(world, minutes), commandId: `step-${i}` },
      });
    });
    return steps;
  });
};

/** One task's accepted events, with the state they fold to. */
export interface TaskHistory {
  readonly taskId: string;
  readonly events: readonly TaskEvent[];
  readonly state: TaskState;
}

/**
 * Valid event histories of one task, made by deciding a random timeline with the Task decider and keeping
 * what it accepted: every history is one the library itself could have recorded (for projection tests).
 */
export const taskHistoryArb = (
  world: TaskWorld = defaultTaskWorld,
  options: Omit<TaskStepsOptions, 'taskIds'> & { readonly taskId?: string } = {},
): fc.Arbitrary<TaskHistory> => {
  const taskId = options.taskId ?? 'task-1';
  const stepsOptions = options.maxEpisodes === undefined ? {} : { maxEpisodes: options.maxEpisodes };
  return taskStepsArb(world, { ...stepsOptions, taskIds: [taskId] }).map((steps) => {
    let state = taskDecider.initialState;
    const events: TaskEvent[] = [];
    for (const step of steps) {
      const command = taskCommands.parse(step.command);
      if (isLeft(command)) continue;
      const decision = taskDecider.decide(command.right, state, CommandContextSchema.parse(step.context));
      if (isLeft(decision)) continue;
      for (const event of decision.right) {
        events.push(event);
        state = taskDecider.evolve(state, event);
      }
    }
    return { taskId, events, state };
  });
};
