/**
 * The hot-stream scenario of issue 20: one task with many slots, and many residents claiming it at once,
 * each through a command handler of their own (as separate processes would). Shared by the contention tests
 * and the contention benchmark, so both measure the same commands.
 */
import type { CommandContextInput } from '../../src/domain/shared/context.js';
import type { TaskCommandInput } from '../../src/domain/task/commands.js';

/** The community the task belongs to. */
export const RUSH_COMMUNITY = 'bairuijing';

/** When everything happens: before the task's deadline. */
const NOW = '2026-03-02T10:00:00.000Z';

/** A command and who sends it. */
export interface RushCommand {
  readonly command: TaskCommandInput;
  readonly context: CommandContextInput;
}

/** Staff publish task `taskId` with `slots` slots. */
export const publishRushTask = (taskId: string, slots: number): RushCommand => ({
  command: {
    type: 'PublishTask',
    data: {
      taskId,
      community: RUSH_COMMUNITY,
      title: 'Move the donated books into the community library',
      difficulty: 'easy',
      slots,
      deadline: '2026-03-08T08:00:00.000Z',
    },
  },
  context: {
    actor: { id: 'staff-1', role: 'community-staff', scope: [RUSH_COMMUNITY] },
    now: NOW,
    commandId: `${taskId}-publish`,
  },
});

/** The id of claimant number `index`. */
export const rushResident = (index: number): string => `res-${index}`;

/** Resident number `index` claims a slot of task `taskId`. */
export const claimRushTask = (taskId: string, index: number): RushCommand => ({
  command: { type: 'ClaimTask', data: { taskId } },
  context: {
    actor: { id: rushResident(index), role: 'resident' },
    now: NOW,
    commandId: `${taskId}-claim-${index}`,
  },
});
