/**
 * A small story shared by the store examples: the delivery rider's missing manhole cover (DOMAIN.md), reported
 * in the evening and fixed the next morning at grid level, then rated. Any store, same commands. The street
 * records the community and its grid first: a problem can only be filed in a place the directory records.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { CommandContextInput, Governance, LinliCommandInput } from 'linli';

/** The story's first steps, which record the community and its grid rather than the problem. */
const DIRECTORY_STEPS = 2;

/** Records the story (the directory, then the problem) through the facade; throws if any command is refused. */
export const recordManholeStory = async (gov: Governance, problemId = 'p-manhole-1'): Promise<void> => {
  const path = { street: 'wuhou', community: 'bairuijing', grid: 'grid-3' };
  const streetOfficial = { id: 'so-wuhou', role: 'street-official', scope: ['wuhou'] } as const;
  const rider = { id: 'rider-88', role: 'resident' } as const;
  const gridWorker = { id: 'gw-3', role: 'grid-worker', scope: ['grid-3'] } as const;
  const steps: [LinliCommandInput, CommandContextInput['actor'], string][] = [
    [
      {
        type: 'EstablishNeighbourhood',
        data: { neighbourhoodId: 'bairuijing', streetId: 'wuhou', name: 'Bairuijing' },
      },
      streetOfficial,
      '2026-05-01T09:00:00+08:00',
    ],
    [
      {
        type: 'AddUnit',
        data: { neighbourhoodId: 'bairuijing', unitId: 'grid-3', level: 'grid', parentId: 'bairuijing' },
      },
      streetOfficial,
      '2026-05-01T09:05:00+08:00',
    ],
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
  // Another story on the same store (another problemId) finds the directory the first one recorded.
  const recorded = await gov.unitPath(path.grid, path.community);
  const first = isLeft(recorded) ? 0 : DIRECTORY_STEPS;
  for (const [i, [command, actor, now]] of steps.entries()) {
    if (i < first) continue;
    const result = await gov.execute(command, { actor, now, commandId: `${problemId}-step-${i}` });
    if (isLeft(result))
      throw new Error(`${command.type} refused: ${result.left.code} ${result.left.message}`);
  }
};
