import { TIERS } from '../../domain/shared/tiers.js';
import { OPEN_COLOUR, TIER_COLOURS } from '../charts/palette.js';
import { stackedBars } from '../charts/stacked-bars.js';
import { formatCount, formatPercent } from '../format.js';
import { htmlTable, type TableColumn } from '../html-table.js';
import { labelText, TIER_LABELS } from '../labels.js';
import type { Figures721 } from '../../projections/resolution-stats/query-721.js';
import type { ReportData } from '../report-data.js';
import { figure, section, type LegendEntry } from './section.js';

const OPEN_LABEL = { en: 'Still open', zh: '在办' };

const COLUMNS: readonly TableColumn[] = [
  { header: { en: 'Month', zh: '月份' } },
  { header: { en: 'Reported' }, numeric: true },
  { header: { en: 'Rejected' }, numeric: true },
  ...TIERS.map((tier): TableColumn => ({ header: TIER_LABELS[tier], numeric: true })),
  { header: OPEN_LABEL, numeric: true },
  { header: { en: 'Completion', zh: '办结率' }, numeric: true },
];

const cells = (figures: Figures721): string[] => [
  formatCount(figures.reported),
  formatCount(figures.rejected),
  ...TIERS.map((tier) => formatCount(figures.resolvedByTier[tier])),
  formatCount(figures.open),
  formatPercent(figures.completionRate),
];

/** Monthly resolutions by tier: the problems reported each month, stacked by the tier that resolved them. */
export const monthlySection = (data: ReportData): string => {
  const labels = data.months.map((month) => month.month);
  const chart = stackedBars({
    id: 'chart-monthly',
    title: 'Problems reported each month, by the tier that resolved them',
    description:
      'One bar per month, stacked from the bottom: resolved in the grid, in the community, at the street, by ' +
      'a department, and still open on top. The figures are in the table below.',
    labels,
    series: [
      ...TIERS.map((tier) => ({
        label: labelText(TIER_LABELS[tier]),
        colour: TIER_COLOURS[tier],
        values: data.months.map((month) => month.figures.resolvedByTier[tier]),
      })),
      {
        label: labelText(OPEN_LABEL),
        colour: OPEN_COLOUR,
        values: data.months.map((month) => month.figures.open),
      },
    ],
  });
  const entries: LegendEntry[] = [
    ...TIERS.map((tier) => ({ label: TIER_LABELS[tier], colour: TIER_COLOURS[tier] })),
    { label: OPEN_LABEL, colour: OPEN_COLOUR },
  ];
  const table = htmlTable({
    id: 'table-monthly',
    caption: 'Problems reported each month, by outcome',
    columns: COLUMNS,
    rows: data.months.map((month) => [month.month, ...cells(month.figures)]),
    footer: ['Total', ...cells(data.total)],
  });
  return section(
    'monthly',
    { en: 'Monthly resolutions by tier', zh: '每月分级解决' },
    `Each problem counts in the month it was reported (in ${data.timeZone}), with the tier of the resolution ` +
      `standing at the report's instant, as the 721 statistics count it; so a month's bar stays the same ` +
      `when later months are added, and changes only when its own problems are resolved, escalated or ` +
      `reopened. Rejected reports (duplicates, out of scope) are counted in the table only.`,
    figure(chart, entries) + table,
  );
};
