import type {
  Rate,
  Rates12345,
  Rates12345Definitions,
} from '../../projections/resolution-stats/rates-12345.js';
import { lineChart } from '../charts/line-chart.js';
import { RATE_COLOURS } from '../charts/palette.js';
import { formatCount, formatPercent } from '../format.js';
import { htmlTable, type TableColumn } from '../html-table.js';
import { labelText, type Label } from '../labels.js';
import type { ReportData } from '../report-data.js';
import { figure, section } from './section.js';

const RATES = ['response', 'resolution', 'satisfaction'] as const;

const RATE_LABELS: Readonly<Record<(typeof RATES)[number], Label>> = {
  response: { en: 'Response', zh: '响应率' },
  resolution: { en: 'Resolution', zh: '解决率' },
  satisfaction: { en: 'Satisfaction', zh: '满意率' },
};

const COLUMNS: readonly TableColumn[] = [
  { header: { en: 'Month', zh: '月份' } },
  ...RATES.flatMap((key): TableColumn[] => [
    { header: RATE_LABELS[key], numeric: true },
    { header: { en: 'of' }, numeric: true },
  ]),
];

const rateCells = (rate: Rate): string[] => [
  formatPercent(rate.rate),
  `${formatCount(rate.numerator)} / ${formatCount(rate.denominator)}`,
];

const cells = (rates: Rates12345): string[] => RATES.flatMap((key) => rateCells(rates[key]));

/** The definitions the rates were counted by, in a sentence each: they are a city's choice. */
const definitionsText = (definitions: Rates12345Definitions): string => {
  const satisfied =
    definitions.satisfiedWhen === 'flag'
      ? 'the reporter said satisfied'
      : `a score of ${definitions.satisfiedWhen.minScore} or more`;
  return (
    `Response: triaged or turned away within ${definitions.responseHours} h of the report, over the ` +
    `${definitions.responseOver} reports whose answer is known. Resolution: ${definitions.resolvedWhen} at ` +
    `the report's instant, over the ${definitions.resolutionOver} reports. Satisfaction: ${satisfied}, over ` +
    'the accepted problems rated (the latest rating of each).'
  );
};

/** Beijing's 12345 rates (响应率, 解决率, 满意率) of the problems reported each month. */
export const ratesSection = (data: ReportData): string => {
  const chart = lineChart({
    id: 'chart-12345',
    title: '12345 response, resolution and satisfaction rates by month of report',
    description:
      'Three lines, one point per month: the response, resolution and satisfaction rates of the problems ' +
      'reported that month. A month with nothing to divide by has no point. The figures are in the table ' +
      'below.',
    labels: data.months.map((month) => month.month),
    scale: 'rate',
    series: RATES.map((key) => ({
      label: labelText(RATE_LABELS[key]),
      colour: RATE_COLOURS[key],
      values: data.months.map((month) => month.rates[key].rate),
    })),
  });
  const table = htmlTable({
    id: 'table-12345',
    caption: '12345 rates of the problems reported each month',
    columns: COLUMNS,
    rows: data.months.map((month) => [month.month, ...cells(month.rates)]),
    footer: ['Whole history', ...cells(data.totalRates)],
  });
  return section(
    'rates',
    { en: '12345 rates', zh: '12345 三率' },
    "Beijing's three rates, counted from the events of the problems reported each month and judged at the " +
      `report's instant. ${definitionsText(data.ratesDefinitions)}`,
    figure(
      chart,
      RATES.map((key) => ({ label: RATE_LABELS[key], colour: RATE_COLOURS[key] })),
    ) + table,
  );
};
