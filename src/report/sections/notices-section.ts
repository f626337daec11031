import { formatCount } from '../format.js';
import { escapeHtml } from '../html-escape.js';
import type { ReportData } from '../report-data.js';

/**
 * Warnings about the history the figures were drawn from: a trailer that disagrees with the file, events
 * left out because they are not valid linli events, or no events at all. Empty for a sound history.
 */
export const noticesSection = (data: ReportData): string => {
  const { history } = data;
  const notices: string[] = [];
  if (data.asOf === undefined) notices.push('The history holds no events: there is nothing to report yet.');
  if (history.integrity.length > 0) {
    notices.push(
      `The history file does not match its trailer (${history.integrity.join('; ')}). The figures are drawn ` +
        'from the events as read; check the file with linli audit.',
    );
  }
  if (history.skipped > 0) {
    const named = history.firstSkipped
      .map((event) => `line ${event.line} (${event.streamId}, ${event.type}): ${event.reason}`)
      .join('; ');
    notices.push(
      `${formatCount(history.skipped)} of ${formatCount(history.events)} events are not valid linli events ` +
        `and were left out of every figure: ${named}${history.skipped > history.firstSkipped.length ? '; ...' : ''}. ` +
        'Check the file with linli audit.',
    );
  }
  if (notices.length === 0) return '';
  return `<aside class="notices" role="note">${notices.map((notice) => `<p>${escapeHtml(notice)}</p>`).join('')}</aside>`;
};
