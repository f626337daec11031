/**
 * Two communities on two streets, and one honest history between them, recorded through the governance
 * facade: the world in which the adversarial tests of issue 20 try to act beyond their authority. c01 (street
 * s1, grid c01-g1) has a resident who reports a problem, does a task, is paid and redeems; c02 (street s2,
 * grid c02-g1) has staff and an administrator of its own, who must not reach into c01.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { createGovernance, type Governance } from '../../../src/commands/governance.js';
import type { LinliCommandInput } from '../../../src/domain/linli.js';
import type { CommandContextInput } from '../../../src/domain/shared/context.js';
import { recordDirectory } from '../../../src/testing/directory.js';

type ActorInput = CommandContextInput['actor'];

/** The people of the two communities. */
export const people = {
  resident: { id: 'res-1', role: 'resident' },
  neighbour: { id: 'res-2', role: 'resident' },
  gridWorker: { id: 'gw-1', role: 'grid-worker', scope: ['c01-g1'] },
  staff: { id: 'cs-1', role: 'community-staff', scope: ['c01'] },
  admin: { id: 'admin-1', role: 'administrator', scope: ['c01'] },
  staffOfC02: { id: 'cs-9', role: 'community-staff', scope: ['c02'] },
  adminOfC02: { id: 'admin-9', role: 'administrator', scope: ['c02'] },
} as const satisfies Record<string, ActorInput>;

/** The path of c01's grid, as the directory records it. */
export const c01Path = { street: 's1', community: 'c01', grid: 'c01-g1' } as const;

let commands = 0;
const hour = (h: number): string => new Date(Date.UTC(2026, 2, 2, h)).toISOString();

/** Executes a command that must succeed, as `actor` at hour `h` of 2 March 2026. */
export const must = async (
  governance: Governance,
  command: LinliCommandInput,
  actor: ActorInput,
  h: number,
): Promise<void> => {
  const result = await governance.execute(command, { actor, now: hour(h), commandId: `cmd-${++commands}` });
  if (isLeft(result)) throw new Error(`${command.type}: ${result.left.code}: ${result.left.message}`);
};

/** Executes a command as `actor` at hour `h`, returning what the facade answered. */
export const attempt = (governance: Governance, command: LinliCommandInput, actor: ActorInput, h: number) =>
  governance.execute(command, { actor, now: hour(h), commandId: `cmd-${++commands}` });

/**
 * The honest history: a problem reported, triaged, resolved at the grid, rated and closed; a light-bulb task
 * published, claimed, proven, verified and paid (20 points); a redemption of 10 points at c01's counter.
 */
export const twoCommunities = async (): Promise<Governance> => {
  const governance = createGovernance();
  await recordDirectory(governance, [
    { street: 's1', community: 'c01', grids: ['c01-g1'] },
    { street: 's2', community: 'c02', grids: ['c02-g1'] },
  ]);
  const { resident, gridWorker, staff } = people;
  const problemId = 'p-1';
  await must(
    governance,
    {
      type: 'ReportProblem',
      data: { problemId, path: c01Path, category: 'street-light', description: 'Lamp out', channel: 'app' },
    },
    resident,
    1,
  );
  await must(governance, { type: 'TriageProblem', data: { problemId, tier: 'grid' } }, gridWorker, 2);
  await must(
    governance,
    { type: 'ResolveProblem', data: { problemId, resolution: 'Bulb changed' } },
    gridWorker,
    3,
  );
  await must(
    governance,
    { type: 'RateResolution', data: { problemId, satisfied: true, score: 5 } },
    resident,
    4,
  );
  await must(governance, { type: 'CloseProblem', data: { problemId } }, gridWorker, 5);
  const taskId = 't-1';
  await must(
    governance,
    {
      type: 'PublishTask',
      data: {
        taskId,
        community: 'c01',
        unit: 'c01-g1',
        title: 'Change the stairwell bulb',
        difficulty: 'hard',
        deadline: hour(30),
      },
    },
    staff,
    6,
  );
  await must(governance, { type: 'ClaimTask', data: { taskId } }, resident, 7);
  await must(
    governance,
    { type: 'SubmitProof', data: { taskId, proof: [{ kind: 'photo', ref: 'media://bulb.jpg' }] } },
    resident,
    8,
  );
  await must(governance, { type: 'VerifyTask', data: { taskId, residentId: resident.id } }, staff, 9);
  const paper = { sku: 'paper-12', name: 'tissue-paper-12-rolls', points: 10, quantity: 1 };
  await must(
    governance,
    {
      type: 'RedeemPoints',
      data: { residentId: resident.id, community: 'c01', redemptionId: 'r-1', items: [paper], total: 10 },
    },
    resident,
    10,
  );
  return governance;
};
