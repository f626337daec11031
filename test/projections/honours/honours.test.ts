/**
 * The honours board and the candidates: what staff posted, with prizes, a redelivered event applied once;
 * the candidates the honour roll puts forward, ranked as the audit ranks them; the report's section.
 */
import { describe, expect, it } from 'vitest';
import type { Recorded } from '../../../src/commands/aggregate.js';
import type { HonourAward } from '../../../src/domain/honours/events.js';
import type { LinliEvent } from '../../../src/domain/linli.js';
import { GENESIS_HASH } from '../../../src/domain/shared/events.js';
import { honourRollProjection } from '../../../src/projections/honour-roll/projection.js';
import { honourBasis, honourCandidates } from '../../../src/projections/honours/basis.js';
import { honoursBoardProjection } from '../../../src/projections/honours/projection.js';
import { postedHonours } from '../../../src/projections/honours/queries.js';
import { project } from '../../../src/projections/projection.js';
import { honoursPostedSection } from '../../../src/report/sections/honours-posted-section.js';
import type { ReportData } from '../../../src/report/report-data.js';

const community = 'bairuijing';
let position = 0n;
const revisions = new Map<string, bigint>();
/** A recorded event of `stream`, numbered as a store would. */
const recorded = (streamId: string, event: LinliEvent, occurredAt: string): Recorded<LinliEvent> => {
  const revision = revisions.has(streamId) ? revisions.get(streamId)! + 1n : 0n;
  revisions.set(streamId, revision);
  position += 1n;
  const metadata = {
    eventId: `e-${position}`,
    occurredAt,
    actor: { id: 'staff-1', role: 'community-staff' as const },
    commandId: `c-${position}`,
    schemaVersion: 1,
    previousHash: GENESIS_HASH,
    hash: GENESIS_HASH,
  };
  return { ...event, streamId, revision, position, metadata } as Recorded<LinliEvent>;
};

/** A verified task and its points for a resident, in May 2026. */
const work = (residentId: string, taskId: string, points: number): Recorded<LinliEvent>[] => [
  recorded(
    `task-${taskId}`,
    { type: 'TaskVerified', data: { taskId, residentId, community, points, verifiedBy: 'staff-1' } },
    '2026-05-10T02:00:00.000Z',
  ),
  recorded(
    `points-${residentId}`,
    { type: 'PointsEarned', data: { residentId, community, taskId, points, verifiedEventId: `v-${taskId}` } },
    '2026-05-10T02:00:00.000Z',
  ),
];

const roll = project(honourRollProjection, [
  ...work('res-a', 't1', 20),
  ...work('res-b', 't2', 10),
  ...work('res-b', 't3', 10),
  ...work('res-c', 't4', 20),
  ...work('res-d', 't5', 5),
]);
const quarter = { kind: 'quarter' as const, key: '2026-Q2' };

describe('honourCandidates', () => {
  it('ranks talents by points and pioneers by verified tasks, ties sharing a rank, ties for the last place kept', () => {
    // Points first, then verified tasks: res-b (20, 2 tasks) leads; res-a and res-c (20, 1) share second.
    const talents = (places: number) =>
      honourCandidates(roll, { title: 'governance-talent', period: quarter, community, places }).map((c) => [
        c.residentId,
        c.basis,
      ]);
    expect(talents(1)).toEqual([['res-b', { points: 20, verifiedTasks: 2, rank: 1 }]]);
    expect(talents(2)).toEqual([
      ['res-b', { points: 20, verifiedTasks: 2, rank: 1 }],
      ['res-a', { points: 20, verifiedTasks: 1, rank: 2 }],
      ['res-c', { points: 20, verifiedTasks: 1, rank: 2 }],
    ]);
    expect(talents(4).at(-1)).toEqual(['res-d', { points: 5, verifiedTasks: 1, rank: 4 }]);
    const pioneers = honourCandidates(roll, {
      title: 'governance-pioneer',
      period: quarter,
      community,
      places: 1,
    });
    expect(pioneers.map((c) => c.residentId)).toEqual(['res-b']);
    expect(pioneers[0]?.basis).toEqual({ points: 20, verifiedTasks: 2, rank: 1 });
  });

  it('gives every candidate the basis honourBasis computes, which the audit holds awards to', () => {
    for (const title of ['governance-talent', 'governance-pioneer', 'red-list'] as const) {
      for (const candidate of honourCandidates(roll, { title, period: quarter, community, places: 10 })) {
        expect(
          honourBasis(roll, { title, period: quarter, community, residentId: candidate.residentId }),
        ).toEqual(candidate.basis);
      }
    }
    const stars = honourCandidates(roll, {
      title: 'star-volunteer',
      period: { kind: 'year', key: '2026' },
      community,
      thresholds: [10, 20],
    });
    expect(stars.map((c) => [c.residentId, 'stars' in c.basis ? c.basis.stars : 0])).toEqual([
      ['res-a', 2],
      ['res-b', 2],
      ['res-c', 2],
    ]);
  });
});

describe('the honours board', () => {
  const award: HonourAward = {
    honoursId: `${community}-2026`,
    community,
    awardId: 'talent-res-a',
    residentId: 'res-a',
    title: 'governance-talent',
    period: quarter,
    basis: { points: 20, verifiedTasks: 1, rank: 1 },
  };
  const awarded = recorded(
    `honours-${community}-2026`,
    { type: 'HonourAwarded', data: award },
    '2026-06-27T01:00:00.000Z',
  );
  const prize = recorded(
    `honours-${community}-2026`,
    {
      type: 'PrizeGiven',
      data: { honoursId: award.honoursId, community, awardId: award.awardId, prize: 'a certificate' },
    },
    '2026-06-27T02:00:00.000Z',
  );

  it('posts each award once, with its prize, whatever is redelivered', () => {
    const board = project(honoursBoardProjection, [awarded, prize, awarded, prize]);
    expect(postedHonours(board)).toEqual([
      {
        award,
        awardedAt: '2026-06-27T01:00:00.000Z',
        prize: { prize: 'a certificate', givenAt: '2026-06-27T02:00:00.000Z' },
      },
    ]);
    expect(postedHonours(board, { title: 'red-list' })).toEqual([]);
    expect(postedHonours(board, { community, period: '2026-Q2' })).toHaveLength(1);
  });

  it('is shown in the report with its basis and prize', () => {
    const honoursPosted = postedHonours(project(honoursBoardProjection, [awarded, prize]));
    const html = honoursPostedSection({ honoursPosted } as unknown as ReportData);
    expect(html).toContain('governance-talent');
    expect(html).toContain('rank 1, 20 points, 1 tasks');
    expect(html).toContain('a certificate');
    expect(honoursPostedSection({} as unknown as ReportData)).toContain('No honour was recorded.');
  });
});
