import { escapeHtml } from '../html-escape.js';
import { labelHtml, type Label } from '../labels.js';

/** One entry of a chart's legend: a colour swatch (or a dashed line) and what it stands for. */
export interface LegendEntry {
  readonly label: Label;
  readonly colour: string;
  readonly shape?: 'swatch' | 'dash';
}

/** A legend as an HTML list under a chart: text wraps and reads better there than inside the SVG. */
export const legend = (entries: readonly LegendEntry[]): string =>
  `<ul class="legend">${entries
    .map(
      (entry) =>
        `<li><span class="${entry.shape === 'dash' ? 'dash' : 'swatch'}" style="--colour:${escapeHtml(entry.colour)}"></span>${labelHtml(entry.label)}</li>`,
    )
    .join('')}</ul>`;

/**
 * A chart with its legend as the caption. The chart sits in a frame that scrolls sideways on a phone, where
 * the style sheet keeps it wide enough for its text to stay legible rather than shrinking it to fit.
 */
export const figure = (svg: string, entries: readonly LegendEntry[]): string =>
  `<figure><div class="chart-frame">${svg}</div><figcaption>${legend(entries)}</figcaption></figure>`;

/** A section of the report: a heading, a paragraph saying how its figures are counted, and its content. */
export const section = (id: string, title: Label, intro: string, content: string): string =>
  `<section id="${escapeHtml(id)}" aria-labelledby="${escapeHtml(id)}-heading">` +
  `<h2 id="${escapeHtml(id)}-heading">${labelHtml(title)}</h2><p class="intro">${escapeHtml(intro)}</p>${content}</section>`;
