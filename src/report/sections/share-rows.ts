import type { BucketShare, Figures721 } from '../../projections/resolution-stats/query-721.js';
import { SHARE_BUCKETS, type Targets721 } from '../../projections/resolution-stats/targets.js';
import { BUCKET_COLOURS } from '../charts/palette.js';
import type { ShareMarker, ShareRow } from '../charts/share-bars.js';
import { formatCount, formatPercent, formatPoints } from '../format.js';
import type { ColumnGroup, TableColumn } from '../html-table.js';
import { BUCKET_LABELS, labelText } from '../labels.js';
import type { LegendEntry } from './section.js';

/** A bar of 721 shares: one segment per bucket, labelled with how many resolved problems it counts. */
export const shareRow = (label: string, figures: Figures721): ShareRow => ({
  label,
  note: `n = ${formatCount(figures.resolved)}`,
  segments: SHARE_BUCKETS.map((bucket) => ({
    label: labelText(BUCKET_LABELS[bucket]),
    colour: BUCKET_COLOURS[bucket],
    share: figures.shares[bucket].share,
  })),
});

/** The target as the first bar, to read every other bar against. */
export const targetRow = (targets: Targets721): ShareRow => ({
  label: 'Target 目标',
  note: '721',
  segments: SHARE_BUCKETS.map((bucket) => ({
    label: labelText(BUCKET_LABELS[bucket]),
    colour: BUCKET_COLOURS[bucket],
    share: targets[bucket],
  })),
});

/** Dashed lines where the target's grid share and its community share end. */
export const targetMarkers = (targets: Targets721): ShareMarker[] => [
  { at: targets.grid, label: formatPercent(targets.grid) },
  { at: targets.grid + targets.community, label: formatPercent(targets.grid + targets.community) },
];

/** The target in words: `70.0% grid, 20.0% community, 10.0% street and above`. */
export const targetText = (targets: Targets721): string =>
  SHARE_BUCKETS.map(
    (bucket) => `${formatPercent(targets[bucket])} ${BUCKET_LABELS[bucket].en.toLowerCase()}`,
  ).join(', ');

/** The legend of a share chart: the three buckets and the target's boundary. */
export const SHARE_LEGEND: readonly LegendEntry[] = [
  ...SHARE_BUCKETS.map((bucket): LegendEntry => ({
    label: BUCKET_LABELS[bucket],
    colour: BUCKET_COLOURS[bucket],
  })),
  { label: { en: 'Target boundary', zh: '目标' }, colour: '#222', shape: 'dash' },
];

/** A bucket's share and its distance from the target, for the compact tables (grids, months). */
export const shareCells = (share: BucketShare): string[] => [
  formatPercent(share.share),
  formatPoints(share.deviation),
];

/** The columns of {@link shareCells} for the three buckets, under one group header per bucket. */
export const SHARE_COLUMNS: readonly TableColumn[] = SHARE_BUCKETS.flatMap((): TableColumn[] => [
  { header: { en: 'Share' }, numeric: true },
  { header: { en: 'vs target' }, numeric: true },
]);

/** The group headers over {@link SHARE_COLUMNS}, after `leading` ungrouped columns. */
export const shareGroups = (leading: number): ColumnGroup[] => [
  { span: leading },
  ...SHARE_BUCKETS.map((bucket): ColumnGroup => ({ header: BUCKET_LABELS[bucket], span: 2 })),
];
