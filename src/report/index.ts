/**
 * `linli report`: a self-contained HTML report drawn from a history file, with the 721 shares per community,
 * monthly resolutions by tier, backlog and overdue over time, and satisfaction, as inline SVG charts with
 * their figures in tables.
 */
export { buildReport, type BuildReportOptions } from './build-report.js';
export { foldHistory, type FoldedHistory, type FoldHistoryOptions } from './fold-history.js';
export { renderReportHtml } from './render-html.js';
export type {
  BacklogPoint,
  CategoryLine,
  CommunityFigures,
  HistoryFacts,
  MonthFigures,
  ReportData,
  SkippedEvent,
} from './report-data.js';
export { reportFigures, type ReportFigureOptions, type ReportStates } from './report-figures.js';
