import { formatYuan } from '../../domain/shared/money.js';
import type { FundLedgerLine } from '../fund-figures.js';
import { formatCount } from '../format.js';
import { htmlTable } from '../html-table.js';
import { unitText } from '../labels.js';
import type { ReportData } from '../report-data.js';
import { section } from './section.js';

const cells = (line: FundLedgerLine): string[] => [
  String(line.year),
  formatCount(line.projects),
  formatCount(line.decided),
  formatYuan(line.allocatedFen),
  formatYuan(line.spentFen),
  formatYuan(line.partnerFen),
  formatYuan(line.residentFen),
  formatCount(line.labourHours),
  formatCount(line.beneficiaries),
];

/**
 * The community fund ledger per community and fund year (allocated, spent, leveraged from partners and
 * residents) and the partnerships whose term has ended without revenue sharing started.
 */
export const fundsSection = (data: ReportData): string => {
  const { ledger, partnershipsDue, partnerships, sharing } = data.funds;
  const table = htmlTable({
    id: 'table-funds',
    caption: 'Community fund per community and fund year',
    columns: [
      { header: { en: 'Community', zh: '社区' } },
      { header: { en: 'Year', zh: '年度' }, numeric: true },
      { header: { en: 'Projects', zh: '项目' }, numeric: true },
      { header: { en: 'Decided', zh: '确定' }, numeric: true },
      { header: { en: 'Allocated', zh: '拨付' }, numeric: true },
      { header: { en: 'Spent', zh: '支出' }, numeric: true },
      { header: { en: 'Partner money', zh: '合作方资金' }, numeric: true },
      { header: { en: 'Resident money', zh: '居民自筹' }, numeric: true },
      { header: { en: 'Labour hours', zh: '投工时数' }, numeric: true },
      { header: { en: 'Beneficiaries', zh: '受益人数' }, numeric: true },
    ],
    rows: ledger.map((line) => [unitText(line.community, line.name), ...cells(line)]),
  });
  const due =
    partnershipsDue.length === 0
      ? `<p>No partnership is due to start sharing revenue (${formatCount(partnerships)} partnerships, ${formatCount(sharing)} sharing).</p>`
      : htmlTable({
          id: 'table-partnerships-due',
          caption: 'Partnerships whose term has ended, revenue sharing not yet started',
          columns: [
            { header: { en: 'Partnership', zh: '合作' } },
            { header: { en: 'Community', zh: '社区' } },
            { header: { en: 'Partner', zh: '合作方' } },
            { header: { en: 'Term ended', zh: '期满' } },
          ],
          rows: partnershipsDue.map((p) => [p.partnershipId, p.community, p.partnerId, p.termEnd]),
        });
  return section(
    'funds',
    { en: 'Community fund and partners', zh: '社区基金与合作伙伴' },
    'Fund projects count under the fund year they were solicited for: allocated is what their decisions and ' +
      'amendments approved, spent what was paid out (never more), partner and resident money what co-funded ' +
      'them; money a partnership records counts under the year of its receipt. Then the partnerships whose ' +
      'term has ended at the last event without revenue sharing started.',
    ledger.length === 0 ? `<p>No fund project or partner money recorded.</p>${due}` : `${table}${due}`,
  );
};
