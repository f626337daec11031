/** The system fonts the report is set in: no web font, so it renders the same offline; CJK fallbacks named. */
const FONTS =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/**
 * A4 with 12 mm margins leaves 186 mm, 703 CSS pixels, for the page's content: the width the print rules
 * are made for (and the browser test checks every element against).
 */
export const A4_PRINTABLE_WIDTH_PX = 703;

/**
 * Below this viewport width the charts stop shrinking: a 960-unit chart drawn at least 680 px wide, with its
 * text at 14 and 15 units, keeps every label at 9.9 px or more, and its frame scrolls sideways instead.
 */
const NARROW = 719;

/**
 * The chart text sizes (in the charts' own units) for phones and paper: larger than on a wide screen,
 * because there the chart is drawn at 70% of its size or less. The charts' label spacing is made for these.
 */
const LARGE_CHART_TEXT = `svg.chart text { font-size: 15px; }
svg.chart .tick, svg.chart .in-bar, svg.chart .target-label { font-size: 14px; }`;

/** The report's whole style sheet, inlined in its `<head>`: the file needs nothing beside itself. */
export const REPORT_STYLE = `
:root { color-scheme: light; print-color-adjust: exact; -webkit-print-color-adjust: exact; --ink: #1d232b; --muted: #5b6472; --rule: #d9dde3; --paper: #fff; --band: #f3f5f8; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--band); color: var(--ink); font: 15px/1.5 ${FONTS}; }
main { max-width: 1040px; margin: 0 auto; padding: 24px; }
header.report h1 { font-size: 26px; margin: 0 0 4px; }
header.report .meta { color: var(--muted); margin: 0; }
h2 { font-size: 19px; margin: 0 0 4px; }
section { background: var(--paper); border: 1px solid var(--rule); border-radius: 8px; padding: 20px 24px; margin: 16px 0; }
.intro { color: var(--muted); margin: 0 0 12px; max-width: 80ch; font-size: 14px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 12px; margin: 12px 0 0; }
.card { border: 1px solid var(--rule); border-radius: 6px; padding: 10px 14px; }
.card dt { color: var(--muted); font-size: 13px; }
.card dd { margin: 0; font-size: 26px; font-weight: 600; font-variant-numeric: tabular-nums; }
.card dd.note { font-size: 13px; font-weight: 400; color: var(--muted); }
figure { margin: 0 0 12px; }
.chart-frame { overflow-x: auto; }
svg.chart { display: block; width: 100%; height: auto; }
svg.chart text { font: 12px ${FONTS}; fill: var(--ink); }
svg.chart .tick { fill: var(--muted); font-size: 11px; }
svg.chart .in-bar { fill: #fff; font-weight: 600; font-size: 11px; }
svg.chart .grid-line { stroke: #e6e9ee; stroke-width: 1; }
svg.chart .axis { stroke: #8a94a3; stroke-width: 1; }
svg.chart .target { stroke: #222; stroke-width: 1.5; stroke-dasharray: 5 4; }
svg.chart .target-label { font-size: 11px; font-weight: 600; }
svg.chart .series { stroke-width: 2.5; stroke-linejoin: round; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 18px; padding: 0; margin: 8px 0 0; font-size: 13px; color: var(--muted); }
.legend .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; background: var(--colour); margin-right: 6px; vertical-align: -1px; }
.legend .dash { display: inline-block; width: 18px; border-top: 2px dashed var(--colour); margin-right: 6px; vertical-align: 4px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--muted); padding: 4px 0; font-size: 12px; }
th, td { padding: 4px 6px; border-bottom: 1px solid var(--rule); text-align: left; white-space: nowrap; font-weight: 400; }
thead th { background: var(--band); font-weight: 600; white-space: normal; vertical-align: bottom; }
thead th.group { text-align: center; border-bottom: 2px solid var(--rule); }
thead td { background: var(--band); border-bottom: none; }
tbody tr:nth-child(even) { background: #fafbfc; }
tfoot th, tfoot td { font-weight: 600; border-top: 2px solid var(--rule); }
.num { text-align: right; }
.notices { background: #fff4e5; border: 1px solid #f0b45b; border-radius: 8px; padding: 4px 16px; margin: 16px 0; }
footer { color: var(--muted); font-size: 12px; padding: 8px 0 24px; }
code { overflow-wrap: anywhere; }
.empty { margin: 0; }
@media screen and (max-width: ${NARROW}px) {
  main { padding: 12px; }
  section { padding: 14px 12px; }
  header.report h1 { font-size: 22px; }
  svg.chart { min-width: 680px; }
  ${LARGE_CHART_TEXT}
}
@page { size: A4; margin: 12mm; }
@media print {
  body { background: #fff; font-size: 11px; }
  main { max-width: none; padding: 0; }
  section { border: none; border-radius: 0; padding: 0; margin: 0 0 14px; }
  h2 { break-after: avoid; }
  figure, tr, .card { break-inside: avoid; }
  .intro { font-size: 11px; max-width: none; }
  .chart-frame, .table-wrap { overflow: visible; }
  ${LARGE_CHART_TEXT}
  table { font-size: 9.5px; }
  caption { font-size: 9.5px; }
  th, td { padding: 2px 3px; }
  th, td { white-space: normal; }
  td.num { white-space: nowrap; }
}
`;
