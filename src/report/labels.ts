import type { Tier } from '../domain/shared/tiers.js';
import type { ShareBucket } from '../projections/resolution-stats/targets.js';
import { escapeHtml } from './html-escape.js';

/** A label in English, with the Chinese term the field reports use where there is a natural one. */
export interface Label {
  readonly en: string;
  readonly zh?: string;
}

/** A label as HTML: the Chinese marked as such, so screen readers and fonts pick the right language. */
export const labelHtml = (label: Label): string =>
  label.zh === undefined
    ? escapeHtml(label.en)
    : `${escapeHtml(label.en)} <span lang="zh-CN">${escapeHtml(label.zh)}</span>`;

/** A label as plain text (for SVG tooltips and titles). */
export const labelText = (label: Label): string =>
  label.zh === undefined ? label.en : `${label.en} ${label.zh}`;

/** The tiers of the response ladder. */
export const TIER_LABELS: Readonly<Record<Tier, Label>> = {
  grid: { en: 'Grid', zh: '网格' },
  community: { en: 'Community', zh: '社区' },
  street: { en: 'Street', zh: '街道' },
  department: { en: 'Department', zh: '部门' },
};

/** The three buckets of the 721 target. */
export const BUCKET_LABELS: Readonly<Record<ShareBucket, Label>> = {
  grid: { en: 'Grid', zh: '网格' },
  community: { en: 'Community', zh: '社区' },
  streetAndAbove: { en: 'Street and above', zh: '街道及以上' },
};

/** A unit as the report names it: its directory name with its id (`Bairuijing (c01)`), or the id alone. */
export const unitText = (id: string, name: string | undefined): string =>
  name === undefined || name === id ? id : `${name} (${id})`;
