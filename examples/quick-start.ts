/**
 * Quick start: one problem through the whole ladder, then the 721 figures.
 * The street records the community and its grid first (a problem can only be filed in a place the directory
 * records); then a resident reports blocked drains; the grid worker triages it; the grid cannot clear a main sewer, so it
 * escalates to the community, which resolves it with the water company; the resident rates the outcome.
 *
 * Run it: npx tsx examples/quick-start.ts
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { createGovernance, query721, type CommandContextInput, type LinliCommandInput } from 'linli';

/** Runs the story and returns the month's 721 figures for the community. */
export const main = async () => {
  const gov = createGovernance(); // in-memory store; pass { store } for PostgreSQL or EventStoreDB
  const path = { street: 'longtanzi', community: 'bairuijing', grid: 'grid-07' };
  const streetOfficial = { id: 'so-1', role: 'street-official', scope: ['longtanzi'] } as const;
  const resident = { id: 'res-1024', role: 'resident' } as const;
  const gridWorker = { id: 'gw-07', role: 'grid-worker', scope: ['grid-07'] } as const;
  const communityStaff = { id: 'cs-3', role: 'community-staff', scope: ['bairuijing'] } as const;

  let step = 0;
  const run = async (command: LinliCommandInput, actor: CommandContextInput['actor'], now: string) => {
    const result = await gov.execute(command, { actor, now, commandId: `quick-start-${++step}` });
    if (isLeft(result))
      throw new Error(`${command.type} refused: ${result.left.code} ${result.left.message}`);
    return result.right;
  };

  // The directory: the street establishes the community, then adds the grid problems are filed under.
  await run(
    {
      type: 'EstablishNeighbourhood',
      data: { neighbourhoodId: 'bairuijing', streetId: 'longtanzi', name: 'Bairuijing' },
    },
    streetOfficial,
    '2026-03-01T09:00:00+08:00',
  );
  await run(
    {
      type: 'AddUnit',
      data: { neighbourhoodId: 'bairuijing', unitId: 'grid-07', level: 'grid', parentId: 'bairuijing' },
    },
    streetOfficial,
    '2026-03-01T09:05:00+08:00',
  );

  await run(
    {
      type: 'ReportProblem',
      data: {
        problemId: 'p-2026-0001',
        path,
        category: 'blocked-pipe',
        description: 'Drains blocked behind building 3, water standing in the lane',
        channel: 'app',
      },
    },
    resident,
    '2026-03-02T08:15:00+08:00',
  );
  // Triage overrides the routing table's default (blocked pipes go to the community) to try the grid first.
  await run(
    { type: 'TriageProblem', data: { problemId: 'p-2026-0001', tier: 'grid' } },
    gridWorker,
    '2026-03-02T09:00:00+08:00',
  );
  await run(
    {
      type: 'EscalateProblem',
      data: { problemId: 'p-2026-0001', reason: 'Main sewer: needs the water company' },
    },
    gridWorker,
    '2026-03-02T16:00:00+08:00',
  );
  await run(
    {
      type: 'ResolveProblem',
      data: { problemId: 'p-2026-0001', resolution: 'Sewer cleared with the water company' },
    },
    communityStaff,
    '2026-03-04T11:30:00+08:00',
  );
  await run(
    { type: 'RateResolution', data: { problemId: 'p-2026-0001', satisfied: true, score: 5 } },
    resident,
    '2026-03-04T20:00:00+08:00',
  );

  const models = await gov.readModels();
  if (isLeft(models)) throw new Error(models.left.message);
  return query721(models.right.resolutionStats, {
    scope: { community: 'bairuijing' },
    period: { kind: 'month', key: '2026-03' },
    asOf: '2026-04-01T00:00:00+08:00',
  });
};

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await main(), null, 2));
}
