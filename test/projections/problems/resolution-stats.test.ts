import { describe, expect, it } from 'vitest';
import type { Recorded } from '../../../src/commands/aggregate.js';
import type { ProblemEvent } from '../../../src/domain/problem/events.js';
import { project } from '../../../src/projections/projection.js';
import {
  DEFAULT_12345_DEFINITIONS,
  nearestRank,
  periodKeyOf,
  PeriodSchema,
  query721,
  rates12345,
  report721,
  resolutionStatsProjection,
  TimeZoneSchema,
  type Period,
  type ResolutionStatsState,
} from '../../../src/projections/resolution-stats/index.js';
import { gridA, gridB, gridC, plusHours, Story } from './support.js';

const MARCH: Period = { kind: 'month', key: '2026-03' };
const START = '2026-03-02T01:00:00.000Z';
const LATER = '2026-06-01T00:00:00.000Z';

const stateOf = (events: readonly Recorded<ProblemEvent>[]): ResolutionStatsState =>
  project(resolutionStatsProjection, events);

/** Seven problems solved in the grid, two in the community, one escalated twice and solved at the street. */
const changzhouMonth = async (): Promise<Story> => {
  const story = new Story();
  for (let i = 0; i < 7; i++) await story.solved(`p-g${i}`, plusHours(START, i * 24), { tier: 'grid' });
  for (let i = 0; i < 2; i++) await story.solved(`p-c${i}`, plusHours(START, i * 24), { tier: 'community' });
  const at = plusHours(START, 100);
  await story.report('p-s0', at, { category: 'fire-lane-obstruction' });
  await story.triage('p-s0', at, { tier: 'grid' });
  await story.escalate('p-s0', plusHours(at, 1));
  await story.escalate('p-s0', plusHours(at, 2));
  await story.resolve('p-s0', plusHours(at, 30));
  return story;
};

