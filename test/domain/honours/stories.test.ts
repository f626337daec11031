import { describe, it } from 'vitest';
import type { CommandContextInput } from '../../../src/domain/shared/context.js';
import { honoursAggregate, type HonoursEvent } from '../../../src/domain/honours/index.js';
import { spec } from '../../../src/testing/spec.js';

const community = 'community-bairuijing';
const honoursId = `${community}-2026`;
const staff = { id: 'staff-1', role: 'community-staff' as const, scope: [community] };
const ctx = (actor: CommandContextInput['actor']): CommandContextInput => ({
  actor,
  now: '2026-06-27T08:00:00.000Z',
  commandId: 'cmd-1',
});

const talent = {
  honoursId,
  community,
  awardId: 'q2-talent-1',
  residentId: 'resident-7',
  title: 'governance-talent' as const,
  period: { kind: 'quarter' as const, key: '2026-Q2' },
  basis: { points: 85, verifiedTasks: 9, rank: 1 },
  citation: 'Fixed the stairwell lights of building 3 and ran the spring clean-up',
};
const awarded: HonoursEvent = { type: 'HonourAwarded', data: talent };
const award = { type: 'AwardHonour' as const, data: talent };
const star = {
  honoursId,
  community,
  awardId: 'star-2026-1',
  residentId: 'resident-7',
  title: 'star-volunteer' as const,
  period: { kind: 'year' as const, key: '2026' },
  basis: { points: 320, stars: 3, thresholds: [50, 150, 300, 600, 1000] },
};
const prize = {
  type: 'GivePrize' as const,
  data: {
    honoursId,
    community,
    awardId: 'q2-talent-1',
    prize: 'a certificate and a 5 L bottle of cooking oil',
  },
};

const honours = spec(honoursAggregate);

describe('Honours: the quarterly appraisal (S4: 社区治理能人, 社区治理先锋)', () => {
  it('lets community staff award a talent with the figures it was computed from', () => {
    honours.given([]).when(award, ctx(staff)).then([awarded]);
  });

  it('is a staff command: residents, staff elsewhere and the system are refused', () => {
    honours
      .given([])
      .when(award, ctx({ id: 'resident-1', role: 'resident' }))
      .thenError('forbidden');
    const elsewhere = { id: 'staff-2', role: 'community-staff' as const, scope: ['community-longtanzi'] };
    honours.given([]).when(award, ctx(elsewhere)).thenError('forbidden');
    const system = { id: 'policy', role: 'system' as const, scope: ['*'] };
    honours.given([]).when(award, ctx(system)).thenError('forbidden');
  });

  it('never lets staff honour themselves', () => {
    const self = { ...staff, id: 'resident-7' };
    honours.given([]).when(award, ctx(self)).thenError('forbidden');
  });

  it('keeps the honours of a year in the stream of that year', () => {
    const wrong = { ...award, data: { ...talent, honoursId: `${community}-2025` } };
    honours.given([]).when(wrong, ctx(staff)).thenError('invalid-command');
  });

  it('awards one title once per period and resident', () => {
    const again = { ...award, data: { ...talent, awardId: 'q2-talent-1-bis' } };
    honours.given([awarded]).when(again, ctx(staff)).thenError('already-awarded');
    honours.given([awarded]).when(award, ctx(staff)).then([]);
    const changed = { ...award, data: { ...talent, basis: { ...talent.basis, points: 90 } } };
    honours.given([awarded]).when(changed, ctx(staff)).thenError('idempotency-conflict');
  });
});

describe('Honours: star volunteers and prizes (S4: 星级志愿者, with prizes)', () => {
  it('records the star table with the stars, and refuses stars the points do not reach', () => {
    honours
      .given([])
      .when({ type: 'AwardHonour', data: star }, ctx(staff))
      .then([{ type: 'HonourAwarded', data: star }]);
    const inflated = { ...star, basis: { ...star.basis, stars: 4 } };
    honours.given([]).when({ type: 'AwardHonour', data: inflated }, ctx(staff)).thenError('invalid-command');
  });

  it('gives a prize once, for an award that was recorded', () => {
    honours
      .given([awarded])
      .when(prize, ctx(staff))
      .then([{ type: 'PrizeGiven', data: prize.data }]);
    honours.given([]).when(prize, ctx(staff)).thenError('not-found');
    const given: HonoursEvent = { type: 'PrizeGiven', data: prize.data };
    honours.given([awarded, given]).when(prize, ctx(staff)).then([]);
    const other = { ...prize, data: { ...prize.data, prize: 'rice-10kg' } };
    honours.given([awarded, given]).when(other, ctx(staff)).thenError('idempotency-conflict');
  });
});
