import { entriesOf } from '../../../src/domain/shared/id-map.js';
import { describe, expect, it } from 'vitest';
import {
  createPointsDecider,
  createResidentPointsAggregate,
  isRedemptionOpen,
  residentPointsAggregate,
  type PointsEvent,
} from '../../../src/domain/points/index.js';
import type { CommandContextInput } from '../../../src/domain/shared/context.js';
import { fold } from '../../../src/domain/shared/decider.js';
import { spec } from '../../../src/testing/spec.js';

const community = 'community-bairuijing';
const now = '2026-04-03T09:00:00.000Z';
const ctx = (actor: CommandContextInput['actor'], at = now): CommandContextInput => ({
  actor,
  now: at,
  commandId: 'cmd-1',
});
const policy = ctx({ id: 'points-policy', role: 'system', scope: [community] });
const admin = ctx({ id: 'admin-1', role: 'administrator', scope: [community] });
const staff = ctx({ id: 'staff-1', role: 'community-staff', scope: [community] });
const resident = (id: string) => ctx({ id, role: 'resident' });

const award = (taskId: string, points: number) => ({
  type: 'AwardPoints' as const,
  data: { residentId: 'resident-1', community, taskId, points, verifiedEventId: `verified-${taskId}` },
});
const earned = (taskId: string, points: number): PointsEvent => ({
  type: 'PointsEarned',
  data: award(taskId, points).data,
});
const oil = { sku: 'oil-5l', name: 'cooking-oil-5L', quantity: 1, points: 60 };
const rice = { sku: 'rice-10kg', name: 'rice-10kg', quantity: 2, points: 80 };
const redeem = (items: (typeof oil)[], total: number, redemptionId = 'redemption-q1-1') => ({
  type: 'RedeemPoints' as const,
  data: { residentId: 'resident-1', community, redemptionId, items, total },
});
const adjust = (delta: number, adjustmentId = 'adjustment-1') => ({
  type: 'AdjustPoints' as const,
  data: { residentId: 'resident-1', community, adjustmentId, delta, reason: 'double entry corrected' },
});

/** 40 + 20 + 10 = 70 points earned. */
const seventy = [earned('septic-1', 40), earned('greening-1', 20), earned('bulb-1', 10)];

const points = spec(residentPointsAggregate);

describe('ResidentPoints: awards', () => {
  it('pays a verified task from the points policy', () => {
    points
      .given([])
      .when(award('bulb-1', 5), policy)
      .then([earned('bulb-1', 5)]);
  });

  it('pays each task once: the same award again is a no-op, so the policy can be replayed', () => {
    points
      .given([earned('bulb-1', 5)])
      .when(award('bulb-1', 5), policy)
      .then([]);
    points
      .given([earned('bulb-1', 5)])
      .when(award('bulb-1', 5), admin)
      .then([]);
  });

  it('refuses another award for a paid task with idempotency-conflict, not as a silent no-op', () => {
    points
      .given([earned('bulb-1', 5)])
      .when(award('bulb-1', 50), admin)
      .thenError('idempotency-conflict');
  });

  it('takes awards only from the system or an administrator of the community', () => {
    points
      .given([])
      .when(award('bulb-1', 5), admin)
      .then([earned('bulb-1', 5)]);
    points.given([]).when(award('bulb-1', 5), resident('resident-1')).thenError('forbidden');
    points.given([]).when(award('bulb-1', 5), staff).thenError('forbidden');
    const elsewhere = ctx({ id: 'admin-2', role: 'administrator', scope: ['community-longtanzi'] });
    points.given([]).when(award('bulb-1', 5), elsewhere).thenError('forbidden');
  });

  it('denies the system by default: with an empty scope it pays nothing, not even 1,000,000 points', () => {
    const unscoped = ctx({ id: 'points-policy', role: 'system' });
    points.given([]).when(award('bulb-1', 1_000_000), unscoped).thenError('forbidden');
    const elsewhere = ctx({ id: 'points-policy', role: 'system', scope: ['community-longtanzi'] });
    points.given([]).when(award('bulb-1', 5), elsewhere).thenError('forbidden');
  });

  it('does not let an administrator pay themself', () => {
    const self = ctx({ id: 'resident-1', role: 'administrator', scope: [community] });
    points.given([]).when(award('bulb-1', 5), self).thenError('forbidden');
  });
});

