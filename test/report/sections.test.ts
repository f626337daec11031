/**
 * The sections a street office reads every month, in the HTML, against the library's own queries over the
 * same district: the monthly and per-grid 721, the 12345 rates, the overdue list, the points ledger and the
 * honour roll, with units named from the directory where it has them.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { starRatings } from '../../src/projections/honour-roll/star-ratings.js';
import { topContributors } from '../../src/projections/honour-roll/top-contributors.js';
import { communityPoints, residentAccount } from '../../src/projections/points-ledger/queries.js';
import { ledgerRows } from '../../src/projections/problem-ledger/ledger-rows.js';
import { query721 } from '../../src/projections/resolution-stats/query-721.js';
import { rates12345 } from '../../src/projections/resolution-stats/rates-12345.js';
import type { Governance } from '../../src/commands/governance.js';
import type { ReadModels } from '../../src/projections/read-models.js';
import { buildReport } from '../../src/report/build-report.js';
import { renderReportHtml } from '../../src/report/render-html.js';
import type { ReportData } from '../../src/report/report-data.js';
import { BAIYUN_G1, DISTRICT_LAST_EVENT, historyText, recordDistrict } from './support/district.js';
import { DIRECTORY_NAMES } from './support/directory.js';
import { tableRows } from './support/html-tables.js';
import { recordVolunteering } from './support/volunteering.js';

const asOf = DISTRICT_LAST_EVENT;
const percent = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const points = (share: number | null, target: number): string => {
  if (share === null) return '—';
  const text = ((share - target) * 100).toFixed(1);
  return text === '0.0' || text === '-0.0' ? '0.0 pp' : `${share > target ? '+' : ''}${text} pp`;
};

let governance: Governance;
let models: ReadModels;
let text: string;
let data: ReportData;
let html: string;

beforeAll(async () => {
  governance = await recordDistrict({ names: DIRECTORY_NAMES });
  await recordVolunteering(governance);
  const read = await governance.readModels();
  if (isLeft(read)) throw new Error(read.left.message);
  models = read.right;
  text = await historyText(governance);
  data = await buildReport(Readable.from([Buffer.from(text)]));
  html = renderReportHtml(data);
});

describe('the monthly report sections', () => {
  it("is still judged at the district's last problem event: the volunteering came before it", () => {
    expect(data.asOf).toBe(asOf);
  });

  it('shows the 721 shares of every month as query721 counts them, against the target', () => {
    const { body, footer } = tableRows(html, 'table-721-monthly');
    expect(body).toEqual(
      ['2026-01', '2026-02', '2026-03', '2026-04'].map((month) => {
        const figures = query721(models.resolutionStats, { period: { kind: 'month', key: month }, asOf });
        return [
          month,
          String(figures.resolved),
          ...Object.values(figures.shares).flatMap((share) => [
            percent(share.share),
            points(share.share, share.target),
          ]),
        ];
      }),
    );
    expect(footer[0]?.slice(0, 2)).toEqual(['Whole history', String(data.total.resolved)]);
    expect(html).toContain('<svg class="chart" id="chart-721-monthly"');
  });

  it('shows every grid, named where the directory names it, with the figures of query721 for the grid', () => {
    const { body } = tableRows(html, 'table-721-grids');
    expect(body.map((row) => row.slice(0, 2))).toEqual([
      ['baiyun.g1', 'baiyun'],
      ['East grid (longtan.g1)', '龙潭 Longtan'],
      ['West grid (longtan.g2)', '龙潭 Longtan'],
      ['qingshui.g1', 'Qingshui'],
    ]);
    for (const [index, grid] of ['baiyun.g1', 'longtan.g1', 'longtan.g2', 'qingshui.g1'].entries()) {
      const figures = query721(models.resolutionStats, {
        scope: { grid },
        period: { kind: 'year', key: '2026' },
        asOf,
      });
      expect(data.grids[index]?.figures).toEqual(figures);
      expect(body[index]?.slice(2)).toEqual([
        String(figures.reported),
        String(figures.resolved),
        ...Object.values(figures.shares).flatMap((share) => [
          percent(share.share),
          points(share.share, share.target),
        ]),
      ]);
    }
  });

  it('names the communities from the directory, and falls back to the id of one it never established', () => {
    expect(tableRows(html, 'table-721').body.map((row) => row[0])).toEqual([
      'baiyun',
      '龙潭 Longtan (longtan)',
      'Qingshui (qingshui)',
    ]);
    // The bars are labelled by name too: Longtan's 5 grid and 2 community resolutions.
    expect(html).toContain('<title>龙潭 Longtan Grid 网格: 71.4%</title>');
    expect(html).toContain('<title>龙潭 Longtan · East grid Grid 网格: 50.0%</title>');
  });

  it('has the unestablished community only from below the facade, which refuses a report there', async () => {
    const refused = await governance.execute(
      {
        type: 'ReportProblem',
        data: {
          problemId: 'p-after',
          path: BAIYUN_G1,
          category: 'garbage-collection',
          description: 'seen on the round',
          channel: 'app',
        },
      },
      { actor: { id: 'res-after', role: 'resident', scope: [] }, now: asOf, commandId: 'after-1' },
    );
    if (!isLeft(refused)) throw new Error('the facade recorded a report in Baiyun, outside the directory');
    expect(refused.left.code).toBe('forbidden');
    expect(refused.left.message).toContain('the directory records no community baiyun');
  });

  it('shows the 12345 rates of each month as rates12345 counts them, with the definitions used', () => {
    const cells = (rate: { numerator: number; denominator: number; rate: number | null }) => [
      percent(rate.rate),
      `${rate.numerator} / ${rate.denominator}`,
    ];
    const { body, footer } = tableRows(html, 'table-12345');
    expect(body).toEqual(
      data.months.map(({ month }) => {
        const rates = rates12345(models.resolutionStats, { period: { kind: 'month', key: month }, asOf });
        return [month, ...cells(rates.response), ...cells(rates.resolution), ...cells(rates.satisfaction)];
      }),
    );
    const year = rates12345(models.resolutionStats, { period: { kind: 'year', key: '2026' }, asOf });
    expect(footer[0]).toEqual([
      'Whole history',
      ...cells(year.response),
      ...cells(year.resolution),
      ...cells(year.satisfaction),
    ]);
    expect(html).toContain('triaged or turned away within 24 h of the report');
  });

  it('lists the problems overdue at the instant as the ledger flags them, with how long overdue', () => {
    const overdue = ledgerRows(models.problemLedger, { asOf }).filter((row) => row.overdue);
    expect(overdue.map((row) => row.problemId)).toEqual(['p-mar-4']);
    expect(data.overdue).toEqual(overdue);
    // Due 48 hours after its report on 20 March (02:00 UTC); judged on 20 April at 10:00 UTC.
    expect(tableRows(html, 'table-overdue').body).toEqual([
      [
        'p-mar-4',
        '龙潭 Longtan (longtan)',
        'West grid (longtan.g2)',
        'drinking-water-quality',
        'Community 社区',
        '2026-03-20 10:00',
        '2026-03-22 10:00',
        '29.3 d',
      ],
    ]);
  });

  it('says so, with no table, when nothing is overdue', () => {
    const page = renderReportHtml({ ...data, overdue: [] });
    expect(page).not.toContain('table-overdue');
    expect(page).toContain('No problem is overdue at the report&#39;s instant.');
  });

  it('shows the points of each community as communityPoints answers, and their total', () => {
    const ids = ['baiyun', 'longtan', 'qingshui'];
    const lines = ids.map((id) => communityPoints(models.pointsLedger, id));
    const cells = (line: (typeof lines)[number]) =>
      [line.residents, line.issued, line.redeemed, line.adjusted, line.outstanding].map(String);
    const { body, footer } = tableRows(html, 'table-points');
    expect(body).toEqual([
      ['baiyun', ...cells(lines[0]!)],
      ['龙潭 Longtan (longtan)', ...cells(lines[1]!)],
      ['Qingshui (qingshui)', ...cells(lines[2]!)],
    ]);
    // 120 issued, 30 redeemed by Ann, 5 taken back from Bo: 85 still owed.
    expect(footer[0]).toEqual(['All communities', '3', '120', '30', '-5', '85']);
  });

  it("shows the quarter's top contributors and the year's stars as the honour roll's queries draw them", () => {
    const top = topContributors(models.honourRoll, { quarter: '2026-Q2' });
    expect(top.map((place) => place.residentId)).toEqual(['res-ann', 'res-bo', 'res-cai']);
    const names: Record<string, string> = {
      baiyun: 'baiyun',
      longtan: '龙潭 Longtan (longtan)',
      qingshui: 'Qingshui (qingshui)',
    };
    expect(tableRows(html, 'table-honour').body).toEqual(
      top.map((place) => [
        String(place.rank),
        place.residentId,
        names[residentAccount(models.pointsLedger, place.residentId)?.community ?? ''],
        String(place.points),
        String(place.verifiedTasks),
      ]),
    );
    const stars = starRatings(models.honourRoll, { year: '2026' });
    expect(data.honour.stars).toEqual(stars);
    expect(tableRows(html, 'table-stars').body).toEqual([
      ['★★★★★ 5', '1,000', '0'],
      ['★★★★ 4', '600', '0'],
      ['★★★ 3', '300', '0'],
      ['★★ 2', '150', '0'],
      ['★ 1', '50', String(stars.length)],
    ]);
  });

  it('gives the same data and bytes whatever the batch size: directory, points and honour folds included', async () => {
    for (const batchSize of [1, 7]) {
      const again = await buildReport(Readable.from([Buffer.from(text)]), { batchSize });
      expect(again).toEqual(data);
      expect(renderReportHtml(again)).toBe(html);
    }
  });

  it('takes the honour places and star table as configured, and refuses bad ones before reading', async () => {
    const configured = await buildReport(Readable.from([Buffer.from(text)]), {
      honourPlaces: 1,
      starThresholds: [55, 60],
    });
    expect(configured.honour.top.map((place) => place.residentId)).toEqual(['res-ann']);
    expect(configured.honour.stars.map(({ residentId, stars }) => [residentId, stars])).toEqual([
      ['res-bo', 2],
      ['res-ann', 1],
    ]);
    const unread = 'not read';
    await expect(buildReport(Readable.from([unread]), { honourPlaces: 0 })).rejects.toThrow(RangeError);
    await expect(buildReport(Readable.from([unread]), { starThresholds: [50, 40] })).rejects.toThrow(
      RangeError,
    );
  });
});
