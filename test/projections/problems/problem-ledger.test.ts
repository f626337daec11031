import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Recorded } from '../../../src/commands/aggregate.js';
import { problemDecider } from '../../../src/domain/problem/decider.js';
import type { ProblemEvent } from '../../../src/domain/problem/events.js';
import { fold } from '../../../src/domain/shared/decider.js';
import {
  ledgerRows,
  monthlyLedgerReport,
  problemLedgerProjection,
  type ProblemLedgerState,
} from '../../../src/projections/problem-ledger/index.js';
import { project } from '../../../src/projections/projection.js';
import { keyAtOffset } from './recount.js';
import { gridA, gridC, historyArbitrary, plusHours, recordSteps, Story } from './support.js';

const START = '2026-03-02T01:00:00.000Z';
const ledgerOf = (events: readonly Recorded<ProblemEvent>[]): ProblemLedgerState =>
  project(problemLedgerProjection, events);

describe('a ledger row', () => {
  it('follows a problem from report to closure', async () => {
    const story = new Story();
    await story.report('p-1', START, { category: 'other', media: ['https://media.example.org/a.jpg'] });
    await story.triage('p-1', plusHours(START, 1), { category: 'blocked-pipe', tier: 'community' });
    await story.escalate('p-1', plusHours(START, 2));
    await story.resolve('p-1', plusHours(START, 50), 'pipe cleared by the street');
    await story.rate('p-1', plusHours(START, 51), true, 5);
    await story.close('p-1', plusHours(START, 52));
    const row = ledgerOf(await story.events()).rows['p-1']!;
    expect(row).toMatchObject({
      problemId: 'p-1',
      path: gridA,
      category: 'blocked-pipe',
      reportedCategory: 'other',
      channel: 'app',
      media: ['https://media.example.org/a.jpg'],
      reportedAt: START,
      triagedAt: plusHours(START, 1),
      status: 'closed',
      priority: 'normal',
      tier: 'street',
      escalations: 1,
      resolvedTier: 'street',
      resolvedAt: plusHours(START, 50),
      resolution: 'pipe cleared by the street',
      resolvedOnTime: true,
      rating: { satisfied: true, score: 5 },
      reopenings: 0,
      closedAt: plusHours(START, 52),
      statusNote: 'pipe cleared by the street',
      updatedAt: plusHours(START, 52),
      revision: 5,
    });
  });

  it('drops the resolution when reopened but keeps the rating that caused it', async () => {
    const story = new Story();
    await story.solved('p-1', START);
    await story.rate('p-1', plusHours(START, 3), false, 1);
    await story.reopen('p-1', plusHours(START, 4));
    const row = ledgerOf(await story.events()).rows['p-1']!;
    expect(row).toMatchObject({
      status: 'triaged',
      tier: 'grid',
      reopenings: 1,
      statusNote: 'still leaking',
    });
    expect(row.rating).toEqual({ satisfied: false, score: 1 });
    expect(row.resolvedTier).toBeUndefined();
    expect(row.resolvedAt).toBeUndefined();
    expect(row.resolution).toBeUndefined();
    expect(row.resolvedOnTime).toBeUndefined();
  });

  it('records why a problem was turned away', async () => {
    const story = new Story();
    await story.report('p-1', START);
    await story.reject('p-1', plusHours(START, 1), 'duplicate');
    const row = ledgerOf(await story.events()).rows['p-1']!;
    expect(row.status).toBe('rejected');
    expect(row.rejection).toEqual({
      at: plusHours(START, 1),
      reason: 'duplicate',
      duplicateOf: 'p-original',
    });
    expect(row.statusNote).toBe('duplicate');
  });

  it('agrees with the aggregate on status, tier, deadline, category and resolving tier', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary, async (steps) => {
        const { events } = await recordSteps(steps);
        const ledger = ledgerOf(events);
        const ids = [...new Set(events.map((e) => e.data.problemId))];
        expect(Object.keys(ledger.rows).sort()).toEqual(ids.sort());
        for (const id of ids) {
          const state = fold(
            problemDecider,
            events.filter((e) => e.data.problemId === id),
          );
          if (state.status === 'unreported') throw new Error('every problem was reported');
          const row = ledger.rows[id]!;
          expect(row.status).toBe(state.status);
          expect(row.tier).toBe(state.tier);
          expect(row.dueBy).toBe(state.dueBy);
          expect(row.category).toBe(state.category);
          expect(row.priority).toBe(state.priority);
          expect(row.resolvedTier).toBe(state.resolvedTier);
          if (state.rating !== undefined) expect(row.rating).toEqual(state.rating);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('the ledger rows', () => {
  it('list a scope oldest first, flagging open problems past their deadline at asOf', async () => {
    const story = new Story();
    await story.report('p-late', plusHours(START, 1));
    await story.triage('p-late', plusHours(START, 1), { dueBy: plusHours(START, 10) });
    await story.solved('p-done', START, { hours: 30, dueHours: 5 });
    await story.report('p-waiting', plusHours(START, 2));
    await story.report('p-other', START, { path: gridC });
    const rows = ledgerRows(ledgerOf(await story.events()), {
      scope: { community: gridA.community },
      asOf: plusHours(START, 20),
    });
    expect(rows.map((row) => [row.problemId, row.overdue])).toEqual([
      ['p-done', false],
      ['p-late', true],
      ['p-waiting', false],
    ]);
    expect(rows[0]!.resolvedOnTime).toBe(false);
  });
});

describe('the monthly ledger report', () => {
  const story = async (): Promise<ProblemLedgerState> => {
    const s = new Story();
    // February: one settled in February, one still open, one resolved in March, one rejected in March.
    await s.solved('p-feb-done', '2026-02-10T02:00:00.000Z');
    await s.report('p-feb-open', '2026-02-20T02:00:00.000Z');
    await s.triage('p-feb-open', '2026-02-20T03:00:00.000Z', { dueBy: '2026-02-21T03:00:00.000Z' });
    await s.report('p-feb-to-march', '2026-02-25T02:00:00.000Z', { category: 'noise' });
    await s.triage('p-feb-to-march', '2026-02-25T03:00:00.000Z', { tier: 'community' });
    await s.resolve('p-feb-to-march', '2026-03-03T02:00:00.000Z');
    await s.report('p-feb-rejected', '2026-02-26T02:00:00.000Z');
    await s.reject('p-feb-rejected', '2026-03-01T02:00:00.000Z');
    // March, in Asia/Shanghai: the first report at 00:30 local time on 1 March.
    await s.solved('p-mar-1', '2026-02-28T16:30:00.000Z');
    await s.report('p-mar-2', '2026-03-10T02:00:00.000Z', { category: 'street-light' });
    await s.report('p-mar-other', '2026-03-10T02:00:00.000Z', { path: gridC });
    // 1 April local time: not March.
    await s.report('p-apr', '2026-03-31T16:30:00.000Z');
    return ledgerOf(await s.events());
  };

  it("lists the month's new problems and those carried over, and counts them", async () => {
    const report = monthlyLedgerReport(await story(), {
      community: gridA.community,
      month: '2026-03',
      asOf: '2026-03-24T00:00:00.000Z',
    });
    expect(report.lines.map((line) => [line.problemId, line.carriedOver])).toEqual([
      ['p-feb-open', true],
      ['p-feb-to-march', true],
      ['p-feb-rejected', true],
      ['p-mar-1', false],
      ['p-mar-2', false],
    ]);
    expect(report).toMatchObject({
      community: 'longtanzi',
      month: '2026-03',
      timeZone: 'Asia/Shanghai',
      fileBefore: '2026-03-25',
      reportedInMonth: 2,
      carriedOver: 3,
      settledInMonth: 3,
    });
    expect(report.tally).toEqual({
      byCategory: { 'garbage-collection': 3, noise: 1, 'street-light': 1 },
      byStatus: { reported: 1, triaged: 1, resolved: 2, closed: 0, rejected: 1 },
      byTier: { grid: 2, community: 1, street: 0, department: 0, untriaged: 2 },
      overdue: 1,
    });
  });

  it('buckets months in the time zone asked for', async () => {
    const state = await story();
    const utc = monthlyLedgerReport(state, {
      community: gridA.community,
      month: '2026-03',
      asOf: '2026-04-24T00:00:00.000Z',
      timeZone: 'UTC',
    });
    const ids = utc.lines.map((line) => line.problemId);
    expect(ids).toContain('p-apr');
    // Reported and solved on 28 February in UTC: settled before March began.
    expect(ids).not.toContain('p-mar-1');
  });

  it('refuses a malformed month', async () => {
    const state = await story();
    expect(() =>
      monthlyLedgerReport(state, { community: 'longtanzi', month: '2026-3', asOf: START }),
    ).toThrow(RangeError);
  });

  it('holds every problem on the books in the month, and its counts add up', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary, fc.nat(), async (steps, pick) => {
        const { events } = await recordSteps(steps);
        const ledger = ledgerOf(events);
        const reports = events.filter((e) => e.type === 'ProblemReported');
        const chosen = reports[pick % reports.length]!;
        if (chosen.type !== 'ProblemReported') throw new Error('filtered');
        const month = keyAtOffset(chosen.metadata.occurredAt, 'month', 8);
        const report = monthlyLedgerReport(ledger, {
          community: chosen.data.path.community,
          month,
          asOf: '2030-01-01T00:00:00.000Z',
        });
        // Brute force: reported by the month's end, and not settled before it began.
        const expected = reports
          .filter((r) => r.type === 'ProblemReported' && r.data.path.community === chosen.data.path.community)
          .filter((r) => keyAtOffset(r.metadata.occurredAt, 'month', 8) <= month)
          .filter((r) => {
            let settled: string | undefined;
            for (const e of events.filter((x) => x.data.problemId === r.data.problemId)) {
              if (e.type === 'ProblemResolved' || e.type === 'ProblemRejected')
                settled = e.metadata.occurredAt;
              if (e.type === 'ProblemReopened') settled = undefined;
            }
            return settled === undefined || keyAtOffset(settled, 'month', 8) >= month;
          })
          .map((r) => r.data.problemId);
        expect(report.lines.map((line) => line.problemId).sort()).toEqual(expected.sort());
        const total = report.lines.length;
        const sum = (counts: Readonly<Record<string, number>>) =>
          Object.values(counts).reduce((n, c) => n + c, 0);
        expect(sum(report.tally.byCategory)).toBe(total);
        expect(sum(report.tally.byStatus)).toBe(total);
        expect(sum(report.tally.byTier)).toBe(total);
        expect(report.reportedInMonth + report.carriedOver).toBe(total);
        expect(report.reportedInMonth).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});
