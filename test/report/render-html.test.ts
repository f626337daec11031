/** The HTML report as a file: self-contained, one chart per figure, tables that tell the same numbers. */
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeEventLine } from '../../src/audit/history-line.js';
import { query721 } from '../../src/projections/resolution-stats/query-721.js';
import { buildReport } from '../../src/report/build-report.js';
import { formatCount, formatPercent, formatPoints } from '../../src/report/format.js';
import { escapeHtml } from '../../src/report/html-escape.js';
import { renderReportHtml } from '../../src/report/render-html.js';
import type { ReportData } from '../../src/report/report-data.js';
import { parseText, toRecorded, writeText } from '../audit/support/history-text.js';
import { DISTRICT_LAST_EVENT, historyText, recordDistrict } from './support/district.js';
import { foldStore, type StoreModels } from './support/fold-store.js';
import { tableRows, textOf } from './support/html-tables.js';

const fromText = (text: string): Readable => Readable.from([Buffer.from(text, 'utf8')]);
const percent = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

let text: string;
let models: StoreModels;
let data: ReportData;
let html: string;

beforeAll(async () => {
  const governance = await recordDistrict();
  text = await historyText(governance);
  models = await foldStore(governance);
  data = await buildReport(fromText(text));
  html = renderReportHtml(data);
});

