/**
 * Scripts evaluated in the report's page (over the DevTools protocol, never in the report itself, which has
 * no script) to measure what a reader would see: what sticks out of the page, and how large chart text is.
 */

/** What {@link OVERFLOW_PROBE} finds. */
export interface OverflowReport {
  /** The layout viewport's width, in CSS pixels. */
  readonly width: number;
  /** How many elements were measured. */
  readonly measured: number;
  /** Elements reaching past the page's edges, or cutting off their own content (`tag#id.class: why`). */
  readonly offenders: readonly string[];
}

/**
 * Every element of the body, measured: none may reach past either edge of the page, none may hide content
 * by scrolling or clipping it sideways, and no chart text may stick out of its chart.
 */
export const OVERFLOW_PROBE = `(() => {
  const width = document.documentElement.clientWidth;
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (typeof el.className === 'string' && el.className ? '.' + el.className.split(' ').join('.') : '');
  const offenders = [];
  let measured = 0;
  for (const el of document.body.querySelectorAll('*')) {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    measured += 1;
    if (rect.right > width + 0.5 || rect.left < -0.5)
      offenders.push(name(el) + ': spans ' + Math.round(rect.left) + ' to ' + Math.round(rect.right));
    const overflowX = getComputedStyle(el).overflowX;
    if (overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1)
      offenders.push(name(el) + ': hides ' + (el.scrollWidth - el.clientWidth) + ' px sideways');
    if (el.tagName === 'text' && el.ownerSVGElement) {
      const box = el.ownerSVGElement.getBoundingClientRect();
      if (rect.left < box.left - 1 || rect.right > box.right + 1)
        offenders.push(name(el) + ' "' + el.textContent + '": sticks out of its chart');
    }
  }
  return { width, measured, offenders };
})()`;

/** What {@link CHART_TEXT_PROBE} finds. */
export interface ChartTextReport {
  /** How many text elements the charts hold. */
  readonly texts: number;
  /** The smallest of them as drawn, in CSS pixels: font size times the chart's scale. */
  readonly smallestPx: number;
  /** The text drawn smallest, to name in a failure. */
  readonly smallest: string;
  /** The page's full width: more than the viewport means the whole page scrolls sideways. */
  readonly pageWidth: number;
  readonly viewportWidth: number;
}

/** The size every chart text is drawn at: its computed font size scaled by its chart's screen transform. */
export const CHART_TEXT_PROBE = `(() => {
  let smallestPx = Infinity;
  let smallest = '';
  const texts = [...document.querySelectorAll('svg.chart text')];
  for (const text of texts) {
    const px = parseFloat(getComputedStyle(text).fontSize) * text.ownerSVGElement.getScreenCTM().a;
    if (px < smallestPx) { smallestPx = px; smallest = text.textContent; }
  }
  return {
    texts: texts.length,
    smallestPx,
    smallest,
    pageWidth: document.documentElement.scrollWidth,
    viewportWidth: window.innerWidth,
  };
})()`;