describe('the 721 figures', () => {
  it('give 70/20/10 and no deviation for 7 problems solved in the grid, 2 in the community, 1 at the street', async () => {
    const state = stateOf(await (await changzhouMonth()).events());
    const figures = query721(state, { period: MARCH, asOf: LATER });
    expect(figures.reported).toBe(10);
    expect(figures.resolved).toBe(10);
    expect(figures.resolvedByTier).toEqual({ grid: 7, community: 2, street: 1, department: 0 });
    expect(figures.shares).toEqual({
      grid: { resolved: 7, share: 0.7, target: 0.7, deviation: 0 },
      community: { resolved: 2, share: 0.2, target: 0.2, deviation: 0 },
      streetAndAbove: { resolved: 1, share: 0.1, target: 0.1, deviation: 0 },
    });
    expect(figures.completionRate).toBe(1);
    expect(figures.open).toBe(0);
  });

  it('report the deviation from the target, and count departments with the street', async () => {
    const story = new Story();
    await story.solved('p-1', START, { tier: 'grid' });
    await story.solved('p-2', START, { tier: 'department' });
    await story.solved('p-3', START, { tier: 'street' });
    await story.solved('p-4', START, { tier: 'community' });
    const figures = query721(stateOf(await story.events()), {
      period: MARCH,
      asOf: LATER,
      targets: { grid: 0.5, community: 0.3, streetAndAbove: 0.2 },
    });
    expect(figures.shares.grid).toEqual({ resolved: 1, share: 0.25, target: 0.5, deviation: -0.25 });
    expect(figures.shares.streetAndAbove.resolved).toBe(2);
    expect(figures.shares.streetAndAbove.share).toBe(0.5);
    expect(figures.shares.streetAndAbove.deviation).toBeCloseTo(0.3, 12);
  });

  it('count a problem resolved after its deadline as not on time', async () => {
    const story = new Story();
    await story.solved('p-fast', START, { hours: 10, dueHours: 24 });
    await story.solved('p-late', START, { hours: 30, dueHours: 24 });
    await story.solved('p-exact', START, { hours: 24, dueHours: 24 });
    const figures = query721(stateOf(await story.events()), { period: MARCH, asOf: LATER });
    expect(figures.resolved).toBe(3);
    expect(figures.onTime).toBe(2);
    expect(figures.onTimeRate).toBeCloseTo(2 / 3, 12);
  });

  it('judge the deadline in force when the problem was resolved, after an escalation moved it', async () => {
    const story = new Story();
    await story.report('p-1', START);
    await story.triage('p-1', START, { dueBy: plusHours(START, 24) });
    await story.escalate('p-1', plusHours(START, 20), plusHours(START, 96));
    await story.resolve('p-1', plusHours(START, 48));
    const figures = query721(stateOf(await story.events()), { period: MARCH, asOf: LATER });
    expect(figures.onTime).toBe(1);
    expect(figures.resolvedByTier.community).toBe(1);
  });

  it('count as overdue an open problem past its deadline at asOf, and only then', async () => {
    const story = new Story();
    await story.report('p-1', START);
    await story.triage('p-1', START, { dueBy: plusHours(START, 24) });
    await story.report('p-untriaged', START);
    await story.resolve('p-1', plusHours(START, 40));
    const state = stateOf(await story.events());
    const at = (hours: number) => query721(state, { period: MARCH, asOf: plusHours(START, hours) });
    expect([at(23).open, at(23).overdue]).toEqual([2, 0]);
    // Past the deadline and still unresolved; the untriaged problem has no deadline to miss.
    expect([at(25).open, at(25).overdue]).toEqual([2, 1]);
    // Resolved since: no longer overdue, but not on time either.
    expect(at(41)).toMatchObject({ open: 1, overdue: 0, resolved: 1, onTime: 0 });
  });

  it('count a reopened problem once, with the resolution standing at asOf', async () => {
    const story = new Story();
    await story.report('p-1', START);
    await story.triage('p-1', START, { tier: 'grid' });
    await story.resolve('p-1', plusHours(START, 5));
    await story.rate('p-1', plusHours(START, 6), false, 2);
    await story.reopen('p-1', plusHours(START, 7));
    await story.escalate('p-1', plusHours(START, 8));
    await story.resolve('p-1', plusHours(START, 20));
    const state = stateOf(await story.events());
    const before = query721(state, { period: MARCH, asOf: plusHours(START, 6) });
    expect(before.resolvedByTier).toMatchObject({ grid: 1, community: 0 });
    expect(before.hoursToResolve).toEqual({ median: 5, p90: 5 });
    const reopened = query721(state, { period: MARCH, asOf: plusHours(START, 7) });
    expect(reopened).toMatchObject({ resolved: 0, open: 1 });
    const after = query721(state, { period: MARCH, asOf: LATER });
    expect(after).toMatchObject({ reported: 1, resolved: 1, resolvedByTier: { grid: 0, community: 1 } });
    expect(after.hoursToResolve).toEqual({ median: 20, p90: 20 });
    // The unsatisfied rating stays the latest one until the reporter rates again.
    expect([after.rated, after.satisfied]).toEqual([1, 0]);
  });

  it('leave rejected problems out of every denominator but count them as reported', async () => {
    const story = new Story();
    await story.solved('p-1', START);
    await story.report('p-dup', START);
    await story.reject('p-dup', plusHours(START, 1), 'duplicate');
    await story.report('p-open', START);
    const figures = query721(stateOf(await story.events()), { period: MARCH, asOf: LATER });
    expect(figures).toMatchObject({ reported: 3, rejected: 1, accepted: 2, resolved: 1, open: 1 });
    expect(figures.completionRate).toBe(0.5);
    expect(figures.shares.grid.share).toBe(1);
  });

  it('rate satisfaction as satisfied ratings over ratings', async () => {
    const story = new Story();
    for (const [id, satisfied] of [
      ['p-1', true],
      ['p-2', true],
      ['p-3', false],
    ] as const) {
      await story.solved(id, START);
      await story.rate(id, plusHours(START, 3), satisfied, satisfied ? 5 : 2);
    }
    await story.solved('p-unrated', START);
    const figures = query721(stateOf(await story.events()), { period: MARCH, asOf: LATER });
    expect([figures.rated, figures.satisfied]).toEqual([3, 2]);
    expect(figures.satisfactionRate).toBeCloseTo(2 / 3, 12);
  });

  it('give the nearest-rank median and 90th percentile of the hours to resolve', async () => {
    const story = new Story();
    for (let h = 1; h <= 10; h++) await story.solved(`p-${h}`, START, { hours: h });
    const figures = query721(stateOf(await story.events()), { period: MARCH, asOf: LATER });
    expect(figures.hoursToResolve).toEqual({ median: 5, p90: 9 });
    expect(nearestRank([], 50)).toBeUndefined();
    expect(nearestRank([3, 1, 2], 50)).toBe(2);
    expect(
      nearestRank(
        Array.from({ length: 70 }, (_, i) => i + 1),
        90,
      ),
    ).toBe(63);
    expect(nearestRank([4, 8], 100)).toBe(8);
  });

  it('give nulls, not NaN, for an empty period', async () => {
    const state = stateOf(await (await changzhouMonth()).events());
    const figures = query721(state, { period: { kind: 'month', key: '2026-07' }, asOf: LATER });
    expect(figures).toMatchObject({
      reported: 0,
      completionRate: null,
      onTimeRate: null,
      satisfactionRate: null,
      hoursToResolve: { median: null, p90: null },
    });
    expect(figures.shares.grid).toEqual({ resolved: 0, share: null, target: 0.7, deviation: null });
  });

  it('ignore what happened after asOf, even problems reported in the period', async () => {
    const story = new Story();
    await story.solved('p-1', START);
    await story.report('p-2', '2026-03-20T00:00:00.000Z');
    const state = stateOf(await story.events());
    expect(query721(state, { period: MARCH, asOf: '2026-03-10T00:00:00.000Z' }).reported).toBe(1);
    expect(query721(state, { period: MARCH, asOf: '2026-03-31T00:00:00.000Z' }).reported).toBe(2);
  });

  it('cover a street, a community or a grid', async () => {
    const story = new Story();
    await story.solved('p-a', START, { path: gridA });
    await story.solved('p-b', START, { path: gridB });
    await story.solved('p-c', START, { path: gridC, tier: 'community' });
    const state = stateOf(await story.events());
    const reported = (scope: object) => query721(state, { scope, period: MARCH, asOf: LATER }).reported;
    expect(reported({})).toBe(3);
    expect(reported({ street: gridA.street })).toBe(3);
    expect(reported({ community: gridA.community })).toBe(2);
    expect(reported({ grid: gridB.grid })).toBe(1);
    expect(reported({ street: 'elsewhere' })).toBe(0);
  });
});

