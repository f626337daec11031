import { formatPercent } from '../format.js';
import { svgChart, svgLine, svgRect, svgText, type ChartText } from './svg.js';

/** One part of a 100% bar: its share of the whole (null when the whole is empty). */
export interface ShareSegment {
  readonly label: string;
  readonly colour: string;
  readonly share: number | null;
}

/** One 100% bar: what it is, a note at its end (how many it counts), and its parts left to right. */
export interface ShareRow {
  readonly label: string;
  readonly note: string;
  readonly segments: readonly ShareSegment[];
}

/** A vertical dashed line across every bar, at a fraction of the width (a target's boundary). */
export interface ShareMarker {
  readonly at: number;
  readonly label: string;
}

/** What a share chart shows: one 100% bar per row, and the markers to read them against. */
export interface ShareBarsInput extends ChartText {
  readonly rows: readonly ShareRow[];
  readonly markers: readonly ShareMarker[];
}

const WIDTH = 960;
const LABEL_WIDTH = 210;
const NOTE_WIDTH = 96;
const TOP = 30;
const BOTTOM = 28;
const ROW = 30;
const BAR = 18;
/**
 * The widest label, in half-width characters (a CJK character counts two): what fits left of the bars at
 * the 15 units the phone and print styles set text in.
 */
const MOST_LABEL_WIDTH = 24;
/** A segment narrower than this has no room for its percentage (at 14 units, bold). */
const ROOM_FOR_TEXT = 48;

/** How wide a character sets: CJK ideographs, kana, hangul and full-width forms take two columns. */
const columnsOf = (char: string): number => ((char.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1);

const shorten = (text: string): string => {
  const chars = [...text];
  if (chars.reduce((sum, char) => sum + columnsOf(char), 0) <= MOST_LABEL_WIDTH) return text;
  let used = 0;
  const kept: string[] = [];
  for (const char of chars) {
    used += columnsOf(char);
    // One column is left for the ellipsis.
    if (used > MOST_LABEL_WIDTH - 1) break;
    kept.push(char);
  }
  return `${kept.join('')}…`;
};

/** Horizontal 100% bars as inline SVG, with dashed target markers and the percentages written in. */
export const shareBars = (input: ShareBarsInput): string => {
  const barLeft = LABEL_WIDTH;
  const barWidth = WIDTH - LABEL_WIDTH - NOTE_WIDTH;
  const height = TOP + ROW * Math.max(1, input.rows.length) + BOTTOM;
  const x = (fraction: number): number => barLeft + fraction * barWidth;
  const parts: string[] = [];
  // Written last, so that the target markers run under the percentages rather than through them.
  const inBar: string[] = [];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(svgLine(x(tick), TOP - 4, x(tick), height - BOTTOM, 'grid-line'));
    parts.push(
      svgText(x(tick), height - BOTTOM + 16, `${tick * 100}%`, { anchor: 'middle', className: 'tick' }),
    );
  }
  input.rows.forEach((row, index) => {
    const top = TOP + ROW * index + (ROW - BAR) / 2;
    parts.push(svgText(barLeft - 8, top + BAR / 2 + 4, shorten(row.label), { anchor: 'end' }));
    parts.push(svgText(WIDTH - NOTE_WIDTH + 8, top + BAR / 2 + 4, row.note, { className: 'tick' }));
    if (row.segments.every((segment) => segment.share === null)) {
      parts.push(svgRect(barLeft, top, barWidth, BAR, '#eceef1', `${row.label}: nothing resolved yet`));
      return;
    }
    let start = 0;
    for (const segment of row.segments) {
      const share = segment.share ?? 0;
      if (share <= 0) continue;
      const left = x(start);
      const width = share * barWidth;
      parts.push(
        svgRect(
          left,
          top,
          width,
          BAR,
          segment.colour,
          `${row.label} ${segment.label}: ${formatPercent(share)}`,
        ),
      );
      if (width >= ROOM_FOR_TEXT) {
        inBar.push(
          svgText(left + width / 2, top + BAR / 2 + 4, formatPercent(share), {
            anchor: 'middle',
            className: 'in-bar',
          }),
        );
      }
      start += share;
    }
  });
  for (const marker of input.markers) {
    parts.push(svgLine(x(marker.at), TOP - 8, x(marker.at), height - BOTTOM + 2, 'target'));
    parts.push(
      svgText(x(marker.at), TOP - 12, marker.label, { anchor: 'middle', className: 'target-label' }),
    );
  }
  return svgChart(input, WIDTH, height, parts.join('') + inBar.join(''));
};
