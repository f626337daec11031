import type { CommandContextInput } from '../src/domain/shared/context.js';
import type { TaskCommandInput } from '../src/domain/task/commands.js';

/** The community every benchmark task is published in. */
export const COMMUNITY = 'bairuijing';

/** The grid every benchmark task is published in. */
export const UNIT = 'grid-3';

/**
 * The directory the tasks are published in, recorded before the clock starts: the facade refuses a task in a
 * unit the directory does not record.
 */
export const DIRECTORY = [{ street: 'wuhou', community: COMMUNITY, grids: [UNIT] }] as const;

/** The staff member who publishes and verifies the tasks. */
const STAFF = { id: 'staff-1', role: 'community-staff', scope: [COMMUNITY] } as const;

/** One step of a task's life as a host system sends it: the command and who sends it, when. */
export interface LifecycleStep {
  readonly command: TaskCommandInput;
  readonly context: CommandContextInput;
}

/** The resident who claims task number `index` of a run (tasks are spread over `residents` residents). */
export const residentOf = (index: number, residents: number): string => `res-${index % residents}`;

const BASE = Date.parse('2026-03-01T01:00:00Z');
const instant = (index: number, step: number): string =>
  new Date(BASE + index * 60_000 + step * 1_000).toISOString();

/**
 * The four commands a host sends for task number `index`: publish, claim, submit proof, verify. The facade
 * pays the points (`AwardPoints`) in the same call as `VerifyTask`, so a lifecycle is five commands handled
 * and five events recorded. Every step is one that must succeed.
 */
export const lifecycle = (run: string, index: number, residents: number): readonly LifecycleStep[] => {
  const taskId = `${run}-t${index}`;
  const resident = { id: residentOf(index, residents), role: 'resident' } as const;
  const context = (step: number, actor: CommandContextInput['actor']): CommandContextInput => ({
    actor,
    now: instant(index, step),
    commandId: `${taskId}-c${step}`,
  });
  return [
    {
      command: {
        type: 'PublishTask',
        data: {
          taskId,
          community: COMMUNITY,
          unit: UNIT,
          title: 'Replace the stairwell light bulb, building 5',
          difficulty: 'easy',
          deadline: '2026-12-31T00:00:00+08:00',
        },
      },
      context: context(0, STAFF),
    },
    { command: { type: 'ClaimTask', data: { taskId } }, context: context(1, resident) },
    {
      command: {
        type: 'SubmitProof',
        data: { taskId, proof: [{ kind: 'photo', ref: `media/${taskId}.jpg` }] },
      },
      context: context(2, resident),
    },
    {
      command: { type: 'VerifyTask', data: { taskId, residentId: resident.id } },
      context: context(3, STAFF),
    },
  ];
};

/** Commands handled per lifecycle: the four steps and the points award the verification triggers. */
export const COMMANDS_PER_LIFECYCLE = 5;
