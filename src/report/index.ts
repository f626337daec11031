/**
 * `linli report`: a self-contained HTML report drawn from a history file, with the 721 shares per community,
 * per grid and per month, monthly resolutions by tier, backlog and overdue over time with the overdue list,
 * the 12345 rates, satisfaction, the points ledger and the honour roll, as inline SVG charts with their
 * figures in tables.
 */
export { buildReport, DEFAULT_HONOUR_PLACES, type BuildReportOptions } from './build-report.js';
export { foldHistory, type FoldedHistory, type FoldHistoryOptions } from './fold-history.js';
export { renderReportHtml } from './render-html.js';
export type {
  BacklogPoint,
  CategoryLine,
  CommunityFigures,
  GridFigures,
  HistoryFacts,
  HonourFigures,
  HonourPlace,
  MonthFigures,
  PointsLedgerFigures,
  PointsLedgerLine,
  ReportData,
  SkippedEvent,
} from './report-data.js';
export { reportFigures, type ReportFigureOptions, type ReportStates } from './report-figures.js';
export { fundFigures, type FundFigures, type FundLedgerLine } from './fund-figures.js';
