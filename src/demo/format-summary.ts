import type { BucketShare, Figures721 } from '../projections/resolution-stats/query-721.js';
import { TARGET_721 } from '../projections/resolution-stats/targets.js';
import type { DemoSummary } from './summary.js';

const count = (n: number): string => n.toLocaleString('en-US');

const percent = (rate: number | null): string => (rate === null ? '-' : `${(rate * 100).toFixed(1)}%`);

/** A share with its deviation from the target in percentage points: `71.3% +1.3`. */
const share = (bucket: BucketShare): string => {
  if (bucket.share === null || bucket.deviation === null) return '-';
  const points = bucket.deviation * 100;
  const sign = points >= 0 ? '+' : '-';
  return `${percent(bucket.share)} ${sign}${Math.abs(points).toFixed(1)}`;
};

/** Cells padded to their widths: the first `textColumns` left-aligned, the figures after them right-aligned. */
const row = (cells: readonly string[], widths: readonly number[], textColumns = 1): string =>
  cells
    .map((cell, i) => (i < textColumns ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
    .join(' ')
    .trimEnd();

const WIDTHS_721 = [22, 10, 8, 8, 12, 12, 12, 10, 8, 9];

const figuresRow = (label: string, households: number, figures: Figures721): string =>
  row(
    [
      label,
      count(households),
      count(figures.reported),
      count(figures.resolved),
      share(figures.shares.grid),
      share(figures.shares.community),
      share(figures.shares.streetAndAbove),
      percent(figures.completionRate),
      percent(figures.onTimeRate),
      percent(figures.satisfactionRate),
    ],
    WIDTHS_721,
  );

const WIDTHS_POINTS = [22, 9, 9, 9, 12, 10];

const WIDTHS_HONOUR = [4, 16, 22, 7, 6];

/**
 * The demo's printed report: the 721 per community against the target (share and deviation in percentage
 * points), the completion, on-time and satisfaction rates, the quarter's honour roll, the points per community
 * and the commands refused on purpose.
 */
export const formatSummary = (summary: DemoSummary): string => {
  const lines: string[] = [];
  const { street, communities, total } = summary;
  const households = communities.reduce((sum, community) => sum + community.households, 0);
  lines.push(
    `linli demo: ${street.name}, ${communities.length} ${communities.length === 1 ? 'community' : 'communities'}, ${count(summary.households)} ${summary.households === 1 ? 'household' : 'households'}, seed ${summary.seed}`,
    `${count(summary.commands)} commands through the governance facade, ${count(summary.events)} events recorded; ` +
      `${summary.provoked.length} commands refused on purpose, none otherwise.`,
    '',
    'The 721 in 2026: problems reported in the year, as they stood at its end (Asia/Shanghai).',
    'Shares of the resolved problems by the tier that solved them, and the deviation from the target in points.',
    row(
      [
        'community',
        'households',
        'reported',
        'resolved',
        'grid',
        'community',
        'street+dept',
        'completed',
        'on time',
        'satisfied',
      ],
      WIDTHS_721,
    ),
  );
  for (const community of communities) {
    lines.push(
      figuresRow(`${community.communityId} ${community.name}`, community.households, community.figures),
    );
  }
  lines.push(
    figuresRow(street.name, households, total.figures),
    row(
      [
        'target',
        '',
        '',
        '',
        percent(TARGET_721.grid),
        percent(TARGET_721.community),
        percent(TARGET_721.streetAndAbove),
      ],
      WIDTHS_721,
    ),
    '',
    `Honour roll ${summary.honourRoll.quarter}: the street's top contributors by points earned from verified tasks.`,
    row(['rank', 'resident', 'community', 'points', 'tasks'], WIDTHS_HONOUR, 3),
  );
  const names = new Map(communities.map((community) => [community.communityId, community.name]));
  for (const place of summary.honourRoll.places) {
    lines.push(
      row(
        [
          String(place.rank),
          place.residentId,
          `${place.community} ${names.get(place.community) ?? ''}`.trimEnd(),
          count(place.points),
          count(place.verifiedTasks),
        ],
        WIDTHS_HONOUR,
        3,
      ),
    );
  }
  if (summary.honourRoll.places.length === 0) lines.push('  (nobody earned points this quarter)');
  lines.push(
    '',
    'Points: issued for verified tasks, redeemed at the quarterly events, adjusted, and outstanding at year end.',
    row(['community', 'issued', 'redeemed', 'adjusted', 'outstanding', 'residents'], WIDTHS_POINTS),
  );
  for (const community of communities) {
    const { points } = community;
    lines.push(
      row(
        [
          `${community.communityId} ${community.name}`,
          count(points.issued),
          count(points.redeemed),
          count(points.adjusted),
          count(points.outstanding),
          count(points.residents),
        ],
        WIDTHS_POINTS,
      ),
    );
  }
  lines.push(
    row(
      [
        street.name,
        count(total.points.issued),
        count(total.points.redeemed),
        count(total.points.adjusted),
        count(total.points.outstanding),
        count(total.points.residents),
      ],
      WIDTHS_POINTS,
    ),
  );
  if (summary.provoked.length > 0) {
    lines.push('', 'Refused on purpose, to show the rules at work:');
    for (const provocation of summary.provoked) {
      lines.push(`  ${provocation.command}: ${provocation.label} -> ${provocation.actual ?? 'accepted!'}`);
    }
  }
  if (summary.history !== undefined) {
    lines.push(
      '',
      `History: ${count(summary.history.events)} events written to ${summary.history.path} (${summary.history.digest}).`,
    );
  }
  return `${lines.join('\n')}\n`;
};
