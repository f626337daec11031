import type { CommunityPoints } from '../../projections/points-ledger/state.js';
import { formatCount } from '../format.js';
import { htmlTable } from '../html-table.js';
import { unitText } from '../labels.js';
import type { ReportData } from '../report-data.js';
import { section } from './section.js';

const cells = (line: CommunityPoints): string[] => [
  formatCount(line.residents),
  formatCount(line.issued),
  formatCount(line.redeemed),
  formatCount(line.adjusted),
  formatCount(line.outstanding),
];

/** The points ledger per community: points issued, redeemed and still owed at the next redemption event. */
export const pointsSection = (data: ReportData): string => {
  const { communities, total } = data.points;
  const table = htmlTable({
    id: 'table-points',
    caption: 'Points per community, whole history',
    columns: [
      { header: { en: 'Community', zh: '社区' } },
      { header: { en: 'Residents', zh: '居民' }, numeric: true },
      { header: { en: 'Issued', zh: '发放' }, numeric: true },
      { header: { en: 'Redeemed', zh: '兑换' }, numeric: true },
      { header: { en: 'Adjusted', zh: '调整' }, numeric: true },
      { header: { en: 'Outstanding', zh: '待兑付' }, numeric: true },
    ],
    rows: communities.map((line) => [unitText(line.community, line.name), ...cells(line)]),
    footer: ['All communities', ...cells(total)],
  });
  return section(
    'points',
    { en: 'Points ledger', zh: '积分台账' },
    'Points issued for verified volunteer tasks, redeemed for goods and adjusted by hand in each community, ' +
      "and what the community still owes: the balances of the residents whose account it holds (a resident's " +
      'latest entry decides which), payable at its next redemption event.',
    table,
  );
};
