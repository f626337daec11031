import { formatCount } from './format.js';
import { escapeHtml } from './html-escape.js';
import { localDateTime } from './local-time.js';
import type { ReportData } from './report-data.js';
import { REPORT_STYLE } from './report-style.js';
import { backlogSection } from './sections/backlog-section.js';
import { deliberationSection } from './sections/deliberation-section.js';
import { gridSharesSection } from './sections/grid-shares-section.js';
import { headlineSection } from './sections/headline-section.js';
import { honourSection } from './sections/honour-section.js';
import { honoursPostedSection } from './sections/honours-posted-section.js';
import { ledgerSection } from './sections/ledger-section.js';
import { monthlySharesSection } from './sections/monthly-shares-section.js';
import { monthlySection } from './sections/monthly-section.js';
import { noticesSection } from './sections/notices-section.js';
import { overdueSection } from './sections/overdue-section.js';
import { pointsSection } from './sections/points-section.js';
import { ratesSection } from './sections/rates-section.js';
import { satisfactionSection } from './sections/satisfaction-section.js';
import { sharesSection } from './sections/shares-section.js';
import { fundsSection } from './sections/funds-section.js';
import { responsibilitySection } from './sections/responsibility-section.js';

const asOfText = (data: ReportData): string =>
  data.asOf === undefined ? 'no events yet' : `${localDateTime(data.asOf, data.timeZone)} (${data.timeZone})`;

/**
 * The report as one self-contained HTML document: inline CSS, charts as hand-written inline SVG, every
 * number also in a table, no script, no image, no font or anything else fetched, so it opens offline and
 * can be mailed or archived as it is. Every string from the history is escaped. A pure function: the same
 * data always gives the same bytes.
 */
export const renderReportHtml = (data: ReportData): string => {
  const when = asOfText(data);
  const time =
    data.asOf === undefined
      ? escapeHtml(when)
      : `<time datetime="${escapeHtml(data.asOf)}">${escapeHtml(when)}</time>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="linli report">
<title>${escapeHtml(`Neighbourhood governance report 邻里治理报告 — as at ${when}`)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<main>
<header class="report">
<h1>Neighbourhood governance report <span lang="zh-CN">邻里治理报告</span></h1>
<p class="meta">As at ${time}, the last event in the history · ${escapeHtml(formatCount(data.history.events))} events</p>
</header>
${noticesSection(data)}
${headlineSection(data)}
${sharesSection(data)}
${monthlySharesSection(data)}
${gridSharesSection(data)}
${monthlySection(data)}
${backlogSection(data)}
${overdueSection(data)}
${ratesSection(data)}
${satisfactionSection(data)}
${ledgerSection(data)}
${responsibilitySection(data)}
${pointsSection(data)}
${honourSection(data)}
${deliberationSection(data)}
${fundsSection(data)}
${honoursPostedSection(data)}
<footer>
<p>Drawn by linli from the history alone and judged at its last event, never at the time of writing: the same history always gives the same file. History digest <code>${escapeHtml(data.history.digest)}</code>; check the history itself with <code>linli audit</code>.</p>
</footer>
</main>
</body>
</html>
`;
};
