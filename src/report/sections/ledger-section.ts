import { formatCount } from '../format.js';
import { htmlTable } from '../html-table.js';
import type { CategoryLine, ReportData } from '../report-data.js';
import { section } from './section.js';

const cells = (line: Omit<CategoryLine, 'category'>): string[] => [
  formatCount(line.reported),
  formatCount(line.open),
  formatCount(line.overdue),
  formatCount(line.resolved),
  formatCount(line.rejected),
];

/** The problem ledger (台账) counted by category, as the whole history leaves it. */
export const ledgerSection = (data: ReportData): string => {
  const total = data.categories.reduce(
    (sum, line) => ({
      reported: sum.reported + line.reported,
      open: sum.open + line.open,
      overdue: sum.overdue + line.overdue,
      resolved: sum.resolved + line.resolved,
      rejected: sum.rejected + line.rejected,
    }),
    { reported: 0, open: 0, overdue: 0, resolved: 0, rejected: 0 },
  );
  const table = htmlTable({
    id: 'table-ledger',
    caption: 'Problem ledger by category',
    columns: [
      { header: { en: 'Category', zh: '类别' } },
      { header: { en: 'Reported' }, numeric: true },
      { header: { en: 'Open', zh: '在办' }, numeric: true },
      { header: { en: 'Overdue', zh: '逾期' }, numeric: true },
      { header: { en: 'Resolved or closed', zh: '已办结' }, numeric: true },
      { header: { en: 'Rejected', zh: '不予受理' }, numeric: true },
    ],
    rows: data.categories.map((line) => [line.category, ...cells(line)]),
    footer: ['Total', ...cells(total)],
  });
  return section(
    'ledger',
    { en: 'Problem ledger by category', zh: '问题台账' },
    'Every problem in the ledger by the category triage confirmed (the reported one while it waits for ' +
      'triage), as the whole history leaves it.',
    table,
  );
};
