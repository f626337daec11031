import { SHARE_BUCKETS } from '../../projections/resolution-stats/targets.js';
import { shareBars } from '../charts/share-bars.js';
import { formatCount } from '../format.js';
import { htmlTable, type TableColumn } from '../html-table.js';
import { unitText } from '../labels.js';
import type { GridFigures, ReportData } from '../report-data.js';
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
  { header: { en: 'Grid', zh: '网格' } },
  { header: { en: 'Community', zh: '社区' } },
  { header: { en: 'Reported' }, numeric: true },
  { header: { en: 'Resolved' }, numeric: true },
  ...SHARE_COLUMNS,
];

/** A grid's bar label: its name, with its community's where grids of two communities could share a name. */
const barLabel = (line: GridFigures, communityNames: ReadonlyMap<string, string>): string =>
  `${communityNames.get(line.community) ?? line.community} · ${line.name ?? line.grid}`;

/** The 721 shares per grid (网格) over the whole history: where within a community the work is done. */
export const gridSharesSection = (data: ReportData): string => {
  const { targets } = data;
  const communityNames = new Map(
    data.communities.map(({ community, name }) => [community, name ?? community] as const),
  );
  const chart = shareBars({
    id: 'chart-721-grids',
    title: '721 shares per grid against the target',
    description:
      `One bar per grid, grouped by community: the share of its resolved problems resolved in the grid, in ` +
      `the community, and at the street or above. The first bar is the target (${targetText(targets)}). The ` +
      `figures are in the table below.`,
    rows: [
      targetRow(targets),
      ...data.grids.map((line) => shareRow(barLabel(line, communityNames), line.figures)),
    ],
    markers: targetMarkers(targets),
  });
  const table = htmlTable({
    id: 'table-721-grids',
    caption: '721 shares per grid, whole history',
    groups: shareGroups(4),
    columns: COLUMNS,
    rows: data.grids.map((line) => [
      unitText(line.grid, line.name),
      communityNames.get(line.community) ?? line.community,
      formatCount(line.figures.reported),
      formatCount(line.figures.resolved),
      ...SHARE_BUCKETS.flatMap((bucket) => shareCells(line.figures.shares[bucket])),
    ]),
  });
  return section(
    'grid-shares',
    { en: '721 shares per grid', zh: '网格 721 占比' },
    'The same shares for each grid, over the whole history: a grid that passes most of its problems up ' +
      'shows here even when its community as a whole meets the target. A problem counts in the grid it ' +
      'was reported in.',
    figure(chart, SHARE_LEGEND) + table,
  );
};