describe('ResidentPoints: redemption', () => {
  it('exchanges points for goods at the redemption event', () => {
    const command = redeem([oil], 60);
    points
      .given(seventy)
      .when(command, resident('resident-1'))
      .then([{ type: 'PointsRedeemed', data: command.data }]);
  });

  it('refuses a redemption larger than the balance', () => {
    points
      .given(seventy)
      .when(redeem([rice], 160), resident('resident-1'))
      .thenError('insufficient-points');
    points
      .given([])
      .when(redeem([oil], 60), resident('resident-1'))
      .thenError('insufficient-points');
    const onePointShort = redeem([{ ...oil, points: 71 }], 71);
    points.given(seventy).when(onePointShort, resident('resident-1')).thenError('insufficient-points');
  });

  it('may spend the whole balance, to exactly zero', () => {
    const exact = redeem([{ ...oil, points: 35, quantity: 2 }], 70);
    points
      .given(seventy)
      .when(exact, resident('resident-1'))
      .then([{ type: 'PointsRedeemed', data: exact.data }]);
  });

  it('needs a total that is what the items cost', () => {
    points
      .given(seventy)
      .when(redeem([oil], 50), resident('resident-1'))
      .thenError('invalid-command');
    points.given(seventy).when(redeem([], 0), resident('resident-1')).thenError('invalid-command');
  });

  it('is for the resident or community staff, never a neighbour', () => {
    const command = redeem([oil], 60);
    points
      .given(seventy)
      .when(command, staff)
      .then([{ type: 'PointsRedeemed', data: command.data }]);
    points.given(seventy).when(command, resident('resident-2')).thenError('forbidden');
  });

  it('records a redemption id once', () => {
    const command = redeem([oil], 60);
    points
      .given([...seventy, { type: 'PointsRedeemed', data: command.data }])
      .when(command, resident('resident-1'))
      .then([]);
  });

  it('refuses a redemption id reused for other goods with idempotency-conflict', () => {
    const first = redeem([oil], 60);
    const other = redeem([{ ...oil, quantity: 2, points: 5 }], 10);
    points
      .given([...seventy, { type: 'PointsRedeemed', data: first.data }])
      .when(other, resident('resident-1'))
      .thenError('idempotency-conflict');
  });

  it('is open only during the quarterly redemption event when windows are configured', () => {
    const quarterly = spec(
      createResidentPointsAggregate({
        redemptionWindows: [
          { opens: '2026-04-01T00:00:00.000+08:00', closes: '2026-04-08T00:00:00.000+08:00' },
          { opens: '2026-07-01T00:00:00.000+08:00', closes: '2026-07-08T00:00:00.000+08:00' },
        ],
      }),
    );
    const command = redeem([oil], 60);
    quarterly
      .given(seventy)
      .when(command, resident('resident-1'))
      .then([{ type: 'PointsRedeemed', data: command.data }]);
    quarterly
      .given(seventy)
      .when(command, ctx({ id: 'resident-1', role: 'resident' }, '2026-05-01T09:00:00.000Z'))
      .thenError('redemption-closed');
    // The window closes at its `closes` instant: 2026-04-08T00:00+08:00 is 2026-04-07T16:00Z.
    quarterly
      .given(seventy)
      .when(command, ctx({ id: 'resident-1', role: 'resident' }, '2026-04-07T16:00:00.000Z'))
      .thenError('redemption-closed');
    quarterly
      .given(seventy)
      .when(command, ctx({ id: 'resident-1', role: 'resident' }, '2026-04-07T15:59:59.999Z'))
      .then([{ type: 'PointsRedeemed', data: command.data }]);
  });

  it('accepts any pure predicate as the redemption calendar', () => {
    const firstWeekOfQuarter = (at: string): boolean => {
      const date = new Date(at);
      return date.getUTCMonth() % 3 === 0 && date.getUTCDate() <= 7;
    };
    expect(isRedemptionOpen(firstWeekOfQuarter, '2026-10-02T00:00:00.000Z')).toBe(true);
    expect(isRedemptionOpen(firstWeekOfQuarter, '2026-11-02T00:00:00.000Z')).toBe(false);
    expect(isRedemptionOpen(undefined, '2026-11-02T00:00:00.000Z')).toBe(true);
    const closed = spec(createResidentPointsAggregate({ redemptionWindows: () => false }));
    closed
      .given(seventy)
      .when(redeem([oil], 60), resident('resident-1'))
      .thenError('redemption-closed');
  });

  it('refuses malformed windows when the decider is built', () => {
    const backwards = [{ opens: '2026-04-08T00:00:00.000Z', closes: '2026-04-01T00:00:00.000Z' }];
    expect(() => createPointsDecider({ redemptionWindows: backwards })).toThrow();
  });
});

