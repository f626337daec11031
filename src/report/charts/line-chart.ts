import { formatCount, formatPercent } from '../format.js';
import { escapeHtml } from '../html-escape.js';
import { num, svgChart, svgDot, svgLine, svgText, type ChartText } from './svg.js';
import { countTicks } from './ticks.js';

/** One line: a name, a colour and a value per label; null leaves a gap (nothing to measure that month). */
export interface LineSeries {
  readonly label: string;
  readonly colour: string;
  readonly values: readonly (number | null)[];
}

/** What a line chart shows: counts (an axis from zero to a round number) or rates (0 to 100%). */
export interface LineChartInput extends ChartText {
  readonly labels: readonly string[];
  readonly series: readonly LineSeries[];
  readonly scale: 'count' | 'rate';
}

const WIDTH = 960;
const HEIGHT = 280;
const LEFT = 56;
const RIGHT = 24;
const TOP = 16;
const BOTTOM = 40;
/** At most this many labels under the axis (more bars: every n-th), so they never touch at 14 units. */
const MOST_LABELS = 12;
const RATE_TICKS = [0, 0.25, 0.5, 0.75, 1];

/** The runs of consecutive non-null points, each drawn as one polyline so that gaps stay gaps. */
const runsOf = (points: readonly ({ x: number; y: number } | null)[]): { x: number; y: number }[][] => {
  const runs: { x: number; y: number }[][] = [];
  let run: { x: number; y: number }[] = [];
  for (const point of points) {
    if (point === null) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else run.push(point);
  }
  if (run.length > 0) runs.push(run);
  return runs;
};

/** A line chart as inline SVG: a polyline per series with a dot (and tooltip) at every value. */
export const lineChart = (input: LineChartInput): string => {
  const { labels, series } = input;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const values = series.flatMap((line) => line.values.filter((value): value is number => value !== null));
  const ticks = input.scale === 'rate' ? RATE_TICKS : countTicks(Math.max(0, ...values));
  const top = ticks[ticks.length - 1] ?? 1;
  const format = input.scale === 'rate' ? formatPercent : formatCount;
  const y = (value: number): number => TOP + plotHeight - (value / top) * plotHeight;
  const band = labels.length === 0 ? plotWidth : plotWidth / labels.length;
  const x = (index: number): number => LEFT + band * index + band / 2;
  const parts: string[] = [];
  for (const tick of ticks) {
    parts.push(svgLine(LEFT, y(tick), WIDTH - RIGHT, y(tick), 'grid-line'));
    const label = input.scale === 'rate' ? `${Math.round(tick * 100)}%` : formatCount(tick);
    parts.push(svgText(LEFT - 6, y(tick) + 4, label, { anchor: 'end', className: 'tick' }));
  }
  if (values.length === 0) {
    parts.push(
      svgText(LEFT + plotWidth / 2, TOP + plotHeight / 2, 'Nothing to show yet', { anchor: 'middle' }),
    );
  }
  const every = Math.ceil(labels.length / MOST_LABELS);
  labels.forEach((label, index) => {
    if (index % every === 0) {
      parts.push(svgText(x(index), HEIGHT - BOTTOM + 18, label, { anchor: 'middle', className: 'tick' }));
    }
  });
  parts.push(svgLine(LEFT, y(0), WIDTH - RIGHT, y(0), 'axis'));
  for (const line of series) {
    const points = line.values.map((value, index) => (value === null ? null : { x: x(index), y: y(value) }));
    for (const run of runsOf(points)) {
      if (run.length < 2) continue;
      const coordinates = run.map((point) => `${num(point.x)},${num(point.y)}`).join(' ');
      parts.push(
        `<polyline points="${coordinates}" fill="none" stroke="${escapeHtml(line.colour)}" class="series"/>`,
      );
    }
    line.values.forEach((value, index) => {
      if (value === null) return;
      parts.push(
        svgDot(x(index), y(value), line.colour, `${labels[index] ?? ''} ${line.label}: ${format(value)}`),
      );
    });
  }
  return svgChart(input, WIDTH, HEIGHT, parts.join(''));
};
