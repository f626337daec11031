import { formatCount } from '../format.js';
import { svgChart, svgLine, svgRect, svgText, type ChartText } from './svg.js';
import { countTicks } from './ticks.js';

/** One layer of a stacked bar chart: a name, a colour and a count per bar. */
export interface BarSeries {
  readonly label: string;
  readonly colour: string;
  readonly values: readonly number[];
}

/** What a stacked bar chart shows: one bar per label, its series stacked bottom up in the order given. */
export interface StackedBarsInput extends ChartText {
  readonly labels: readonly string[];
  readonly series: readonly BarSeries[];
}

const WIDTH = 960;
const HEIGHT = 300;
const LEFT = 56;
const RIGHT = 16;
const TOP = 16;
const BOTTOM = 40;
/** At most this many labels under the axis (more bars: every n-th), so they never touch at 14 units. */
const MOST_LABELS = 12;

/** A stacked bar chart of counts as inline SVG, with a tooltip on every segment. */
export const stackedBars = (input: StackedBarsInput): string => {
  const { labels, series } = input;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const totals = labels.map((_, index) => series.reduce((sum, layer) => sum + (layer.values[index] ?? 0), 0));
  const ticks = countTicks(Math.max(0, ...totals));
  const top = ticks[ticks.length - 1] ?? 1;
  const y = (value: number): number => TOP + plotHeight - (value / top) * plotHeight;
  const parts: string[] = [];
  for (const tick of ticks) {
    parts.push(svgLine(LEFT, y(tick), WIDTH - RIGHT, y(tick), 'grid-line'));
    parts.push(svgText(LEFT - 6, y(tick) + 4, formatCount(tick), { anchor: 'end', className: 'tick' }));
  }
  if (labels.length === 0) {
    parts.push(
      svgText(LEFT + plotWidth / 2, TOP + plotHeight / 2, 'No problems reported', { anchor: 'middle' }),
    );
  }
  const band = labels.length === 0 ? plotWidth : plotWidth / labels.length;
  const barWidth = Math.min(48, band * 0.72);
  const every = Math.ceil(labels.length / MOST_LABELS);
  labels.forEach((label, index) => {
    const x = LEFT + band * index + (band - barWidth) / 2;
    let base = 0;
    for (const layer of series) {
      const value = layer.values[index] ?? 0;
      if (value > 0) {
        parts.push(
          svgRect(
            x,
            y(base + value),
            barWidth,
            y(base) - y(base + value),
            layer.colour,
            `${label} ${layer.label}: ${formatCount(value)}`,
          ),
        );
      }
      base += value;
    }
    if (index % every === 0) {
      parts.push(
        svgText(x + barWidth / 2, HEIGHT - BOTTOM + 18, label, { anchor: 'middle', className: 'tick' }),
      );
    }
  });
  parts.push(svgLine(LEFT, y(0), WIDTH - RIGHT, y(0), 'axis'));
  return svgChart(input, WIDTH, HEIGHT, parts.join(''));
};
