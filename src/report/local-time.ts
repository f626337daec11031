import { zonedFormatter } from '../projections/resolution-stats/calendar.js';

/**
 * An instant as the wall clock of a time zone shows it, `YYYY-MM-DD HH:mm`, assembled from the parts so that
 * no locale's punctuation reaches the report.
 * @throws RangeError for an unknown time zone.
 */
export const localDateTime = (instant: string, timeZone: string): string => {
  const parts: Record<string, string> = {};
  for (const part of zonedFormatter(timeZone, true).formatToParts(new Date(instant)))
    parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
};
