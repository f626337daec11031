import type { PostedHonour } from '../../projections/honours/projection.js';
import { formatCount } from '../format.js';
import { escapeHtml } from '../html-escape.js';
import { htmlTable } from '../html-table.js';
import type { ReportData } from '../report-data.js';
import { section } from './section.js';

/** The figures an honour was awarded on, in words. */
const basisText = ({ award }: PostedHonour): string => {
  const { basis } = award;
  const parts = [`${formatCount(basis.points)} points`];
  if ('verifiedTasks' in basis) parts.push(`${formatCount(basis.verifiedTasks)} tasks`);
  if ('rank' in basis) parts.unshift(`rank ${basis.rank}`);
  if ('stars' in basis) parts.unshift('★'.repeat(basis.stars));
  return parts.join(', ');
};

/** The honours staff posted (评比, 红榜, 星级志愿者), as the history records them, with their prizes. */
export const honoursPostedSection = (data: ReportData): string => {
  const posted = data.honoursPosted ?? [];
  const content =
    posted.length === 0
      ? `<p class="empty">${escapeHtml('No honour was recorded.')}</p>`
      : htmlTable({
          id: 'table-honours-posted',
          caption: `Honours recorded: ${formatCount(posted.length)}`,
          columns: [
            { header: { en: 'Period', zh: '期间' } },
            { header: { en: 'Title', zh: '称号' } },
            { header: { en: 'Resident', zh: '居民' } },
            { header: { en: 'Community', zh: '社区' } },
            { header: { en: 'Basis', zh: '依据' } },
            { header: { en: 'Prize', zh: '奖品' } },
          ],
          rows: posted.map((honour) => [
            honour.award.period.key,
            honour.award.title,
            honour.award.residentId,
            honour.award.community,
            basisText(honour),
            honour.prize?.prize ?? '',
          ]),
        });
  return section(
    'honours-posted',
    { en: 'Honours awarded', zh: '评比表彰' },
    'The honours community staff awarded, as recorded in the history: each with the figures it was computed ' +
      'from, which `linli audit` holds to the honour roll replayed to the award, and the prize handed over.',
    content,
  );
};