describe('periods in a time zone', () => {
  it('put 2026-03-31T17:00Z in April in Asia/Shanghai and in March in UTC', async () => {
    const story = new Story();
    await story.report('p-1', '2026-03-31T17:00:00.000Z');
    const state = stateOf(await story.events());
    const reported = (period: Period, timeZone?: string) =>
      query721(state, { period, asOf: LATER, ...(timeZone === undefined ? {} : { timeZone }) }).reported;
    expect(reported({ kind: 'month', key: '2026-04' })).toBe(1);
    expect(reported({ kind: 'month', key: '2026-03' })).toBe(0);
    expect(reported({ kind: 'quarter', key: '2026-Q2' })).toBe(1);
    expect(reported({ kind: 'month', key: '2026-03' }, 'UTC')).toBe(1);
    expect(reported({ kind: 'quarter', key: '2026-Q1' }, 'UTC')).toBe(1);
    expect(reported({ kind: 'year', key: '2026' }, 'America/New_York')).toBe(1);
  });

  it('name months, quarters and years, and follow daylight saving where a zone has it', () => {
    expect(periodKeyOf('2025-12-31T16:00:00.000Z', 'year', 'Asia/Shanghai')).toBe('2026');
    expect(periodKeyOf('2025-12-31T15:59:59.999Z', 'year', 'Asia/Shanghai')).toBe('2025');
    expect(periodKeyOf('2026-09-30T16:00:00.000Z', 'quarter', 'Asia/Shanghai')).toBe('2026-Q4');
    // New York is UTC-4 in summer and UTC-5 in winter.
    expect(periodKeyOf('2026-07-01T03:30:00.000Z', 'month', 'America/New_York')).toBe('2026-06');
    expect(periodKeyOf('2026-12-01T04:30:00.000Z', 'month', 'America/New_York')).toBe('2026-11');
  });

  it('refuse a malformed period or an unknown time zone instead of matching nothing', () => {
    const state: ResolutionStatsState = { problems: {} };
    expect(() => query721(state, { period: { kind: 'month', key: '2026-13' }, asOf: LATER })).toThrow(
      RangeError,
    );
    expect(() => query721(state, { period: { kind: 'quarter', key: '2026-03' }, asOf: LATER })).toThrow(
      RangeError,
    );
    expect(() => query721(state, { period: MARCH, asOf: LATER, timeZone: 'Mars/Olympus' })).toThrow(
      RangeError,
    );
    expect(() => query721(state, { period: MARCH, asOf: 'yesterday' })).toThrow(RangeError);
    expect(PeriodSchema.safeParse({ kind: 'year', key: '2026' }).success).toBe(true);
    expect(TimeZoneSchema.safeParse('Asia/Shanghai').success).toBe(true);
    expect(TimeZoneSchema.safeParse('Asia/Atlantis').success).toBe(false);
  });
});

