import type { Aggregate } from '../../commands/aggregate.js';
import { taskStream } from '../shared/ids.js';
import { taskCommands, type taskCommandSchemas } from './commands.js';
import { createTaskDecider, type TaskConfig } from './decider.js';
import { taskEvents, type taskEventSchemas } from './events.js';
import type { TaskState } from './state.js';

/** The Task aggregate as the command handler runs it. */
export type TaskAggregate = Aggregate<typeof taskCommandSchemas, typeof taskEventSchemas, TaskState>;

/** Builds the Task aggregate (stream `task-<taskId>`) for a community's configuration. */
export const createTaskAggregate = (config: TaskConfig = {}): TaskAggregate => ({
  name: 'Task',
  commands: taskCommands,
  events: taskEvents,
  decider: createTaskDecider(config),
  streamId: (command) => taskStream(command.data.taskId),
  recordedBy: {
    TaskPublished: 'PublishTask',
    TaskClaimed: 'ClaimTask',
    TaskProofSubmitted: 'SubmitProof',
    TaskVerified: 'VerifyTask',
    TaskProofRejected: 'RejectProof',
    TaskClaimReleased: 'ReleaseClaim',
    TaskCancelled: 'CancelTask',
    TaskExpired: 'ExpireTask',
  },
});

/** The Task aggregate with the default points table. */
export const taskAggregate: TaskAggregate = createTaskAggregate();