describe('ResidentPoints: adjustments', () => {
  const adjusted = (delta: number): PointsEvent => ({ type: 'PointsAdjusted', data: adjust(delta).data });

  it('lets an administrator correct a balance with a signed entry and a reason', () => {
    points
      .given(seventy)
      .when(adjust(-20), admin)
      .then([adjusted(-20)]);
    points
      .given([])
      .when(adjust(15), admin)
      .then([adjusted(15)]);
  });

  it('never takes the balance below zero', () => {
    points.given(seventy).when(adjust(-71), admin).thenError('insufficient-points');
    points
      .given(seventy)
      .when(adjust(-70), admin)
      .then([adjusted(-70)]);
  });

  it('is for administrators only, and never on their own account', () => {
    points.given(seventy).when(adjust(10), resident('resident-1')).thenError('forbidden');
    points.given(seventy).when(adjust(10), staff).thenError('forbidden');
    points.given(seventy).when(adjust(10), policy).thenError('forbidden');
    const self = ctx({ id: 'resident-1', role: 'administrator', scope: [community] });
    points.given(seventy).when(adjust(10), self).thenError('forbidden');
  });

  it('needs a non-zero delta and a reason', () => {
    points.given(seventy).when(adjust(0), admin).thenError('invalid-command');
    const noReason = { type: 'AdjustPoints' as const, data: { ...adjust(5).data, reason: '' } };
    points.given(seventy).when(noReason, admin).thenError('invalid-command');
  });

  it('records an adjustment id once', () => {
    points
      .given([...seventy, adjusted(-20)])
      .when(adjust(-20), admin)
      .then([]);
  });

  it('refuses an adjustment id reused with another delta or reason with idempotency-conflict', () => {
    points
      .given([...seventy, adjusted(-20)])
      .when(adjust(-25), admin)
      .thenError('idempotency-conflict');
    const otherReason = { type: 'AdjustPoints' as const, data: { ...adjust(-20).data, reason: 'typo' } };
    points
      .given([...seventy, adjusted(-20)])
      .when(otherReason, admin)
      .thenError('idempotency-conflict');
  });

  it('keeps the totals: balance = earned - redeemed + adjusted', () => {
    const state = fold(residentPointsAggregate.decider, [
      ...seventy,
      { type: 'PointsRedeemed', data: redeem([oil], 60).data },
      adjusted(-5),
    ]);
    expect(state).toMatchObject({ balance: 5, earned: 70, redeemed: 60, adjusted: -5 });
    expect([...entriesOf(state.awardedTaskIds)].map(([id]) => id).sort()).toEqual([
      'bulb-1',
      'greening-1',
      'septic-1',
    ]);
  });
});

describe('ResidentPoints: the community that keeps the account', () => {
  const c02 = 'community-longtanzi';
  const adminOfC02 = ctx({ id: 'admin-9', role: 'administrator', scope: [c02] });
  const staffOfC02 = ctx({ id: 'staff-9', role: 'community-staff', scope: [c02] });
  const inC02 = <T extends { data: object }>(command: T): T => ({
    ...command,
    data: { ...command.data, community: c02 },
  });

  it('refuses an administrator of another community who names their own community to add points', () => {
    points
      .given(seventy)
      .when(inC02(adjust(900)), adminOfC02)
      .thenError('forbidden');
  });

  it("refuses another community's staff redeeming a resident's points at their counter", () => {
    points
      .given(seventy)
      .when(inC02(redeem([oil], 60)), staffOfC02)
      .thenError('forbidden');
  });

  it('refuses the resident too when the command names another community than the account', () => {
    points
      .given(seventy)
      .when(inC02(redeem([oil], 60)), resident('resident-1'))
      .thenError('forbidden');
  });

  it('keeps the account where its first entry was recorded', () => {
    expect(fold(residentPointsAggregate.decider, seventy).community).toBe(community);
    expect(fold(residentPointsAggregate.decider, []).community).toBeUndefined();
  });
});
