import { LINE_COLOUR, OVERDUE_COLOUR } from '../charts/palette.js';
import { lineChart } from '../charts/line-chart.js';
import { formatCount } from '../format.js';
import { htmlTable } from '../html-table.js';
import { labelText } from '../labels.js';
import { localDateTime } from '../local-time.js';
import type { ReportData } from '../report-data.js';
import { figure, section } from './section.js';

const OPEN_LABEL = { en: 'Open', zh: '积压' };
const OVERDUE_LABEL = { en: 'Overdue', zh: '逾期' };

/** Backlog and overdue over time: how many problems were open, and past their deadline, at each month end. */
export const backlogSection = (data: ReportData): string => {
  const labels = data.months.map((month) => month.month);
  const chart = lineChart({
    id: 'chart-backlog',
    title: 'Open and overdue problems at the end of each month',
    description:
      'Two lines, one point per month: the problems open at the end of the month (whenever reported), and ' +
      "those of them past their deadline. The last point is at the report's instant. The figures are in the " +
      'table below.',
    labels,
    scale: 'count',
    series: [
      {
        label: labelText(OPEN_LABEL),
        colour: LINE_COLOUR,
        values: data.months.map((month) => month.backlog.open),
      },
      {
        label: labelText(OVERDUE_LABEL),
        colour: OVERDUE_COLOUR,
        values: data.months.map((month) => month.backlog.overdue),
      },
    ],
  });
  const table = htmlTable({
    id: 'table-backlog',
    caption: 'Open and overdue problems at each month end',
    columns: [
      { header: { en: 'Month', zh: '月份' } },
      { header: { en: `As at (${data.timeZone})` } },
      { header: OPEN_LABEL, numeric: true },
      { header: OVERDUE_LABEL, numeric: true },
    ],
    rows: data.months.map((month) => [
      month.month,
      localDateTime(month.backlog.at, data.timeZone),
      formatCount(month.backlog.open),
      formatCount(month.backlog.overdue),
    ]),
  });
  return section(
    'backlog',
    { en: 'Backlog and overdue over time', zh: '积压与逾期' },
    'At the last moment of each month: every problem reported by then and not resolved or rejected (waiting ' +
      'for triage, held by a tier, or reopened), and of those, the ones past the deadline of the tier holding ' +
      'them. A problem waiting for triage has no deadline yet, so it is never overdue.',
    figure(chart, [
      { label: OPEN_LABEL, colour: LINE_COLOUR },
      { label: OVERDUE_LABEL, colour: OVERDUE_COLOUR },
    ]) + table,
  );
};
