import type { HistorySource } from '../audit/read-history.js';
import { assertStarThresholds, DEFAULT_STAR_THRESHOLDS } from '../projections/honour-roll/star-ratings.js';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../projections/resolution-stats/calendar.js';
import {
  Rates12345DefinitionsSchema,
  type Rates12345DefinitionsInput,
} from '../projections/resolution-stats/rates-12345.js';
import { TARGET_721, type Targets721 } from '../projections/resolution-stats/targets.js';
import { foldHistory, type FoldHistoryOptions } from './fold-history.js';
import type { ReportData } from './report-data.js';
import { reportFigures } from './report-figures.js';

/** Places on the report's quarterly honour roll unless configured: `topContributors`' own default. */
export const DEFAULT_HONOUR_PLACES = 10;

/** Options of {@link buildReport}. */
export interface BuildReportOptions extends FoldHistoryOptions {
  /** The IANA time zone months are counted in; Asia/Shanghai when omitted. */
  readonly timeZone?: string;
  /** The shares to hold the communities to; Changzhou's 70/20/10 when omitted. */
  readonly targets?: Targets721;
  /** How the 12345 rates are counted; each field defaults as `Rates12345DefinitionsSchema` documents. */
  readonly rates12345?: Rates12345DefinitionsInput;
  /** Places on the quarter's honour roll (all tied for the last place are listed); default 10. */
  readonly honourPlaces?: number;
  /** The points each star of the year takes, ascending; default `DEFAULT_STAR_THRESHOLDS` (50 ... 1,000). */
  readonly starThresholds?: readonly number[];
}

/**
 * Reads a history file (or stream) once and computes everything `linli report` shows, judged at the latest
 * instant the history records, never at the wall clock: the same history gives the same data, today or in
 * ten years. See {@link reportFigures} for how each figure is counted.
 * @throws RangeError for an unknown time zone, a places count that is not a positive integer or a star table
 * that is not increasing, and ZodError for invalid 12345 definitions (all before anything is read);
 * HistoryReadError when the file cannot be read as a history.
 */
export const buildReport = async (
  source: HistorySource,
  options: BuildReportOptions = {},
): Promise<ReportData> => {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone)) throw new RangeError(`unknown time zone ${timeZone}`);
  const places = options.honourPlaces ?? DEFAULT_HONOUR_PLACES;
  if (!Number.isSafeInteger(places) || places < 1) {
    throw new RangeError(`honourPlaces must be a positive integer: ${places}`);
  }
  const starThresholds = options.starThresholds ?? DEFAULT_STAR_THRESHOLDS;
  assertStarThresholds(starThresholds);
  const rates12345 = Rates12345DefinitionsSchema.parse(options.rates12345 ?? {});
  const folded = await foldHistory(source, { ...options, timeZone });
  const figures = reportFigures(folded, {
    asOf: folded.lastEventAt,
    timeZone,
    targets: options.targets ?? TARGET_721,
    rates12345,
    honour: { places, starThresholds },
  });
  return { ...figures, history: folded.facts };
};
