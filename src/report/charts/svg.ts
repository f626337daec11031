import { escapeHtml } from '../html-escape.js';

/** A coordinate or length for an SVG attribute: one decimal at most, so output is short and stable. */
export const num = (value: number): string => {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
};

/** What every chart says about itself to a screen reader: its title and a sentence on how to read it. */
export interface ChartText {
  /** Unique within the page: the ids of the title and description derive from it. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

/**
 * Wraps chart content in an inline `<svg>` with its title and description, labelled for assistive
 * technology. No `xmlns`: the HTML parser puts inline SVG in its namespace, and the report holds no URL.
 */
export const svgChart = (text: ChartText, width: number, height: number, content: string): string =>
  `<svg class="chart" id="${escapeHtml(text.id)}" role="img" aria-labelledby="${escapeHtml(text.id)}-title ${escapeHtml(text.id)}-desc" viewBox="0 0 ${num(width)} ${num(height)}" width="${num(width)}" height="${num(height)}" preserveAspectRatio="xMinYMin meet">` +
  `<title id="${escapeHtml(text.id)}-title">${escapeHtml(text.title)}</title>` +
  `<desc id="${escapeHtml(text.id)}-desc">${escapeHtml(text.description)}</desc>` +
  `${content}</svg>`;

/** A text label; `anchor` is SVG's text-anchor. */
export const svgText = (
  x: number,
  y: number,
  text: string,
  options: { readonly anchor?: 'start' | 'middle' | 'end'; readonly className?: string } = {},
): string =>
  `<text x="${num(x)}" y="${num(y)}"${options.anchor === undefined ? '' : ` text-anchor="${options.anchor}"`}${
    options.className === undefined ? '' : ` class="${options.className}"`
  }>${escapeHtml(text)}</text>`;

/** A rectangle with a tooltip (`<title>`) naming what it stands for. */
export const svgRect = (
  x: number,
  y: number,
  width: number,
  height: number,
  fill: string,
  tooltip: string,
): string =>
  `<rect x="${num(x)}" y="${num(y)}" width="${num(Math.max(0, width))}" height="${num(Math.max(0, height))}" fill="${escapeHtml(fill)}"><title>${escapeHtml(tooltip)}</title></rect>`;

/** A straight line; `className` styles it (axis, grid line, target marker). */
export const svgLine = (x1: number, y1: number, x2: number, y2: number, className: string): string =>
  `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" class="${className}"/>`;

/** A dot marking one value of a line, with a tooltip naming it. */
export const svgDot = (x: number, y: number, fill: string, tooltip: string): string =>
  `<circle cx="${num(x)}" cy="${num(y)}" r="3.5" fill="${escapeHtml(fill)}"><title>${escapeHtml(tooltip)}</title></circle>`;
