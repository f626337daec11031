import type { Tier } from '../../domain/shared/tiers.js';

/**
 * The three buckets of the 721 target: the grid, the community, and the street together with the
 * departments (Changzhou's "about 10% solved at the town/street level" counts everything above the
 * community).
 */
export const SHARE_BUCKETS = ['grid', 'community', 'streetAndAbove'] as const;

/** One bucket of the 721 target. */
export type ShareBucket = (typeof SHARE_BUCKETS)[number];

/** The share of resolved problems each bucket should take; the three add up to 1. */
export type Targets721 = Readonly<Record<ShareBucket, number>>;

/** Changzhou's 721: 70% in the grid, 20% in the community, 10% at the street or above. */
export const TARGET_721: Targets721 = Object.freeze({ grid: 0.7, community: 0.2, streetAndAbove: 0.1 });

/** The 721 bucket a resolving tier counts in. */
export const shareBucketOf = (tier: Tier): ShareBucket => {
  switch (tier) {
    case 'grid':
      return 'grid';
    case 'community':
      return 'community';
    case 'street':
    case 'department':
      return 'streetAndAbove';
  }
};
