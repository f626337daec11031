import { z } from 'zod';

/** The response ladder, lowest first: a problem goes to the lowest tier able to solve it. */
export const TIERS = ['grid', 'community', 'street', 'department'] as const;

/** One rung of the response ladder. */
export type Tier = (typeof TIERS)[number];

/** Zod schema of a {@link Tier}. */
export const TierSchema = z.enum(TIERS);

/** The position of a tier on the ladder (grid = 0). */
export const tierRank = (tier: Tier): number => TIERS.indexOf(tier);

/** The tier one step above, or undefined for `department`, the top of the ladder. */
export const nextTier = (tier: Tier): Tier | undefined => TIERS[tierRank(tier) + 1];

/** True when `to` is exactly one step above `from`: the only escalation the ladder allows. */
export const isOneStepUp = (from: Tier, to: Tier): boolean => tierRank(to) === tierRank(from) + 1;
