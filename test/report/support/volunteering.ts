/**
 * The test district's volunteering, recorded through the same governance facade as its problems
 * (support/district.ts), all before the district's last event so the report's instant is unchanged.
 * Residents earn points for verified tasks in March and April 2026 (the second quarter holds only April's),
 * one redeems goods and one is adjusted. One task is Baiyun's, outside the directory: it is published below
 * the facade (support/record-commands.ts), then claimed, proved and verified through it, which pays it.
 */
import type { Governance } from '../../../src/commands/governance.js';
import type { Difficulty } from '../../../src/domain/task/events.js';
import { OUTSIDE_DIRECTORY } from './directory.js';
import { recordCommands, type Actor, type Timed } from './record-commands.js';

const staff = (community: string): Actor => ({
  id: `cs-${community}`,
  role: 'community-staff',
  scope: [community],
});
const resident = (id: string): Actor => ({ id, role: 'resident', scope: [] });

/** A task published, claimed, proved and verified the same day: the facade pays its points on verify. */
const taskSteps = (
  taskId: string,
  community: string,
  difficulty: Difficulty,
  residentId: string,
  day: string,
): Timed[] => {
  const hour = (h: number): string => `${day}T0${h}:00:00.000Z`;
  return [
    {
      at: hour(1),
      actor: staff(community),
      command: {
        type: 'PublishTask',
        data: { taskId, community, title: 'Tidy the lane', difficulty, deadline: `${day}T23:00:00.000Z` },
      },
    },
    { at: hour(2), actor: resident(residentId), command: { type: 'ClaimTask', data: { taskId } } },
    {
      at: hour(3),
      actor: resident(residentId),
      command: { type: 'SubmitProof', data: { taskId, proof: [{ kind: 'photo', ref: `media/${taskId}` }] } },
    },
    {
      at: hour(4),
      actor: staff(community),
      command: { type: 'VerifyTask', data: { taskId, residentId } },
    },
  ];
};

const volunteerSteps = (): Timed[] => [
  // March (first quarter): 10 + 20 points.
  ...taskSteps('t-mar-1', 'longtan', 'medium', 'res-ann', '2026-03-10'),
  ...taskSteps('t-mar-2', 'qingshui', 'hard', 'res-bo', '2026-03-12'),
  // April (second quarter): Ann 40 + 5, Bo 40, Cai 5. For the year Bo has 60 and Ann 55: a star each.
  ...taskSteps('t-apr-1', 'longtan', 'expert', 'res-ann', '2026-04-02'),
  ...taskSteps('t-apr-2', 'longtan', 'easy', 'res-ann', '2026-04-03'),
  ...taskSteps('t-apr-3', 'qingshui', 'expert', 'res-bo', '2026-04-04'),
  ...taskSteps('t-apr-4', 'baiyun', 'easy', 'res-cai', '2026-04-05'),
  {
    at: '2026-04-06T02:00:00.000Z',
    actor: staff('longtan'),
    command: {
      type: 'RedeemPoints',
      data: {
        residentId: 'res-ann',
        community: 'longtan',
        redemptionId: 'rd-1',
        items: [{ sku: 'oil', name: 'cooking-oil-5L', quantity: 1, points: 30 }],
        total: 30,
      },
    },
  },
  {
    at: '2026-04-07T02:00:00.000Z',
    actor: { id: 'admin', role: 'administrator', scope: ['*'] },
    command: {
      type: 'AdjustPoints',
      data: { residentId: 'res-bo', community: 'qingshui', adjustmentId: 'adj-1', delta: -5, reason: 'typo' },
    },
  },
];

/** Records the volunteering into a district's governance (its directory already recorded); every command must pass. */
export const recordVolunteering = async (governance: Governance): Promise<void> => {
  await recordCommands(governance, volunteerSteps(), { idPrefix: 'nb', outsideDirectory: OUTSIDE_DIRECTORY });
};
