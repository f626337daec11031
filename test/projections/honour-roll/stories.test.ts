/** The honour roll's stories: quarterly talents, Wuchang's red list and the year-end star volunteers. */
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { Recorded } from '../../../src/commands/aggregate.js';
import { createGovernance, type Governance } from '../../../src/commands/governance.js';
import type { LinliCommandInput, LinliEvent } from '../../../src/domain/linli.js';
import type { CommandContextInput } from '../../../src/domain/shared/context.js';
import {
  createHonourRollProjection,
  DEFAULT_STAR_THRESHOLDS,
  honourRollProjection,
  monthKeyOf,
  quarterKeyOf,
  redList,
  starRatings,
  starsFor,
  topContributors,
  type HonourRollState,
} from '../../../src/projections/honour-roll/index.js';
import type { Projection } from '../../../src/projections/projection.js';
import { ProjectionRunner } from '../../../src/projections/runner.js';
import { recordDirectory } from '../../../src/testing/directory.js';
import { parseLinli } from '../support/replay.js';

type Actor = CommandContextInput['actor'];
const staff: Actor = { id: 'staff-1', role: 'community-staff', scope: ['wuchang-1'] };
const admin: Actor = { id: 'admin-1', role: 'administrator', scope: ['wuchang-1'] };
const policy: Actor = { id: 'points-policy', role: 'system', scope: ['wuchang-1'] };
const resident = (id: string): Actor => ({ id, role: 'resident' });

let n = 0;
const ok = async (governance: Governance, command: LinliCommandInput, actor: Actor, now: string) => {
  const result = await governance.execute(command, { actor, now, commandId: `cmd-${++n}` });
  if (isLeft(result)) throw new Error(`${result.left.code}: ${result.left.message}`);
};

/** Pays `points` to a resident for a task done elsewhere (an award the points policy sends). */
const award = (governance: Governance, residentId: string, points: number, now: string) =>
  ok(
    governance,
    {
      type: 'AwardPoints',
      data: {
        residentId,
        community: 'wuchang-1',
        taskId: `task-${++n}`,
        points,
        verifiedEventId: `verified-${n}`,
      },
    },
    policy,
    now,
  );

/** A facade whose directory records Wuchang-1, the community the stories' tasks are published in. */
const inWuchang = async (): Promise<Governance> => {
  const governance = createGovernance();
  await recordDirectory(governance, [{ street: 'wuchang', community: 'wuchang-1' }]);
  return governance;
};

/** A task published, claimed, proved and verified for `residentId` on one day (paying its points). */
const verifiedTask = async (governance: Governance, residentId: string, day: string) => {
  const taskId = `task-${++n}`;
  await ok(
    governance,
    {
      type: 'PublishTask',
      data: {
        taskId,
        community: 'wuchang-1',
        title: 'Mediate a parking dispute',
        difficulty: 'medium',
        deadline: `${day}T23:00:00+08:00`,
      },
    },
    staff,
    `${day}T08:00:00+08:00`,
  );
  await ok(
    governance,
    { type: 'ClaimTask', data: { taskId } },
    resident(residentId),
    `${day}T09:00:00+08:00`,
  );
  const proof = [{ kind: 'video' as const, ref: `media:${taskId}.mp4` }];
  await ok(
    governance,
    { type: 'SubmitProof', data: { taskId, proof } },
    resident(residentId),
    `${day}T12:00:00+08:00`,
  );
  await ok(governance, { type: 'VerifyTask', data: { taskId, residentId } }, staff, `${day}T16:00:00+08:00`);
};

const rollOf = async (
  governance: Governance,
  projection: Projection<Recorded<LinliEvent>, HonourRollState> = honourRollProjection,
) => {
  const runner = new ProjectionRunner(governance.store, projection, { parse: parseLinli });
  const rebuilt = await runner.rebuild();
  if (isLeft(rebuilt)) throw new Error(rebuilt.left.message);
  return rebuilt.right;
};

