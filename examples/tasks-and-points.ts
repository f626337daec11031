/**
 * Tasks and points: the street records the community and its grid; the community publishes a light-bulb task and a directed greening task; a resident
 * claims the bulb, uploads a photo, staff verify it and the points policy pays the points; the quarterly
 * redemption event turns points into goods; the board, the ledger and the honour roll show it all.
 *
 * Run it: npx tsx examples/tasks-and-points.ts
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import {
  communityPoints,
  createGovernance,
  openTasks,
  residentAccount,
  topContributors,
  type CommandContextInput,
  type LinliCommandInput,
} from 'linli';

/** Runs the story and returns what the read models say afterwards. */
export const main = async () => {
  const gov = createGovernance();
  const streetOfficial = { id: 'so-1', role: 'street-official', scope: ['longtanzi'] } as const;
  const staff = { id: 'cs-3', role: 'community-staff', scope: ['bairuijing'] } as const;
  const resident = { id: 'res-1024', role: 'resident' } as const;
  const gardener = { id: 'res-2048', role: 'resident' } as const;

  let step = 0;
  const run = async (command: LinliCommandInput, actor: CommandContextInput['actor'], now: string) => {
    const result = await gov.execute(command, { actor, now, commandId: `tasks-${++step}` });
    if (isLeft(result))
      throw new Error(`${command.type} refused: ${result.left.code} ${result.left.message}`);
    return result.right;
  };
  const publish = (
    taskId: string,
    title: string,
    difficulty: 'easy' | 'medium',
    slots: number,
    directed?: string,
  ) =>
    run(
      {
        type: 'PublishTask',
        data: {
          taskId,
          community: 'bairuijing',
          unit: 'grid-07',
          title,
          difficulty, // points by difficulty: easy 5, medium 10, hard 20, expert 40 (configurable)
          slots,
          deadline: '2026-06-20T18:00:00+08:00',
          ...(directed === undefined ? {} : { audience: { kind: 'directed', organisationId: directed } }),
        },
      },
      staff,
      '2026-06-01T09:00:00+08:00',
    );

  // A task is published in a unit the directory records: the street establishes the community and its grid.
  await run(
    {
      type: 'EstablishNeighbourhood',
      data: { neighbourhoodId: 'bairuijing', streetId: 'longtanzi', name: 'Bairuijing' },
    },
    streetOfficial,
    '2026-05-04T09:00:00+08:00',
  );
  await run(
    {
      type: 'AddUnit',
      data: { neighbourhoodId: 'bairuijing', unitId: 'grid-07', level: 'grid', parentId: 'bairuijing' },
    },
    streetOfficial,
    '2026-05-04T09:05:00+08:00',
  );

  // A directed task is claimable by the members the organisation's own history records, not by what a
  // caller's context asserts: staff register the green team and its member.
  await run(
    {
      type: 'RegisterOrganisation',
      data: {
        organisationId: 'green-team',
        kind: 'volunteer-team',
        name: 'Green team',
        community: 'bairuijing',
      },
    },
    staff,
    '2026-05-20T09:00:00+08:00',
  );
  await run(
    { type: 'AddMember', data: { organisationId: 'green-team', personId: 'res-2048', role: 'member' } },
    staff,
    '2026-05-20T09:05:00+08:00',
  );

  await publish('t-bulb', 'Replace the stairwell light bulbs, buildings 5 to 7', 'easy', 3);
  await publish('t-green', 'Replant the flower bed by the north gate', 'medium', 1, 'green-team');

  await run({ type: 'ClaimTask', data: { taskId: 't-bulb' } }, resident, '2026-06-01T10:00:00+08:00');
  await run(
    {
      type: 'SubmitProof',
      data: { taskId: 't-bulb', proof: [{ kind: 'photo', ref: 'media/bulb-after.jpg' }] },
    },
    resident,
    '2026-06-01T11:30:00+08:00',
  );
  // The verification and the points it pays come back together: TaskVerified, then PointsEarned.
  const verified = await run(
    { type: 'VerifyTask', data: { taskId: 't-bulb', residentId: 'res-1024' } },
    staff,
    '2026-06-01T15:00:00+08:00',
  );
  await run(
    { type: 'ClaimTask', data: { taskId: 't-green', onBehalfOf: 'green-team' } },
    gardener,
    '2026-06-02T08:00:00+08:00',
  );
  await run(
    {
      type: 'SubmitProof',
      data: { taskId: 't-green', proof: [{ kind: 'video', ref: 'media/flower-bed.mp4' }] },
    },
    gardener,
    '2026-06-03T17:00:00+08:00',
  );
  await run(
    { type: 'VerifyTask', data: { taskId: 't-green', residentId: 'res-2048' } },
    staff,
    '2026-06-04T09:00:00+08:00',
  );
  // The quarter's redemption event: the gardener takes a roll pack of tissue paper for 8 of their 10 points.
  await run(
    {
      type: 'RedeemPoints',
      data: {
        residentId: 'res-2048',
        community: 'bairuijing',
        redemptionId: 'q2-2026-res-2048',
        items: [{ sku: 'paper-12', name: 'tissue-paper-12-rolls', quantity: 1, points: 8 }],
        total: 8,
      },
    },
    gardener,
    '2026-06-27T10:00:00+08:00',
  );

  const models = await gov.readModels();
  if (isLeft(models)) throw new Error(models.left.message);
  const { pointsLedger, taskBoard, honourRoll } = models.right;
  return {
    paid: verified.map((event) => event.type),
    board: openTasks(taskBoard, { community: 'bairuijing', asOf: '2026-06-05T00:00:00+08:00' }).map(
      (card) => card.taskId,
    ),
    balances: {
      'res-1024': residentAccount(pointsLedger, 'res-1024')?.balance,
      'res-2048': residentAccount(pointsLedger, 'res-2048')?.balance,
    },
    outstanding: communityPoints(pointsLedger, 'bairuijing').outstanding,
    honour: topContributors(honourRoll, { quarter: '2026-Q2', community: 'bairuijing' }).map(
      ({ rank, residentId, points }) => ({ rank, residentId, points }),
    ),
  };
};

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await main(), null, 2));
}
