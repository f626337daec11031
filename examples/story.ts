/**
 * A small story shared by the store examples: the delivery rider's missing manhole cover (DOMAIN.md), reported
 * in the evening and fixed the next morning at grid level, then rated. Any store, same commands.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { CommandContextInput, Governance, LinliCommandInput } from 'linli';

/** Records the story through the facade; throws if any command is refused. */
export const recordManholeStory = async (gov: Governance, problemId = 'p-manhole-1'): Promise<void> => {
  const path = { street: 'wuhou', community: 'bairuijing', grid: 'grid-3' };
  const rider = { id: 'rider-88', role: 'resident' } as const;
  const gridWorker = { id: 'gw-3', role: 'grid-worker', scope: ['grid-3'] } as const;
  const steps: [LinliCommandInput, CommandContextInput['actor'], string][] = [
    [
      {
        type: 'ReportProblem',
        data: {
          problemId,
          path,
          category: 'missing-manhole-cover',
          description: 'Manhole cover missing on the lane by the school gate',
          channel: 'rider',
        },
      },
      rider,
      '2026-05-10T21:40:00+08:00',
    ],
    [{ type: 'TriageProblem', data: { problemId } }, gridWorker, '2026-05-10T22:05:00+08:00'],
    [
      { type: 'ResolveProblem', data: { problemId, resolution: 'Cover replaced, lane reopened' } },
      gridWorker,
      '2026-05-11T09:30:00+08:00',
    ],
    [
      { type: 'RateResolution', data: { problemId, satisfied: true, score: 5 } },
      rider,
      '2026-05-11T12:00:00+08:00',
    ],
  ];
  for (const [i, [command, actor, now]] of steps.entries()) {
    const result = await gov.execute(command, { actor, now, commandId: `${problemId}-step-${i}` });
    if (isLeft(result))
      throw new Error(`${command.type} refused: ${result.left.code} ${result.left.message}`);
  }
};