describe('renderReportHtml', () => {
  it('is one self-contained document: no URL, no script, nothing to fetch', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    for (const needle of [
      'http://',
      'https://',
      'src=',
      '<script',
      '<link',
      '<img',
      '<iframe',
      'url(',
      '@import',
      '//cdn',
    ]) {
      expect(html.toLowerCase()).not.toContain(needle);
    }
    // Every href points inside the page, and there are no event handlers to run.
    expect([...html.matchAll(/href="([^"]*)"/g)].every((match) => match[1]?.startsWith('#'))).toBe(true);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('draws each of the seven charts as inline SVG with a title and a description', () => {
    const svgs = [...html.matchAll(/<svg class="chart" id="([^"]+)"[^>]*>([\s\S]*?)<\/svg>/g)];
    expect(svgs.map((svg) => svg[1])).toEqual([
      'chart-721',
      'chart-721-monthly',
      'chart-721-grids',
      'chart-monthly',
      'chart-backlog',
      'chart-12345',
      'chart-satisfaction',
    ]);
    for (const [whole, id, body] of svgs) {
      expect(whole).toContain(`aria-labelledby="${id}-title ${id}-desc"`);
      expect(whole).toContain('role="img"');
      expect(body).toMatch(
        new RegExp(`^<title id="${id}-title">[^<]+</title><desc id="${id}-desc">[^<]+</desc>`),
      );
    }
    expect(html.match(/<svg/g)).toHaveLength(7);
    // The monthly chart stacks a segment per tier and month with a count; the lines have a dot per month
    // with a value (two for the backlog, three 12345 rates, satisfaction).
    expect(html).toContain('<title>2026-01 Grid 网格: 2</title>');
    const rates = data.months.flatMap((month) => [
      month.rates.response.rate,
      month.rates.resolution.rate,
      month.rates.satisfaction.rate,
      month.figures.satisfactionRate,
    ]);
    expect(html.match(/<circle /g)).toHaveLength(
      data.months.length * 2 + rates.filter((rate) => rate !== null).length,
    );
  });

  it('shows the monthly figures of query721 in the table under the chart', () => {
    const { body, footer } = tableRows(html, 'table-monthly');
    expect(body).toEqual(
      data.months.map(({ month }) => {
        const figures = query721(models.stats, {
          period: { kind: 'month', key: month },
          asOf: DISTRICT_LAST_EVENT,
        });
        return [
          month,
          String(figures.reported),
          String(figures.rejected),
          String(figures.resolvedByTier.grid),
          String(figures.resolvedByTier.community),
          String(figures.resolvedByTier.street),
          String(figures.resolvedByTier.department),
          String(figures.open),
          percent(figures.completionRate),
        ];
      }),
    );
    expect(footer[0]?.slice(0, 2)).toEqual(['Total', '18']);
  });

  it("shows each community's 721 shares of query721 against the target", () => {
    const { body, footer } = tableRows(html, 'table-721');
    expect(body.map((row) => row[0])).toEqual(['baiyun', 'longtan', 'qingshui']);
    for (const row of body) {
      const figures = query721(models.stats, {
        scope: { community: row[0] },
        period: { kind: 'year', key: '2026' },
        asOf: DISTRICT_LAST_EVENT,
      });
      const { grid, community, streetAndAbove } = figures.shares;
      const points = (share: number | null, target: number) =>
        share === null
          ? '—'
          : `${share > target ? '+' : ''}${((share - target) * 100).toFixed(1)} pp`
              .replace('-0.0', '0.0')
              .replace('+0.0', '0.0');
      expect(row.slice(2)).toEqual([
        String(figures.reported),
        String(figures.resolved),
        ...[grid, community, streetAndAbove].flatMap((bucket) => [
          String(bucket.resolved),
          percent(bucket.share),
          points(bucket.share, bucket.target),
        ]),
      ]);
    }
    // Baiyun: one grid, one street and two department resolutions; 25% in the grid against 70%.
    expect(body[0]).toEqual([
      'baiyun',
      'baiyun-st',
      '4',
      '4',
      '1',
      '25.0%',
      '-45.0 pp',
      '0',
      '0.0%',
      '-20.0 pp',
      '3',
      '75.0%',
      '+65.0 pp',
    ]);
    expect(footer[0]?.[0]).toBe('All communities');
  });

  it('shows the backlog, the satisfaction and the ledger in tables', () => {
    expect(tableRows(html, 'table-backlog').body).toEqual([
      ['2026-01', '2026-01-31 23:59', '1', '0'],
      ['2026-02', '2026-02-28 23:59', '2', '1'],
      ['2026-03', '2026-03-31 23:59', '1', '1'],
      ['2026-04', '2026-04-20 18:00', '2', '1'],
    ]);
    const satisfaction = tableRows(html, 'table-satisfaction');
    expect(satisfaction.body).toEqual(
      data.months.map(({ month, figures }) => [
        month,
        String(figures.rated),
        String(figures.satisfied),
        percent(figures.satisfactionRate),
      ]),
    );
    expect(satisfaction.footer[0]).toEqual(['Total', '11', '9', '81.8%']);
    expect(tableRows(html, 'table-ledger').footer[0]).toEqual(['Total', '18', '2', '1', '14', '2']);
  });

  it('states the instant it was judged at, from the history, and the history it was drawn from', () => {
    expect(html).toContain(`<time datetime="${DISTRICT_LAST_EVENT}">2026-04-20 18:00 (Asia/Shanghai)</time>`);
    expect(html).toContain(data.history.digest);
    expect(textOf(html)).toContain('721 shares per community against the target 721 分级解决占比');
    expect(html).toContain('<span lang="zh-CN">台账</span>'.replace('台账', '问题台账'));
  });

  it('gives the same bytes for the same history, however it is read', async () => {
    const again = renderReportHtml(await buildReport(fromText(text), { batchSize: 2 }));
    expect(again).toBe(html);
    const chunked = Readable.from(text.match(/[\s\S]{1,97}/g)?.map((chunk) => Buffer.from(chunk)) ?? []);
    expect(renderReportHtml(await buildReport(chunked))).toBe(html);
  });

  it('escapes whatever text reaches it', () => {
    const hostile = '<script>alert("x")</script>';
    const page = renderReportHtml({
      ...data,
      timeZone: 'UTC',
      communities: data.communities.map((line, index) =>
        index === 0 ? { ...line, community: hostile, street: `"><img src=x onerror=alert(1)>` } : line,
      ),
      categories: [{ category: `a&b'<b>`, reported: 1, open: 0, overdue: 0, resolved: 1, rejected: 0 }],
      // Names come from the directory's events, resident ids from the points events: as untrusted.
      grids: data.grids.map((line) => ({ ...line, name: hostile })),
      points: {
        ...data.points,
        communities: [
          {
            community: 'baiyun',
            name: hostile,
            issued: 5,
            redeemed: 0,
            adjusted: 0,
            outstanding: 5,
            residents: 1,
          },
        ],
      },
      honour: {
        ...data.honour,
        top: [{ residentId: hostile, community: hostile, points: 5, verifiedTasks: 1, rank: 1 }],
      },
    });
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<b>');
    expect(page).toContain(escapeHtml(hostile));
    expect(page).toContain('a&amp;b&#39;&lt;b&gt;');
    expect(tableRows(page, 'table-721').body[0]?.slice(0, 2)).toEqual([
      hostile,
      `"><img src=x onerror=alert(1)>`,
    ]);
    expect(tableRows(page, 'table-ledger').body[0]?.[0]).toBe(`a&b'<b>`);
    expect(tableRows(page, 'table-721-grids').body[0]?.[0]).toBe(`${hostile} (baiyun.g1)`);
    expect(tableRows(page, 'table-points').body[0]?.[0]).toBe(`${hostile} (baiyun)`);
    expect(tableRows(page, 'table-honour').body[0]?.slice(1, 3)).toEqual([hostile, hostile]);
  });

  it('leaves out, names and escapes the events of a history that are not linli events', async () => {
    const { events, trailer } = parseText(text);
    // The first problem report, after the directory's events.
    const at = events.findIndex((event) => event.type === 'ProblemReported');
    const original = events[at]!;
    const data = original.data as { path: Record<string, string> };
    // A forger's line: a hostile stream name, and a community id no schema accepts.
    const forged = {
      ...original,
      streamId: 'problem-<script>alert(1)</script>',
      data: { ...data, path: { ...data.path, community: '<script>alert(2)</script>' } },
    };
    expect(encodeEventLine(toRecorded(forged))).toContain('<script>');
    const page = renderReportHtml(
      await buildReport(
        fromText(writeText([...events.slice(0, at), forged, ...events.slice(at + 1)], trailer)),
      ),
    );
    expect(page).not.toContain('<script');
    expect(page).toContain('problem-&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(textOf(page)).toMatch(
      new RegExp(
        `1 of \\d+ events are not valid linli events and were left out of every figure: line ${at + 1} \\(problem-<script>`,
      ),
    );
    // The forged line changed the file, so the trailer no longer matches it either.
    expect(textOf(page)).toContain('does not match its trailer');
  });

  it('renders an empty history with empty charts rather than failing', async () => {
    const empty = renderReportHtml(await buildReport(fromText(writeText([], 'recompute'))));
    expect(empty.match(/<svg/g)).toHaveLength(7);
    expect(textOf(empty)).toContain('The history holds no events');
    expect(empty).toContain('No problems reported');
    expect(empty).not.toContain('http');
  });

  it('writes numbers the same way on every machine', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(999)).toBe('999');
    expect(formatPercent(0.7)).toBe('70.0%');
    expect(formatPercent(null)).toBe('—');
    expect(formatPoints(-0.00001)).toBe('0.0 pp');
    expect(formatPoints(0.125)).toBe('+12.5 pp');
    expect(formatPoints(-0.2)).toBe('-20.0 pp');
  });
});
