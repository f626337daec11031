import { LINE_COLOUR } from '../charts/palette.js';
import { lineChart } from '../charts/line-chart.js';
import { formatCount, formatPercent } from '../format.js';
import { htmlTable } from '../html-table.js';
import type { Figures721 } from '../../projections/resolution-stats/query-721.js';
import type { ReportData } from '../report-data.js';
import { figure, section } from './section.js';

const SATISFACTION = { en: 'Satisfaction', zh: '满意率' };

const cells = (figures: Figures721): string[] => [
  formatCount(figures.rated),
  formatCount(figures.satisfied),
  formatPercent(figures.satisfactionRate),
];

/** Satisfaction by month: of the problems reported each month and rated, the share rated satisfied. */
export const satisfactionSection = (data: ReportData): string => {
  const chart = lineChart({
    id: 'chart-satisfaction',
    title: 'Satisfaction rate by month of report',
    description:
      'One point per month: of the problems reported that month that the reporter rated, the share whose ' +
      'latest rating was satisfied. A month with no rating has no point. The figures are in the table below.',
    labels: data.months.map((month) => month.month),
    scale: 'rate',
    series: [
      {
        label: `${SATISFACTION.en} ${SATISFACTION.zh}`,
        colour: LINE_COLOUR,
        values: data.months.map((month) => month.figures.satisfactionRate),
      },
    ],
  });
  const table = htmlTable({
    id: 'table-satisfaction',
    caption: 'Ratings of the problems reported each month',
    columns: [
      { header: { en: 'Month', zh: '月份' } },
      { header: { en: 'Rated', zh: '已评价' }, numeric: true },
      { header: { en: 'Satisfied', zh: '满意' }, numeric: true },
      { header: SATISFACTION, numeric: true },
    ],
    rows: data.months.map((month) => [month.month, ...cells(month.figures)]),
    footer: ['Total', ...cells(data.total)],
  });
  return section(
    'satisfaction',
    { en: 'Satisfaction by month', zh: '效果评价' },
    'Residents rate each resolution (效果共评). Each problem counts in the month it was reported, with its ' +
      'latest rating; a reopened problem keeps the rating that reopened it until it is rated again.',
    figure(chart, [{ label: SATISFACTION, colour: LINE_COLOUR }]) + table,
  );
};
