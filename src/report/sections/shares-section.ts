import type { BucketShare } from '../../projections/resolution-stats/query-721.js';
import { SHARE_BUCKETS } from '../../projections/resolution-stats/targets.js';
import { shareBars } from '../charts/share-bars.js';
import { formatCount, formatPercent, formatPoints } from '../format.js';
import { htmlTable, type ColumnGroup, type TableColumn } from '../html-table.js';
import { BUCKET_LABELS, unitText } from '../labels.js';
import type { ReportData } from '../report-data.js';
import { figure, section } from './section.js';
import { SHARE_LEGEND, shareRow, targetMarkers, targetRow, targetText } from './share-rows.js';

const bucketCells = (share: BucketShare): string[] => [
  formatCount(share.resolved),
  formatPercent(share.share),
  formatPoints(share.deviation),
];

const COLUMNS: readonly TableColumn[] = [
  { header: { en: 'Community', zh: '社区' } },
  { header: { en: 'Street', zh: '街道' } },
  { header: { en: 'Reported' }, numeric: true },
  { header: { en: 'Resolved' }, numeric: true },
  ...SHARE_BUCKETS.flatMap((): TableColumn[] => [
    { header: { en: 'n' }, numeric: true },
    { header: { en: 'Share' }, numeric: true },
    { header: { en: 'vs target' }, numeric: true },
  ]),
];

const GROUPS: readonly ColumnGroup[] = [
  { span: 4 },
  ...SHARE_BUCKETS.map((bucket): ColumnGroup => ({ header: BUCKET_LABELS[bucket], span: 3 })),
];

/** The 721 section: each community's shares by tier against the target, as bars and as a table. */
export const sharesSection = (data: ReportData): string => {
  const { targets } = data;
  const chart = shareBars({
    id: 'chart-721',
    title: '721 shares per community against the target',
    description:
      `One bar per community: the share of its resolved problems resolved in the grid, in the community, and at ` +
      `the street or above. The first bar is the target (${targetText(targets)}); dashed lines mark where the ` +
      `target's grid and community shares end. The figures are in the table below.`,
    rows: [
      targetRow(targets),
      shareRow('All communities 合计', data.total),
      ...data.communities.map(({ community, name, figures }) => shareRow(name ?? community, figures)),
    ],
    markers: targetMarkers(targets),
  });
  const table = htmlTable({
    id: 'table-721',
    caption: '721 shares per community, whole history',
    groups: GROUPS,
    columns: COLUMNS,
    rows: data.communities.map(({ community, name, street, figures }) => [
      unitText(community, name),
      street,
      formatCount(figures.reported),
      formatCount(figures.resolved),
      ...SHARE_BUCKETS.flatMap((bucket) => bucketCells(figures.shares[bucket])),
    ]),
    footer: [
      'All communities',
      '',
      formatCount(data.total.reported),
      formatCount(data.total.resolved),
      ...SHARE_BUCKETS.flatMap((bucket) => bucketCells(data.total.shares[bucket])),
    ],
  });
  return section(
    'shares',
    { en: '721 shares per community against the target', zh: '721 分级解决占比' },
    `Of each community's resolved problems, the share resolved at each tier, over the whole history: every ` +
      `problem reported up to the report's instant, as it stands then. Street and departments count together ` +
      `as the 10. Target: ${targetText(targets)}. Rejected and still-open problems are not in the shares.`,
    figure(chart, SHARE_LEGEND) + table,
  );
};
