import type { HistorySource } from '../audit/read-history.js';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../projections/resolution-stats/calendar.js';
import { TARGET_721, type Targets721 } from '../projections/resolution-stats/targets.js';
import { foldHistory, type FoldHistoryOptions } from './fold-history.js';
import type { ReportData } from './report-data.js';
import { reportFigures } from './report-figures.js';

/** Options of {@link buildReport}. */
export interface BuildReportOptions extends FoldHistoryOptions {
  /** The IANA time zone months are counted in; Asia/Shanghai when omitted. */
  readonly timeZone?: string;
  /** The shares to hold the communities to; Changzhou's 70/20/10 when omitted. */
  readonly targets?: Targets721;
}

/**
 * Reads a history file (or stream) once and computes everything `linli report` shows, judged at the latest
 * instant the history records, never at the wall clock: the same history gives the same data, today or in
 * ten years. See {@link reportFigures} for how each figure is counted.
 * @throws RangeError for an unknown time zone (before anything is read); HistoryReadError when the file
 * cannot be read as a history.
 */
export const buildReport = async (
  source: HistorySource,
  options: BuildReportOptions = {},
): Promise<ReportData> => {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone)) throw new RangeError(`unknown time zone ${timeZone}`);
  const folded = await foldHistory(source, options);
  const figures = reportFigures(folded, {
    asOf: folded.lastEventAt,
    timeZone,
    targets: options.targets ?? TARGET_721,
  });
  return { ...figures, history: folded.facts };
};
