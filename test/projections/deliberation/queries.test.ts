import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { Recorded } from '../../../src/commands/aggregate.js';
import { linliEventParser, type LinliEvent } from '../../../src/domain/linli.js';
import {
  agendaClosure,
  ballotResults,
  deliberationCalendar,
  deliberationProjection,
  proposalRegister,
} from '../../../src/projections/deliberation/index.js';
import { project } from '../../../src/projections/projection.js';
import { ownerActor } from '../../../src/testing/scenarios/compound-world.js';
import { deliberationHistory } from '../../audit/support/deliberation-history.js';
import { harness } from '../../domain/proposal/world.js';
import { collect } from '../../store/contract.js';

const modelsOf = async (h: Awaited<ReturnType<typeof harness>>) => {
  const models = await h.gov.readModels();
  if (isLeft(models)) throw new Error(models.left.message);
  return models.right.deliberation;
};

describe('the deliberation read model', () => {
  it('shows support against the threshold of the owners registered now', async () => {
    const h = await harness(200);
    await h.submit('elevator');
    await h.support('elevator', 1, 15);
    const [row] = proposalRegister(await modelsOf(h));
    expect(row).toMatchObject({ supports: 15, registeredOwners: 200, needed: 21, status: 'submitted' });
    expect(row?.progress).toBeCloseTo(15 / 21);
  });

  it('shows a ballot over both bases: 87% turnout, 83% of all owners, 95% of voters', async () => {
    const h = await harness(200);
    await h.submit('elevator');
    await h.support('elevator', 1, 21);
    const matter = { proposalId: 'elevator', matterId: 'm-1' };
    await h.ok(
      {
        type: 'OpenBallot',
        data: { ...matter, matter: 'Elevators', kind: 'motion', closesAt: '2026-04-15T00:00:00.000Z' },
      },
      h.world.staff,
      '2026-04-01T00:00:00.000Z',
    );
    for (const [i, ownerId] of h.world.owners.slice(0, 174).entries()) {
      await h.ok(
        { type: 'CastBallot', data: { ...matter, ownerId, option: i < 166 ? 'for' : 'against' } },
        ownerActor(ownerId),
        '2026-04-02T00:00:00.000Z',
      );
    }
    const [result] = ballotResults(await modelsOf(h));
    expect(result).toMatchObject({ status: 'open', eligible: 200, turnout: 174, turnoutShare: 0.87 });
    const inFavour = result?.tally.find((entry) => entry.option === 'for');
    expect(inFavour?.ofEligible).toBe(0.83);
    expect(inFavour?.ofVoters).toBeCloseTo(0.954, 3);
  });

  it('keeps the deliberation calendar of the 10th and closes the loop from agenda to outcome', async () => {
    const h = await deliberationHistory();
    const state = await modelsOf(h);
    const calendar = deliberationCalendar(state, {
      community: h.world.community,
      unitId: h.world.compound,
      year: 2026,
    });
    expect(calendar.map((day) => day.date)).toContain('2026-03-10');
    expect(calendar.find((day) => day.date === '2026-03-10')?.meetings).toEqual([
      { meetingId: 'day-0310', status: 'held' },
    ]);
    // The referral was deliberated, so no problem waits any more.
    expect(calendar.flatMap((day) => day.referredProblems)).toEqual([]);
    const early = agendaClosure(state, h.world.community, '2026-03-20T00:00:00.000Z');
    expect(early).toMatchObject({
      meetings: 1,
      held: 1,
      itemsPlaced: 1,
      itemsConcluded: 1,
      itemsOpen: 0,
      overdue: [],
    });
    // Past the follow-up's due date, the fire-lane problem is still unresolved: overdue.
    const late = agendaClosure(state, h.world.community, '2026-03-26T00:00:00.000Z');
    expect(late.overdue.map((o) => o.itemId)).toEqual(['item-1']);
  });

  it('is rebuilt identically from the history whatever the batch size', async () => {
    const h = await deliberationHistory();
    const parse = linliEventParser(h.gov.aggregates);
    const events = (await collect(h.gov.store.readAll())).map((raw) => {
      const parsed = parse(raw);
      if (isLeft(parsed)) throw new Error(parsed.left.message);
      return parsed.right;
    }) as Recorded<LinliEvent>[];
    const whole = project(deliberationProjection, events, 10_000);
    expect(project(deliberationProjection, events, 1)).toEqual(whole);
    expect(project(deliberationProjection, events, 7)).toEqual(whole);
    expect(whole).toEqual(await modelsOf(h));
  });
});
