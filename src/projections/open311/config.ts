import type { Tier } from '../../domain/shared/tiers.js';
import type { UnitPath } from '../../domain/shared/units.js';

/**
 * How problems are presented to Open311 consumers. Agencies are templates in which `{street}`,
 * `{community}` and `{grid}` stand for the ids of the problem's path.
 */
export interface Open311Config {
  /** The agency answering for each tier. */
  readonly agencies: Readonly<Record<Tier, string>>;
  /** The tier named as responsible before triage: whoever triages (the grid, by default). */
  readonly untriagedTier: Tier;
  /** Display names per category; a category without one is named after its slug. */
  readonly serviceNames: Readonly<Record<string, string>>;
  /** Turns a media reference into a public URL, or undefined to leave it out (default: keep http(s) URLs). */
  readonly mediaUrl: (reference: string) => string | undefined;
  /** A human-readable place for the path, or undefined to leave `address` out (the default). */
  readonly address: (path: UnitPath) => string | undefined;
  /** Whether to include the problem's description (default true). */
  readonly includeDescription: boolean;
}

/** Options as a caller writes them: anything left out (any tier's agency too) takes the default. */
export type Open311Options = Partial<Omit<Open311Config, 'agencies'>> & {
  readonly agencies?: Partial<Record<Tier, string>>;
};

/** Grid, community residents' committee, street office, and the responsible department. */
export const DEFAULT_OPEN311_CONFIG: Open311Config = Object.freeze({
  agencies: Object.freeze({
    grid: 'Grid {grid}',
    community: 'Community {community} residents committee',
    street: 'Street {street} office',
    department: 'Responsible department',
  }),
  untriagedTier: 'grid',
  serviceNames: Object.freeze({}),
  mediaUrl: (reference: string) => (/^https?:\/\/\S+$/.test(reference) ? reference : undefined),
  address: () => undefined,
  includeDescription: true,
});

/** The options merged over the defaults. */
export const open311Config = (options: Open311Options = {}): Open311Config => ({
  ...DEFAULT_OPEN311_CONFIG,
  ...options,
  agencies: { ...DEFAULT_OPEN311_CONFIG.agencies, ...options.agencies },
});

/** The agency of a tier for a path, its template filled in. */
export const agencyFor = (config: Open311Config, tier: Tier, path: UnitPath): string =>
  config.agencies[tier].replace(/\{(street|community|grid)\}/g, (_, unit: keyof UnitPath) => path[unit]);

/** The display name of a category: the configured one, or the slug as a sentence (`Missing manhole cover`). */
export const serviceNameOf = (config: Open311Config, category: string): string => {
  if (Object.hasOwn(config.serviceNames, category)) {
    const name = config.serviceNames[category];
    if (name !== undefined) return name;
  }
  const words = category.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};
