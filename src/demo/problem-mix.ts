import { categoriesByTier, type RoutingTable } from '../domain/problem/routing.js';
import { TIERS, type Tier } from '../domain/shared/tiers.js';

/**
 * The share of reports whose category routes to each tier. Together with each community's escalation odds
 * this lands the district near the 721 pattern: most matters are grid matters, and a few climb.
 */
export const TIER_MIX: Readonly<Record<Tier, number>> = {
  grid: 0.76,
  community: 0.15,
  street: 0.06,
  department: 0.03,
};

/** How common a category is among those of its tier (1 for any category not listed). */
const CATEGORY_WEIGHT: Readonly<Record<string, number>> = {
  'garbage-collection': 3,
  'neighbour-dispute': 2,
  'illegal-parking': 2,
  noise: 1.5,
  littering: 1.5,
  'street-light': 1.2,
  'missing-manhole-cover': 0.3,
  other: 0.8,
  'blocked-pipe': 3,
  'subsistence-allowance': 0.7,
  'property-management': 3,
  'fire-lane-obstruction': 1.5,
  'forest-fire-road': 0.5,
};

/**
 * The categories of a routing table with the weight to draw each by: every category the table routes, the
 * tiers in the proportions of {@link TIER_MIX}.
 */
export const categoryMix = (table: RoutingTable): (readonly [string, number])[] => {
  const byTier = categoriesByTier(table);
  return TIERS.flatMap((tier) => {
    const categories = byTier[tier];
    const total = categories.reduce((sum, category) => sum + (CATEGORY_WEIGHT[category] ?? 1), 0);
    return categories.map(
      (category) => [category, (TIER_MIX[tier] * (CATEGORY_WEIGHT[category] ?? 1)) / total] as const,
    );
  });
};

/** What delivery riders notice on their rounds (a rider reported a missing manhole cover; fixed the next day). */
export const RIDER_CATEGORIES: readonly string[] = [
  'missing-manhole-cover',
  'street-light',
  'illegal-parking',
  'garbage-collection',
  'fire-lane-obstruction',
  'littering',
];

const DESCRIPTIONS: Readonly<Record<string, readonly string[]>> = {
  'neighbour-dispute': [
    'Neighbours quarrel over a shared corridor',
    'Dispute over water leaking into the flat below',
  ],
  'garbage-collection': [
    'Garbage not collected for two days at the lane entrance',
    'Sorting bins overflowing by the gate',
  ],
  'missing-manhole-cover': [
    'Manhole cover missing on the access road',
    'Broken manhole cover near the car park',
  ],
  'street-light': ['Street light out along the footpath', 'Stairwell light broken on the ground floor'],
  'illegal-advertising': [
    'Small adverts pasted on the stairwell walls',
    'Illegal flyers on the notice board',
  ],
  noise: ['Loud music late at night', 'Renovation noise outside permitted hours'],
  littering: ['Litter piled in the green belt', 'Construction waste dumped by the wall'],
  'illegal-parking': ['Cars parked across the pavement', 'Electric bikes blocking the building entrance'],
  'blocked-pipe': ['Drain blocked in the shared kitchen pipe', 'Sewage backing up in the basement'],
  'septic-tank': ['Septic tank overflowing behind the building', 'Septic tank due for clearing'],
  employment: ['Asks about re-employment training', 'Asks for help finding work after a layoff'],
  'social-insurance': [
    'Question about social insurance contributions',
    'Asks how to transfer social insurance',
  ],
  'subsistence-allowance': [
    'Asks about applying for the subsistence allowance',
    'Subsistence allowance review',
  ],
  pension: ['Pension payment question', 'Asks how to certify pension eligibility'],
  'property-management': [
    'Property manager ignores broken entrance gate',
    'Dispute with property management over fees',
  ],
  'drinking-water': ['Tap water discoloured in the whole building', 'Drinking water smells of chlorine'],
  'fire-lane-obstruction': ['Fire lane blocked by parked vans', 'Fire lane blocked by stacked goods'],
  'river-works': ['River embankment eroding near the footpath', 'Flood barrier damaged along the creek'],
  'forest-fire-road': ['Forest fire road overgrown and impassable', 'Forest fire road washed out'],
  'road-widening': ['Narrow road causes daily congestion at the school', 'Road too narrow for the bus route'],
  other: ['Stray dogs in the compound', 'Broken bench in the small park'],
};

const RESOLUTIONS: Readonly<Record<Tier, readonly string[]>> = {
  grid: ['Handled on the spot by the grid worker', 'Grid worker arranged the fix with the residents'],
  community: [
    'Community contacted the responsible unit and had it fixed',
    'Community cadre answered and followed up',
  ],
  street: ['Settled at the street joint meeting', 'Street coordinated the property manager and utilities'],
  department: ['Department works completed', 'Department scheduled and carried out the repair'],
};

const ESCALATION_REASONS: Readonly<Record<Tier, readonly string[]>> = {
  grid: [
    'Beyond the grid: needs the community to contact a department',
    'Residents could not agree; needs the community',
  ],
  community: ['Needs the street joint meeting', 'Involves units outside the community'],
  street: [
    'Beyond the street\u2019s powers: for the responsible department',
    'Needs works the street cannot order',
  ],
  department: [],
};

/** Why reporters take a resolution back. */
export const REOPEN_REASONS: readonly string[] = [
  'The problem came back within days',
  'Only half fixed',
  'Nobody came to look; marked solved anyway',
];

const pick = (texts: readonly string[] | undefined, n: number, fallback: string): string =>
  texts === undefined || texts.length === 0 ? fallback : (texts[n % texts.length] as string);

/** A description of a report of `category` (variant `n`): what was seen, never who. */
export const describe = (category: string, n: number): string =>
  pick(DESCRIPTIONS[category], n, `Reported: ${category.replace(/-/g, ' ')}`);

/** What the tier that solved a problem wrote (variant `n`). */
export const resolutionText = (tier: Tier, n: number): string => pick(RESOLUTIONS[tier], n, 'Resolved');

/** Why a tier hands a problem up (variant `n`). */
export const escalationReason = (tier: Tier, n: number): string =>
  pick(ESCALATION_REASONS[tier], n, 'Needs the next tier');
