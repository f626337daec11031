/** The report's figures, computed from a history file, against the 721 queries over the same history. */
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { ledgerRows } from '../../src/projections/problem-ledger/ledger-rows.js';
import { query721, type Figures721 } from '../../src/projections/resolution-stats/query-721.js';
import { buildReport } from '../../src/report/build-report.js';
import type { ReportData } from '../../src/report/report-data.js';
import { DISTRICT_LAST_EVENT, historyText, recordDistrict } from './support/district.js';
import { foldStore, type StoreModels } from './support/fold-store.js';

const fromText = (text: string): Readable => Readable.from([Buffer.from(text, 'utf8')]);

let text: string;
let models: StoreModels;
let report: ReportData;

beforeAll(async () => {
  const governance = await recordDistrict();
  text = await historyText(governance);
  models = await foldStore(governance);
  report = await buildReport(fromText(text));
});

/** Adds the counts of several cohorts' figures (the shares are ratios and are checked separately). */
const countsOf = (figures: Figures721) => ({
  reported: figures.reported,
  rejected: figures.rejected,
  resolved: figures.resolved,
  resolvedByTier: figures.resolvedByTier,
  open: figures.open,
  overdue: figures.overdue,
  onTime: figures.onTime,
  rated: figures.rated,
  satisfied: figures.satisfied,
});

describe('buildReport', () => {
  it('judges every figure at the last event of the history, never at the wall clock', () => {
    expect(report.asOf).toBe(DISTRICT_LAST_EVENT);
    expect(models.lastEventAt).toBe(DISTRICT_LAST_EVENT);
    expect(report.timeZone).toBe('Asia/Shanghai');
    expect(report.history.skipped).toBe(0);
    expect(report.history.integrity).toEqual([]);
    expect(report.history.events).toBe(text.trimEnd().split('\n').length - 1);
  });

  it('lists every month from the first report to the last event, each equal to query721 for that month', () => {
    expect(report.months.map((month) => month.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    for (const month of report.months) {
      expect(month.figures).toEqual(
        query721(models.stats, { period: { kind: 'month', key: month.month }, asOf: DISTRICT_LAST_EVENT }),
      );
    }
  });

  it("gives each community its whole history's figures, equal to query721 over the year", () => {
    expect(report.communities.map((line) => [line.community, line.street])).toEqual([
      ['baiyun', 'baiyun-st'],
      ['longtan', 'longtan-st'],
      ['qingshui', 'longtan-st'],
    ]);
    for (const { community, figures } of report.communities) {
      expect(figures).toEqual(
        query721(models.stats, {
          scope: { community },
          period: { kind: 'year', key: '2026' },
          asOf: DISTRICT_LAST_EVENT,
        }),
      );
    }
    expect(report.total).toEqual(
      query721(models.stats, { period: { kind: 'year', key: '2026' }, asOf: DISTRICT_LAST_EVENT }),
    );
  });

  it('counts the backlog at each month end as the monthly cohorts judged at that instant add up', () => {
    for (const [index, month] of report.months.entries()) {
      const at = month.backlog.at;
      const cohorts = report.months
        .slice(0, index + 1)
        .map((earlier) =>
          query721(models.stats, { period: { kind: 'month', key: earlier.month }, asOf: at }),
        );
      expect(month.backlog.open).toBe(cohorts.reduce((sum, figures) => sum + figures.open, 0));
      expect(month.backlog.overdue).toBe(cohorts.reduce((sum, figures) => sum + figures.overdue, 0));
    }
    // The story: p-long open over January's end, overdue by February's, when p-feb-3 still waits for
    // triage; p-mar-4 overdue from March; p-apr-2 waiting at the last event.
    expect(report.months.map(({ backlog }) => [backlog.open, backlog.overdue])).toEqual([
      [1, 0],
      [2, 1],
      [1, 1],
      [2, 1],
    ]);
  });

  it('takes month ends as local midnights in the time zone, the last one at the last event', () => {
    expect(report.months.map(({ backlog }) => backlog.at)).toEqual([
      '2026-01-31T15:59:59.999Z',
      '2026-02-28T15:59:59.999Z',
      '2026-03-31T15:59:59.999Z',
      DISTRICT_LAST_EVENT,
    ]);
  });

  it('counts months in the time zone asked for', async () => {
    const utc = await buildReport(fromText(text), { timeZone: 'UTC' });
    const reportedIn = (data: ReportData, key: string) =>
      data.months.find((month) => month.month === key)?.figures.reported;
    // p-edge was reported at 01:30 on 1 February in Shanghai, 17:30 on 31 January in UTC.
    expect(reportedIn(report, '2026-01')).toBe(6);
    expect(reportedIn(utc, '2026-01')).toBe(7);
    expect(reportedIn(utc, '2026-02')).toBe((reportedIn(report, '2026-02') ?? 0) - 1);
    expect(utc.months.at(-2)?.backlog.at).toBe('2026-03-31T23:59:59.999Z');
    expect(countsOf(utc.total)).toEqual(countsOf(report.total));
  });

  it('counts the problem ledger by category, agreeing with the statistics on what is open', () => {
    const rows = ledgerRows(models.ledger, { asOf: DISTRICT_LAST_EVENT });
    expect(report.categories.map((line) => line.category)).toEqual(
      [...new Set(rows.map((row) => row.category))].sort(),
    );
    const sum = (key: 'reported' | 'open' | 'overdue' | 'rejected') =>
      report.categories.reduce((total, line) => total + line[key], 0);
    expect(sum('reported')).toBe(report.total.reported);
    expect(sum('open')).toBe(report.total.open);
    expect(sum('overdue')).toBe(report.total.overdue);
    expect(sum('rejected')).toBe(report.total.rejected);
    expect(report.categories.find((line) => line.category === 'garbage-collection')).toEqual({
      category: 'garbage-collection',
      reported: 8,
      open: 0,
      overdue: 0,
      resolved: 6,
      rejected: 2,
    });
  });

  it('comes out the same whatever the batch size of the fold', async () => {
    for (const batchSize of [1, 3, 10_000]) {
      expect(await buildReport(fromText(text), { batchSize })).toEqual(report);
    }
  });

  it('refuses an unknown time zone before reading anything', async () => {
    await expect(buildReport('/nonexistent/history.jsonl', { timeZone: 'Mars/Olympus' })).rejects.toThrow(
      RangeError,
    );
  });
});
