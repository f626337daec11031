/**
 * The honour roll over random governance timelines: replay properties, and every roll checked against a
 * brute-force recount of the raw events with its own calendar arithmetic (Shanghai is UTC+8 all year).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Recorded } from '../../../src/commands/aggregate.js';
import type { LinliEvent } from '../../../src/domain/linli.js';
import {
  createHonourRollProjection,
  honourRollProjection,
  redList,
  starRatings,
  topContributors,
  type HonourPeriod,
  type HonourRollState,
} from '../../../src/projections/honour-roll/index.js';
import { expectRebuildEqualsIncremental, parseAll, readAll } from '../support/replay.js';
import { record, timelineArb } from '../support/timeline.js';
import { itKeepsTheReplayLaws, timelineWorlds } from '../support/replay-laws.js';

interface Fact {
  readonly residentId: string;
  readonly community: string;
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  readonly points: number;
  readonly tasks: number;
}

/** The contributions of raw events, months read off the UTC clock moved by `offsetHours`. */
const factsOf = (events: readonly Recorded<LinliEvent>[], offsetHours: number): Fact[] =>
  events.flatMap((event): Fact[] => {
    if (event.type !== 'PointsEarned' && event.type !== 'TaskVerified') return [];
    const local = new Date(Date.parse(event.metadata.occurredAt) + offsetHours * 3_600_000);
    const base = {
      residentId: event.data.residentId,
      community: event.data.community,
      year: local.getUTCFullYear(),
      month: local.getUTCMonth() + 1,
    };
    return [
      event.type === 'PointsEarned'
        ? { ...base, points: event.data.points, tasks: 0 }
        : { ...base, points: 0, tasks: 1 },
    ];
  });

const inPeriod = (fact: Fact, period: HonourPeriod): boolean => {
  const [year, rest] = period.key.split('-');
  if (fact.year !== Number(year)) return false;
  if (period.kind === 'year') return true;
  if (period.kind === 'month') return fact.month === Number(rest);
  return Math.ceil(fact.month / 3) === Number(rest!.slice(1));
};

const totals = (facts: readonly Fact[], period: HonourPeriod, community?: string) => {
  const byResident = new Map<string, { points: number; verifiedTasks: number }>();
  for (const fact of facts) {
    if (!inPeriod(fact, period) || (community !== undefined && fact.community !== community)) continue;
    const total = byResident.get(fact.residentId) ?? { points: 0, verifiedTasks: 0 };
    byResident.set(fact.residentId, {
      points: total.points + fact.points,
      verifiedTasks: total.verifiedTasks + fact.tasks,
    });
  }
  return [...byResident].map(([residentId, total]) => ({ residentId, ...total }));
};

/** Every period and community (and all communities) the facts touch. */
const rollsOf = (facts: readonly Fact[]) => {
  const periods = new Map<string, HonourPeriod>();
  for (const { year, month } of facts) {
    const mm = String(month).padStart(2, '0');
    periods.set(`m${year}${mm}`, { kind: 'month', key: `${year}-${mm}` });
    periods.set(`q${year}${month}`, { kind: 'quarter', key: `${year}-Q${Math.ceil(month / 3)}` });
    periods.set(`y${year}`, { kind: 'year', key: String(year) });
  }
  const communities = [undefined, ...new Set(facts.map((fact) => fact.community))];
  return { periods: [...periods.values()], communities };
};

const checkRolls = (state: HonourRollState, facts: readonly Fact[], limit: number, thresholds: number[]) => {
  const { periods, communities } = rollsOf(facts);
  for (const period of periods) {
    for (const community of communities) {
      const expected = totals(facts, period, community);
      const where = community === undefined ? {} : { community };
      if (period.kind === 'quarter') {
        const roll = topContributors(state, { quarter: period.key, limit, ...where });
        const earners = expected.filter((t) => t.points > 0);
        // Ranked by points, then verified tasks; a rank is one more than the number of residents ahead.
        const rankOf = (t: (typeof earners)[number]) =>
          1 +
          earners.filter(
            (o) => o.points > t.points || (o.points === t.points && o.verifiedTasks > t.verifiedTasks),
          ).length;
        const onRoll = earners.filter((t) => rankOf(t) <= limit);
        expect(roll.map((p) => p.residentId).sort()).toEqual(onRoll.map((t) => t.residentId).sort());
        for (const place of roll) {
          expect(place).toEqual({
            ...earners.find((t) => t.residentId === place.residentId)!,
            rank: rankOf(place),
          });
        }
        for (let i = 1; i < roll.length; i++) {
          const [a, b] = [roll[i - 1]!, roll[i]!];
          expect(a.rank < b.rank || (a.rank === b.rank && a.residentId < b.residentId)).toBe(true);
        }
      }
      const minTasks = 1 + (limit % 2);
      const listed = redList(state, { period, minTasks, ...where });
      expect(listed.map((t) => t.residentId).sort()).toEqual(
        expected
          .filter((t) => t.verifiedTasks >= minTasks)
          .map((t) => t.residentId)
          .sort(),
      );
      for (let i = 1; i < listed.length; i++) {
        expect(listed[i - 1]!.verifiedTasks).toBeGreaterThanOrEqual(listed[i]!.verifiedTasks);
      }
      if (period.kind === 'year') {
        const stars = starRatings(state, { year: period.key, thresholds, ...where });
        const rated = expected
          .map((t) => {
            let count = 0;
            while (count < thresholds.length && t.points >= thresholds[count]!) count += 1;
            return { residentId: t.residentId, points: t.points, stars: count };
          })
          .filter((t) => t.stars > 0)
          .sort((a, b) => b.stars - a.stars || b.points - a.points || (a.residentId < b.residentId ? -1 : 1));
        expect(stars).toEqual(rated);
      }
    }
  }
};

/** Small, strictly increasing star tables, so that the few points of a generated year earn some stars. */
const thresholdsArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 5 })
  .map((values) => values.sort((a, b) => a - b));

describe('honour roll properties', () => {
  itKeepsTheReplayLaws(honourRollProjection, {
    worlds: timelineWorlds,
    rebuildTitle: 'rebuilt from scratch equals applied in any batches',
    rebuildRuns: 30,
  });

  it('draws up the rolls a recount of the raw events gives, in Shanghai time and in UTC', async () => {
    const utc = createHonourRollProjection({ timeZone: 'UTC' });
    await fc.assert(
      fc.asyncProperty(
        timelineArb,
        fc.integer({ min: 1, max: 4 }),
        thresholdsArb,
        async (steps, limit, thresholds) => {
          const { store } = await record(steps);
          const events = parseAll(await readAll(store));
          const shanghai = await expectRebuildEqualsIncremental(store, honourRollProjection, [], 1000);
          checkRolls(shanghai, factsOf(events, 8), limit, thresholds);
          const inUtc = await expectRebuildEqualsIncremental(store, utc, [], 1000);
          checkRolls(inUtc, factsOf(events, 0), limit, thresholds);
        },
      ),
      { numRuns: 40 },
    );
  });
});
