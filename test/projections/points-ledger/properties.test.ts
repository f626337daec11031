/** The points ledger over random governance timelines: replay properties and a recount from raw events. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Recorded } from '../../../src/commands/aggregate.js';
import type { LinliEvent } from '../../../src/domain/linli.js';
import type { PointsEvent } from '../../../src/domain/points/events.js';
import {
  communityPoints,
  outstandingByCommunity,
  pointsLedgerProjection,
  residentAccount,
  type PointsLedgerState,
} from '../../../src/projections/points-ledger/index.js';
import { parseAll, readAll } from '../support/replay.js';
import { record, timelineArb } from '../support/timeline.js';
import { itKeepsTheReplayLaws, timelineWorlds } from '../support/replay-laws.js';

const isPointsEvent = (event: Recorded<LinliEvent>): event is Recorded<PointsEvent> =>
  event.type === 'PointsEarned' || event.type === 'PointsRedeemed' || event.type === 'PointsAdjusted';

const signed = (event: PointsEvent): number => {
  switch (event.type) {
    case 'PointsEarned':
      return event.data.points;
    case 'PointsRedeemed':
      return -event.data.total;
    case 'PointsAdjusted':
      return event.data.delta;
  }
};

/** Balances, totals and home communities counted straight from the raw events, with no fold state at all. */
const recount = (events: readonly Recorded<LinliEvent>[]) => {
  const points = events.filter(isPointsEvent);
  const residents = [...new Set(points.map((e) => e.data.residentId))];
  const accounts = residents.map((residentId) => {
    const own = points.filter((e) => e.data.residentId === residentId);
    const running = own.map((_, i) => own.slice(0, i + 1).reduce((sum, e) => sum + signed(e), 0));
    const sumOf = (type: PointsEvent['type']) =>
      own.filter((e) => e.type === type).reduce((sum, e) => sum + Math.abs(signed(e)), 0);
    return {
      residentId,
      balance: running.at(-1) ?? 0,
      running,
      earned: sumOf('PointsEarned'),
      redeemed: sumOf('PointsRedeemed'),
      adjusted: own.filter((e) => e.type === 'PointsAdjusted').reduce((sum, e) => sum + signed(e), 0),
      home: own.at(-1)!.data.community,
    };
  });
  const communities = [...new Set(points.map((e) => e.data.community))];
  return { points, accounts, communities };
};

const check = (state: PointsLedgerState, events: readonly Recorded<LinliEvent>[]) => {
  const { points, accounts, communities } = recount(events);
  expect(Object.keys(state.accounts).sort()).toEqual(accounts.map((a) => a.residentId).sort());
  for (const expected of accounts) {
    const account = residentAccount(state, expected.residentId)!;
    expect(account).toMatchObject({
      balance: expected.balance,
      earned: expected.earned,
      redeemed: expected.redeemed,
      adjusted: expected.adjusted,
      community: expected.home,
    });
    expect(account.balance).toBe(account.earned - account.redeemed + account.adjusted);
    // The auditor's claim: no balance ever went below zero, entry by entry.
    expect(account.entries.map((entry) => entry.balanceAfter)).toEqual(expected.running);
    for (const entry of account.entries) expect(entry.balanceAfter).toBeGreaterThanOrEqual(0);
  }
  for (const community of communities) {
    const here = points.filter((e) => e.data.community === community);
    const members = accounts.filter((a) => a.home === community);
    expect(communityPoints(state, community)).toEqual({
      community,
      issued: here.filter((e) => e.type === 'PointsEarned').reduce((s, e) => s + signed(e), 0),
      redeemed: here.filter((e) => e.type === 'PointsRedeemed').reduce((s, e) => s - signed(e), 0),
      adjusted: here.filter((e) => e.type === 'PointsAdjusted').reduce((s, e) => s + signed(e), 0),
      outstanding: members.reduce((s, a) => s + a.balance, 0),
      residents: members.length,
    });
  }
  // Whatever moved between communities, the communities together owe every balance there is.
  const owed = outstandingByCommunity(state).reduce((s, c) => s + c.outstanding, 0);
  expect(owed).toBe(accounts.reduce((s, a) => s + a.balance, 0));
  const flows = communities.map((c) => communityPoints(state, c));
  expect(owed).toBe(flows.reduce((s, c) => s + c.issued - c.redeemed + c.adjusted, 0));
};

describe('points ledger properties', () => {
  itKeepsTheReplayLaws(pointsLedgerProjection, {
    worlds: timelineWorlds,
    rebuildTitle: 'rebuilt from scratch equals applied in any batches, and matches a recount from raw events',
    rebuildRuns: 40,
    recount: check,
  });

  it('generates histories that pay tasks, redeem, adjust and move balances between communities', async () => {
    // Guards the generator: a timeline that never got past a claim would make the properties vacuous.
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(timelineArb, async (steps) => {
        const { store } = await record(steps);
        const events = parseAll(await readAll(store));
        for (const e of events) seen.add(e.type);
        const res4 = events.filter(isPointsEvent).filter((e) => e.data.residentId === 'res-4');
        if (new Set(res4.map((e) => e.data.community)).size > 1) seen.add('moved');
      }),
      { numRuns: 30 },
    );
    for (const kind of ['TaskVerified', 'PointsEarned', 'PointsRedeemed', 'PointsAdjusted', 'moved']) {
      expect(seen).toContain(kind);
    }
  });
});
