import type { Tier } from '../../domain/shared/tiers.js';
import type { ShareBucket } from '../../projections/resolution-stats/targets.js';

/**
 * The colours of the tiers, from the grid's green up to the departments' purple: distinct in hue and in
 * lightness, so they part in greyscale print and for the common colour-vision deficiencies too.
 */
export const TIER_COLOURS: Readonly<Record<Tier, string>> = {
  grid: '#1b7a3a',
  community: '#3b82c4',
  street: '#e08a1e',
  department: '#7b3f98',
};

/** The colour of problems still open, drawn behind the tiers' colours. */
export const OPEN_COLOUR = '#c9ccd1';

/** The colour of overdue problems. */
export const OVERDUE_COLOUR = '#c62828';

/** The colour of the backlog line and of the satisfaction line. */
export const LINE_COLOUR = '#1f4e79';

/** The colours of the three 721 buckets: grid, community, street and above. */
export const BUCKET_COLOURS: Readonly<Record<ShareBucket, string>> = {
  grid: TIER_COLOURS.grid,
  community: TIER_COLOURS.community,
  streetAndAbove: TIER_COLOURS.street,
};

/** The colours of Beijing's three 12345 rates: response, resolution, satisfaction. */
export const RATE_COLOURS = {
  response: LINE_COLOUR,
  resolution: TIER_COLOURS.grid,
  satisfaction: TIER_COLOURS.street,
} as const;