describe('honour roll stories', () => {
  it('cuts quarters at local midnight in Shanghai, configurably', async () => {
    expect(monthKeyOf('2026-03-31T15:59:59Z', 'Asia/Shanghai')).toBe('2026-03');
    expect(monthKeyOf('2026-03-31T16:00:00Z', 'Asia/Shanghai')).toBe('2026-04');
    expect(quarterKeyOf('2026-12-31T16:30:00Z', 'Asia/Shanghai')).toBe('2027-Q1');
    const governance = createGovernance();
    // 00:30 on 1 April in Wuchang, still 31 March in UTC.
    await award(governance, 'res-1', 20, '2026-04-01T00:30:00+08:00');
    const shanghai = await rollOf(governance);
    expect(topContributors(shanghai, { quarter: '2026-Q2' })).toEqual([
      { residentId: 'res-1', points: 20, verifiedTasks: 0, rank: 1 },
    ]);
    expect(topContributors(shanghai, { quarter: '2026-Q1' })).toEqual([]);
    const utcProjection = createHonourRollProjection({ timeZone: 'UTC' });
    expect(utcProjection.name).toBe('honour-roll:UTC');
    const utc = await rollOf(governance, utcProjection);
    expect(topContributors(utc, { quarter: '2026-Q1' })).toHaveLength(1);
    expect(() => createHonourRollProjection({ timeZone: 'Mars/Olympus_Mons' })).toThrow(RangeError);
    expect(() => topContributors(shanghai, { quarter: '2026-Q5' })).toThrow(RangeError);
  });

  it("names the quarter's top contributors: ties on points go to verified tasks, full ties share a rank", async () => {
    const governance = await inWuchang();
    await verifiedTask(governance, 'res-a', '2026-04-10'); // 10 points, 1 task
    await award(governance, 'res-b', 10, '2026-04-11T10:00:00+08:00'); // 10 points, no task
    await award(governance, 'res-c', 40, '2026-05-02T10:00:00+08:00');
    await award(governance, 'res-d', 10, '2026-06-30T23:00:00+08:00'); // 10 points, no task
    await award(governance, 'res-e', 5, '2026-07-01T00:10:00+08:00'); // next quarter
    const roll = await rollOf(governance);
    expect(topContributors(roll, { quarter: '2026-Q2', community: 'wuchang-1' })).toEqual([
      { residentId: 'res-c', points: 40, verifiedTasks: 0, rank: 1 },
      { residentId: 'res-a', points: 10, verifiedTasks: 1, rank: 2 },
      { residentId: 'res-b', points: 10, verifiedTasks: 0, rank: 3 },
      { residentId: 'res-d', points: 10, verifiedTasks: 0, rank: 3 },
    ]);
    // Three places: both residents tied for the third are on the roll.
    expect(topContributors(roll, { quarter: '2026-Q2', limit: 3 })).toHaveLength(4);
    expect(topContributors(roll, { quarter: '2026-Q2', limit: 2 }).map((p) => p.residentId)).toEqual([
      'res-c',
      'res-a',
    ]);
    expect(topContributors(roll, { quarter: '2026-Q2', community: 'elsewhere' })).toEqual([]);
  });

  it('does not take honour away for redeemed points or count adjustments as service', async () => {
    const governance = createGovernance();
    await award(governance, 'res-a', 60, '2026-05-02T10:00:00+08:00');
    await ok(
      governance,
      {
        type: 'RedeemPoints',
        data: {
          residentId: 'res-a',
          community: 'wuchang-1',
          redemptionId: 'q2-oil',
          items: [{ sku: 'oil-5l', name: 'cooking-oil-5L', quantity: 1, points: 30 }],
          total: 30,
        },
      },
      resident('res-a'),
      '2026-06-27T10:00:00+08:00',
    );
    await ok(
      governance,
      {
        type: 'AdjustPoints',
        data: {
          residentId: 'res-a',
          community: 'wuchang-1',
          adjustmentId: 'adj-1',
          delta: 500,
          reason: 'migration',
        },
      },
      admin,
      '2026-06-28T10:00:00+08:00',
    );
    const roll = await rollOf(governance);
    expect(topContributors(roll, { quarter: '2026-Q2' })).toEqual([
      { residentId: 'res-a', points: 60, verifiedTasks: 0, rank: 1 },
    ]);
    expect(starRatings(roll, { year: '2026' })).toEqual([{ residentId: 'res-a', points: 60, stars: 1 }]);
  });

  it('posts the red list: everyone with verified tasks in the period, most tasks first', async () => {
    const governance = await inWuchang();
    await verifiedTask(governance, 'res-a', '2026-05-03');
    await verifiedTask(governance, 'res-b', '2026-05-04');
    await verifiedTask(governance, 'res-b', '2026-05-20');
    await verifiedTask(governance, 'res-c', '2026-06-01');
    await award(governance, 'res-d', 100, '2026-05-05T10:00:00+08:00'); // points without verified work
    const roll = await rollOf(governance);
    expect(redList(roll, { period: { kind: 'month', key: '2026-05' } })).toEqual([
      { residentId: 'res-b', verifiedTasks: 2, points: 20 },
      { residentId: 'res-a', verifiedTasks: 1, points: 10 },
    ]);
    expect(redList(roll, { period: { kind: 'quarter', key: '2026-Q2' }, minTasks: 2 })).toEqual([
      { residentId: 'res-b', verifiedTasks: 2, points: 20 },
    ]);
    expect(redList(roll, { period: { kind: 'year', key: '2026' } }).map((r) => r.residentId)).toEqual([
      'res-b',
      'res-a',
      'res-c',
    ]);
  });

  it('rates the star volunteers of the year by points earned in it', async () => {
    expect(DEFAULT_STAR_THRESHOLDS).toEqual([50, 150, 300, 600, 1000]);
    expect([0, 49, 50, 149, 150, 300, 599, 600, 999, 1000, 5000].map((p) => starsFor(p))).toEqual([
      0, 0, 1, 1, 2, 3, 3, 4, 4, 5, 5,
    ]);
    const governance = createGovernance();
    await award(governance, 'res-a', 700, '2026-02-01T10:00:00+08:00');
    await award(governance, 'res-a', 300, '2026-11-01T10:00:00+08:00');
    await award(governance, 'res-b', 160, '2026-06-01T10:00:00+08:00');
    await award(governance, 'res-c', 49, '2026-06-01T10:00:00+08:00');
    await award(governance, 'res-c', 500, '2027-01-01T00:05:00+08:00'); // next year's
    const roll = await rollOf(governance);
    expect(starRatings(roll, { year: '2026' })).toEqual([
      { residentId: 'res-a', points: 1000, stars: 5 },
      { residentId: 'res-b', points: 160, stars: 2 },
    ]);
    expect(starRatings(roll, { year: '2026', thresholds: [40, 1000] })).toEqual([
      { residentId: 'res-a', points: 1000, stars: 2 },
      { residentId: 'res-b', points: 160, stars: 1 },
      { residentId: 'res-c', points: 49, stars: 1 },
    ]);
    expect(() => starRatings(roll, { year: '2026', thresholds: [100, 100] })).toThrow(RangeError);
    expect(() => starRatings(roll, { year: '2026', thresholds: [0, 10] })).toThrow(RangeError);
  });
});
