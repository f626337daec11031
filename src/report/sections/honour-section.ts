import { formatCount } from '../format.js';
import { escapeHtml } from '../html-escape.js';
import { htmlTable } from '../html-table.js';
import { unitText } from '../labels.js';
import type { ReportData } from '../report-data.js';
import { section } from './section.js';

/** How many of the year's star volunteers hold each number of stars, most stars first. */
const starCounts = (data: ReportData): string[][] => {
  const { stars, starThresholds } = data.honour;
  return starThresholds
    .map((threshold, index) => {
      const level = index + 1;
      const holders = stars.filter((volunteer) => volunteer.stars === level).length;
      return [`${'★'.repeat(level)} ${level}`, formatCount(threshold), formatCount(holders)];
    })
    .reverse();
};

/** The honour roll: the quarter's top contributors (光荣榜) and the year's star volunteers (星级志愿者). */
export const honourSection = (data: ReportData): string => {
  const { honour } = data;
  const names = new Map(data.points.communities.map((line) => [line.community, line.name] as const));
  const top =
    honour.top.length === 0
      ? `<p class="empty">${escapeHtml(`No points were earned in ${honour.quarter}.`)}</p>`
      : htmlTable({
          id: 'table-honour',
          caption: `Top contributors, ${honour.quarter}, all communities`,
          columns: [
            { header: { en: 'Rank', zh: '名次' } },
            { header: { en: 'Resident', zh: '居民' } },
            { header: { en: 'Community', zh: '社区' } },
            { header: { en: 'Points earned', zh: '积分' }, numeric: true },
            { header: { en: 'Tasks verified', zh: '服务次数' }, numeric: true },
          ],
          rows: honour.top.map((place) => [
            String(place.rank),
            place.residentId,
            place.community === undefined ? '' : unitText(place.community, names.get(place.community)),
            formatCount(place.points),
            formatCount(place.verifiedTasks),
          ]),
        });
  const stars = htmlTable({
    id: 'table-stars',
    caption: `Star volunteers, ${honour.year}: ${formatCount(honour.stars.length)} residents`,
    columns: [
      { header: { en: 'Stars', zh: '星级' } },
      { header: { en: 'From points', zh: '积分起点' }, numeric: true },
      { header: { en: 'Volunteers', zh: '人数' }, numeric: true },
    ],
    rows: starCounts(data),
  });
  return section(
    'honour',
    { en: 'Honour roll', zh: '光荣榜' },
    `The residents who earned the most points in ${honour.quarter} (ties share a rank, and everyone tied ` +
      `for the last place is listed), with the community their points account is held by; and how many ` +
      `residents earned each number of stars in ${honour.year}, by the points they earned in it. Only ` +
      'earned points count: spending or adjusting points does not undo the work.',
    top + stars,
  );
};
