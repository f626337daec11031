import { hoursBetween } from '../../domain/shared/time.js';
import type { LedgerLine } from '../../projections/problem-ledger/ledger-rows.js';
import { formatCount, formatDays } from '../format.js';
import { escapeHtml } from '../html-escape.js';
import { htmlTable } from '../html-table.js';
import { TIER_LABELS, labelText, unitText } from '../labels.js';
import { localDateTime } from '../local-time.js';
import type { ReportData } from '../report-data.js';
import { section } from './section.js';

/** The problems open past their deadline at the report's instant, the longest overdue first. */
export const overdueSection = (data: ReportData): string => {
  const asOf = data.asOf;
  const communityNames = new Map(data.communities.map((line) => [line.community, line.name] as const));
  const gridNames = new Map(data.grids.map((line) => [`${line.community}/${line.grid}`, line.name] as const));
  const row = (line: LedgerLine): string[] => {
    const due = line.dueBy ?? line.reportedAt;
    return [
      line.problemId,
      unitText(line.path.community, communityNames.get(line.path.community)),
      unitText(line.path.grid, gridNames.get(`${line.path.community}/${line.path.grid}`)),
      line.category,
      line.tier === undefined ? '' : labelText(TIER_LABELS[line.tier]),
      localDateTime(line.reportedAt, data.timeZone),
      localDateTime(due, data.timeZone),
      asOf === undefined ? '' : formatDays(hoursBetween(due, asOf)),
    ];
  };
  const content =
    data.overdue.length === 0
      ? `<p class="empty">${escapeHtml("No problem is overdue at the report's instant.")}</p>`
      : htmlTable({
          id: 'table-overdue',
          caption: `${formatCount(data.overdue.length)} problems overdue at the report's instant`,
          columns: [
            { header: { en: 'Problem', zh: '问题' } },
            { header: { en: 'Community', zh: '社区' } },
            { header: { en: 'Grid', zh: '网格' } },
            { header: { en: 'Category', zh: '类别' } },
            { header: { en: 'Held by', zh: '承办' } },
            { header: { en: `Reported (${data.timeZone})` } },
            { header: { en: 'Due', zh: '期限' } },
            { header: { en: 'Overdue by', zh: '超期' }, numeric: true },
          ],
          rows: data.overdue.map(row),
        });
  return section(
    'overdue',
    { en: 'Overdue problems', zh: '逾期问题清单' },
    "Every problem open at the report's instant and past the deadline of the tier holding it, as the " +
      'problem ledger records it, the earliest deadline first. A problem waiting for triage has no deadline ' +
      'yet, so it is never on this list.',
    content,
  );
};
