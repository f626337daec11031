/**
 * The test district's directory and volunteering, recorded through the same governance facade as its
 * problems (support/district.ts), all before the district's last event so the report's instant is unchanged.
 * Longtan and Qingshui are established with names (one of Qingshui's grids has none); Baiyun never is, so
 * the report must fall back to its id. Residents earn points for verified tasks in March and April 2026 (the
 * second quarter holds only April's), one redeems goods and one is adjusted.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Governance } from '../../../src/commands/governance.js';
import type { LinliCommandInput } from '../../../src/domain/linli.js';
import type { Role } from '../../../src/domain/shared/actors.js';
import type { Difficulty } from '../../../src/domain/task/events.js';

type Actor = { readonly id: string; readonly role: Role; readonly scope: readonly string[] };

/** The names the directory gives: the report shows these instead of the ids. */
export const COMMUNITY_NAMES: Readonly<Record<string, string>> = {
  longtan: '龙潭 Longtan',
  qingshui: 'Qingshui',
};
export const GRID_NAMES: Readonly<Record<string, string>> = {
  'longtan.g1': 'East grid',
  'longtan.g2': 'West grid',
};

const official = (street: string): Actor => ({
  id: `so-${street}`,
  role: 'street-official',
  scope: [street],
});
const staff = (community: string): Actor => ({
  id: `cs-${community}`,
  role: 'community-staff',
  scope: [community],
});
const resident = (id: string): Actor => ({ id, role: 'resident', scope: [] });

interface Step {
  readonly at: string;
  readonly actor: Actor;
  readonly command: LinliCommandInput;
}

const directorySteps = (): Step[] => {
  const at = '2026-01-02T01:00:00.000Z';
  const steps: Step[] = [];
  for (const [community, street] of [
    ['longtan', 'longtan-st'],
    ['qingshui', 'longtan-st'],
  ] as const) {
    steps.push({
      at,
      actor: official(street),
      command: {
        type: 'EstablishNeighbourhood',
        data: { neighbourhoodId: community, streetId: street, name: COMMUNITY_NAMES[community] ?? community },
      },
    });
  }
  for (const grid of ['longtan.g1', 'longtan.g2', 'qingshui.g1']) {
    const community = grid.split('.')[0] ?? '';
    const name = GRID_NAMES[grid];
    steps.push({
      at,
      actor: staff(community),
      command: {
        type: 'AddUnit',
        data: {
          neighbourhoodId: community,
          unitId: grid,
          level: 'grid',
          parentId: community,
          ...(name === undefined ? {} : { name }),
        },
      },
    });
  }
  return steps;
};

/** A task published, claimed, proved and verified the same day: the facade pays its points on verify. */
const taskSteps = (
  taskId: string,
  community: string,
  difficulty: Difficulty,
  residentId: string,
  day: string,
): Step[] => {
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

const volunteerSteps = (): Step[] => [
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

/** Records the directory and the volunteering into a district's governance; every command must pass. */
export const recordNeighbourhood = async (governance: Governance): Promise<void> => {
  const steps = [...directorySteps(), ...volunteerSteps()];
  for (const [index, { at, actor, command }] of steps.entries()) {
    const result = await governance.execute(command, { actor, now: at, commandId: `nb-${index}` });
    if (isLeft(result)) {
      throw new Error(`${command.type} at ${at} was refused: ${result.left.code} ${result.left.message}`);
    }
  }
};
