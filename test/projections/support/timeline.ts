/**
 * Random governance timelines for the points, task and honour read models: tasks published, claimed, proved,
 * verified (and so paid), released, cancelled and expired in two communities, and residents' points awarded,
 * redeemed and adjusted, all sent through the real governance facade in time order, after the directory
 * that records both communities and their grids. One resident lives in both communities, so balances move
 * between them. Many commands are refused: that is part of the test.
 */
import fc from 'fast-check';
import { createGovernance, type Governance } from '../../../src/commands/governance.js';
import type { LinliCommandInput } from '../../../src/domain/linli.js';
import type { CommandContextInput } from '../../../src/domain/shared/context.js';
import { pointsStepsArb } from '../../../src/testing/arbitraries/points.js';
import { type PointsWorld } from '../../../src/testing/scenarios/points-world.js';
import { taskStepsArb } from '../../../src/testing/arbitraries/task.js';
import { type TaskWorld } from '../../../src/testing/scenarios/task-world.js';
import { directorySteps, type DirectoryCommunity } from '../../../src/testing/directory.js';

/** Bairuijing: four residents, two of them in the electrical co-operative. */
export const bairuijing = (epoch: string): TaskWorld => ({
  community: 'bairuijing',
  unit: 'bairuijing.g1',
  otherCommunity: 'longtanzi',
  organisation: 'org-electrical-coop',
  residents: ['res-1', 'res-2', 'res-3', 'res-4'],
  members: ['res-1', 'res-2'],
  epoch,
});

/** Longtanzi: three residents, res-4 among them (a resident of both communities). */
export const longtanzi = (epoch: string): TaskWorld => ({
  community: 'longtanzi',
  unit: 'longtanzi.g2',
  otherCommunity: 'bairuijing',
  organisation: 'org-greening',
  residents: ['res-4', 'res-5', 'res-6'],
  members: ['res-5'],
  epoch,
});

const pointsWorld = (residentId: string, community: string, epoch: string): PointsWorld => ({
  residentId,
  community,
  otherCommunity: community === 'bairuijing' ? 'longtanzi' : 'bairuijing',
  neighbourId: 'res-6',
  epoch,
});

/**
 * Epochs near the ends of quarters and of a year, in UTC and in Shanghai time (UTC+8): a timeline of a few
 * weeks crosses them, so quarters and years are cut where the time zone says.
 */
export const EPOCHS = [
  '2026-03-25T08:00:00.000Z',
  '2026-03-31T12:00:00.000Z',
  '2026-06-30T15:30:00.000Z',
  '2026-12-24T09:00:00.000Z',
] as const;

/**
 * The directory the timelines play in: both communities (on one street) and the grid each publishes its tasks
 * in. The facade refuses a task in a unit the directory does not record, so it is recorded first.
 */
export const TIMELINE_DIRECTORY: readonly DirectoryCommunity[] = [bairuijing, longtanzi].map((world) => {
  const { community, unit } = world(EPOCHS[0]);
  return { street: 'street-wuhou', community, grids: [unit] };
});

/** One command and its context, ready for `Governance.execute`. */
export interface TimelineStep {
  readonly command: LinliCommandInput;
  readonly context: CommandContextInput;
}

const prefixed = (prefix: string, steps: readonly TimelineStep[]): TimelineStep[] =>
  steps.map((step) => ({
    ...step,
    context: { ...step.context, commandId: `${prefix}-${step.context.commandId}` },
  }));

/** A timeline of task and points commands in two communities, in time order, after their directory. */
export const timelineArb: fc.Arbitrary<TimelineStep[]> = fc.constantFrom(...EPOCHS).chain((epoch) =>
  fc
    .tuple(
      taskStepsArb(bairuijing(epoch), { taskIds: ['bulb-1', 'adverts-2', 'tutor-3'], maxEpisodes: 30 }),
      taskStepsArb(longtanzi(epoch), { taskIds: ['greening-1', 'septic-2'], maxEpisodes: 20 }),
      pointsStepsArb(pointsWorld('res-1', 'bairuijing', epoch), { maxSteps: 20 }),
      pointsStepsArb(pointsWorld('res-4', 'longtanzi', epoch), { maxSteps: 20 }),
      pointsStepsArb(pointsWorld('res-4', 'bairuijing', epoch), { maxSteps: 12 }),
    )
    .map(([a, b, p1, p4l, p4b]) => [
      // Dated before every epoch, so the directory stays ahead of the sorted commands that name its places.
      ...directorySteps(TIMELINE_DIRECTORY),
      ...[
        ...prefixed('a', a),
        ...prefixed('b', b),
        ...prefixed('p1', p1),
        ...prefixed('p4l', p4l),
        ...prefixed('p4b', p4b),
      ].sort((x, y) => Date.parse(x.context.now) - Date.parse(y.context.now)),
    ]),
);

/** Sends a timeline through a fresh facade on an in-memory store; refusals are kept out of the log. */
export const record = async (steps: readonly TimelineStep[]): Promise<Governance> => {
  const governance = createGovernance();
  for (const { command, context } of steps) await governance.execute(command, context);
  return governance;
};