describe('the 721 report', () => {
  it('lists every community of a street, those named with no problems too, and the street total', async () => {
    const story = new Story();
    await story.solved('p-a', START, { path: gridA });
    await story.solved('p-b', START, { path: gridB, tier: 'community' });
    await story.solved('p-c', START, { path: gridC });
    await story.report('p-elsewhere', START, {
      path: { street: 'far-st', community: 'far', grid: 'far.g1' },
    });
    const report = report721(stateOf(await story.events()), {
      scope: { street: 'longtanzi-st' },
      by: 'community',
      period: MARCH,
      asOf: LATER,
      units: ['quiet-community'],
    });
    expect(report.rows.map((row) => [row.unit, row.figures.reported])).toEqual([
      ['baiyun', 1],
      ['longtanzi', 2],
      ['quiet-community', 0],
    ]);
    expect(report.rows[1]!.figures.shares.grid.share).toBe(0.5);
    expect(report.total.reported).toBe(3);
    expect(report.timeZone).toBe('Asia/Shanghai');
  });

  it('lists the grids of a community', async () => {
    const story = new Story();
    await story.solved('p-a', START, { path: gridA });
    await story.solved('p-b', START, { path: gridB });
    await story.solved('p-c', START, { path: gridC });
    const report = report721(stateOf(await story.events()), {
      scope: { community: 'longtanzi' },
      by: 'grid',
      period: MARCH,
      asOf: LATER,
    });
    expect(report.rows.map((row) => row.unit)).toEqual([gridA.grid, gridB.grid]);
  });
});

describe("Beijing's 12345 rates", () => {
  const rateStory = async (): Promise<Story> => {
    const story = new Story();
    // Answered within a day, resolved, closed, satisfied.
    await story.solved('p-1', START);
    await story.rate('p-1', plusHours(START, 3), true, 5);
    await story.close('p-1', plusHours(START, 4));
    // Answered after 30 hours, resolved, "basically satisfied" but not satisfied.
    await story.report('p-2', START);
    await story.triage('p-2', plusHours(START, 30));
    await story.resolve('p-2', plusHours(START, 40));
    await story.rate('p-2', plusHours(START, 41), false, 4);
    // Turned away within the hour: an answer, not a resolution.
    await story.report('p-3', START);
    await story.reject('p-3', plusHours(START, 1), 'out-of-scope');
    // Reported two hours before asOf and not answered yet.
    await story.report('p-4', plusHours(START, 46));
    return story;
  };
  const asOf = plusHours(START, 48);

  it('count by the default definitions', async () => {
    const rates = rates12345(stateOf(await (await rateStory()).events()), { period: MARCH, asOf });
    // p-4 is still inside its 24-hour window: left out until it closes.
    expect(rates.response).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
    expect(rates.resolution).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
    expect(rates.satisfaction).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(DEFAULT_12345_DEFINITIONS).toMatchObject({ responseHours: 24, satisfiedWhen: 'flag' });
  });

  it('count by configured definitions', async () => {
    const rates = rates12345(stateOf(await (await rateStory()).events()), {
      period: MARCH,
      asOf: plusHours(START, 90),
      definitions: {
        responseHours: 36,
        responseOver: 'accepted',
        resolvedWhen: 'closed',
        resolutionOver: 'reported',
        satisfiedWhen: { minScore: 4 },
      },
    });
    // p-4's 36-hour window has closed unanswered; p-3 (rejected) is left out of the response rate.
    expect(rates.response).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
    expect(rates.resolution).toEqual({ numerator: 1, denominator: 4, rate: 0.25 });
    expect(rates.satisfaction).toEqual({ numerator: 2, denominator: 2, rate: 1 });
  });

  it('refuse invalid definitions', async () => {
    const state = stateOf(await (await rateStory()).events());
    expect(() => rates12345(state, { period: MARCH, asOf, definitions: { responseHours: -1 } })).toThrow();
  });
});
