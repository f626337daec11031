import { SHARE_BUCKETS } from '../../projections/resolution-stats/targets.js';
import { shareBars } from '../charts/share-bars.js';
import { formatCount } from '../format.js';
import { htmlTable, type TableColumn } from '../html-table.js';
import type { ReportData } from '../report-data.js';
import { figure, section } from './section.js';
import {
  SHARE_COLUMNS,
  SHARE_LEGEND,
  shareCells,
  shareGroups,
  shareRow,
  targetMarkers,
  targetRow,
  targetText,
} from './share-rows.js';

const COLUMNS: readonly TableColumn[] = [
  { header: { en: 'Month', zh: '月份' } },
  { header: { en: 'Resolved' }, numeric: true },
  ...SHARE_COLUMNS,
];

/** The 721 shares month by month against the target: the trend the street office follows. */
export const monthlySharesSection = (data: ReportData): string => {
  const { targets } = data;
  const chart = shareBars({
    id: 'chart-721-monthly',
    title: '721 shares month by month against the target',
    description:
      `One bar per month: of the problems reported that month and resolved by the report's instant, the ` +
      `share resolved in the grid, in the community, and at the street or above. The first bar is the ` +
      `target (${targetText(targets)}). The figures are in the table below.`,
    rows: [targetRow(targets), ...data.months.map(({ month, figures }) => shareRow(month, figures))],
    markers: targetMarkers(targets),
  });
  const table = htmlTable({
    id: 'table-721-monthly',
    caption: '721 shares of the problems reported each month',
    groups: shareGroups(2),
    columns: COLUMNS,
    rows: data.months.map(({ month, figures }) => [
      month,
      formatCount(figures.resolved),
      ...SHARE_BUCKETS.flatMap((bucket) => shareCells(figures.shares[bucket])),
    ]),
    footer: [
      'Whole history',
      formatCount(data.total.resolved),
      ...SHARE_BUCKETS.flatMap((bucket) => shareCells(data.total.shares[bucket])),
    ],
  });
  return section(
    'monthly-shares',
    { en: '721 shares month by month', zh: '每月 721 占比' },
    `Each problem counts in the month it was reported (in ${data.timeZone}), with the tier of the ` +
      `resolution standing at the report's instant, as in the monthly resolutions below; a recent month's ` +
      `shares can still move as its open problems are resolved. Target: ${targetText(targets)}.`,
    figure(chart, SHARE_LEGEND) + table,
  );
};
