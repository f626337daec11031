import { z } from 'zod';
import { TIERS, TierSchema, type Tier } from '../shared/tiers.js';
import { toMillis } from '../shared/time.js';
import { ProblemCategorySchema, ProblemPrioritySchema, type ProblemPriority } from './events.js';
import { deepFreeze } from '../shared/freeze.js';

/** Where triage sends a category by default, and how urgent it is. */
export interface Route {
  readonly tier: Tier;
  readonly priority: ProblemPriority;
}

/**
 * The triage defaults of one deployment: a route per category, the route of any category the table does
 * not know, and the hours each tier gets before a problem it holds is overdue.
 */
export interface RoutingTable {
  readonly routes: Readonly<Record<string, Route>>;
  readonly fallback: Route;
  readonly dueHours: Readonly<Record<Tier, number>>;
}

const normal = (tier: Tier): Route => ({ tier, priority: 'normal' });

/**
 * Longtanzi's rule of thumb, "small problems don't leave the compound, big problems don't leave the
 * community", as a table; plus everyday grid matters. Policy questions go to the community because a
 * dedicated community cadre answers them; property, water and fire-lane matters stay with the community too:
 * the secretary coordinates them and files them with the street (`FileWithStreet`), which does not escalate
 * them (S4 L37, so they count in the 721's 20%); works beyond the street's powers go to the departments. A missing manhole cover is urgent (someone can fall in) but still a grid job.
 */
export const DEFAULT_ROUTING: RoutingTable = deepFreeze({
  routes: {
    'neighbour-dispute': normal('grid'),
    'garbage-collection': normal('grid'),
    'missing-manhole-cover': { tier: 'grid', priority: 'urgent' },
    'street-light': normal('grid'),
    'illegal-advertising': normal('grid'),
    noise: normal('grid'),
    littering: normal('grid'),
    'illegal-parking': normal('grid'),
    'blocked-pipe': normal('community'),
    'septic-tank': normal('community'),
    employment: normal('community'),
    'social-insurance': normal('community'),
    'subsistence-allowance': normal('community'),
    pension: normal('community'),
    'property-management': normal('community'),
    'drinking-water': { tier: 'community', priority: 'high' },
    'fire-lane-obstruction': { tier: 'community', priority: 'high' },
    'river-works': normal('department'),
    'forest-fire-road': normal('department'),
    'road-widening': normal('department'),
    other: normal('grid'),
  },
  fallback: normal('grid'),
  // A day in the grid ("fixed the next day", the seeds' only timing); three days in the community, a week
  // at the street and a month for a department's works are defaults to configure, not seed facts.
  dueHours: { grid: 24, community: 72, street: 168, department: 720 },
});

const RouteInputSchema = z.union([
  TierSchema,
  z.object({ tier: TierSchema, priority: ProblemPrioritySchema.default('normal') }),
]);

const RoutingOverridesSchema = z.object({
  routes: z.record(ProblemCategorySchema, RouteInputSchema).default({}),
  fallback: RouteInputSchema.optional(),
  dueHours: z.partialRecord(TierSchema, z.number().positive().finite()).default({}),
  replaceRoutes: z.boolean().default(false),
});

/**
 * Changes to {@link DEFAULT_ROUTING}: routes to add or replace (a tier alone means priority `normal`), another
 * fallback, other due hours per tier; `replaceRoutes` drops the default routes instead of extending them.
 */
export type RoutingOverrides = z.input<typeof RoutingOverridesSchema>;

/**
 * Builds a routing table from the defaults and `overrides`. A routing table is configuration, written by a
 * developer at start-up, so a bad one throws (a ZodError) instead of surfacing later as odd triage.
 */
export const createRoutingTable = (overrides: RoutingOverrides = {}): RoutingTable => {
  const parsed = RoutingOverridesSchema.parse(overrides);
  const routes: Record<string, Route> = parsed.replaceRoutes ? {} : { ...DEFAULT_ROUTING.routes };
  for (const [category, route] of Object.entries(parsed.routes)) routes[category] = toRoute(route);
  return deepFreeze({
    routes,
    fallback: parsed.fallback === undefined ? DEFAULT_ROUTING.fallback : toRoute(parsed.fallback),
    dueHours: { ...DEFAULT_ROUTING.dueHours, ...parsed.dueHours },
  });
};

/** The route of a category; categories the table does not know take its fallback route. */
export const routeFor = (table: RoutingTable, category: string): Route =>
  Object.hasOwn(table.routes, category) ? (table.routes[category] ?? table.fallback) : table.fallback;

/** The deadline a tier gets when it takes a problem over at `now` and nobody set one. */
export const defaultDueBy = (table: RoutingTable, tier: Tier, now: string): string =>
  new Date(toMillis(now) + table.dueHours[tier] * 3_600_000).toISOString();

/** The categories a table routes explicitly, grouped by their tier (for documentation and test data). */
export const categoriesByTier = (table: RoutingTable): Readonly<Record<Tier, readonly string[]>> => {
  const byTier = Object.fromEntries(TIERS.map((tier) => [tier, [] as string[]])) as Record<Tier, string[]>;
  for (const [category, route] of Object.entries(table.routes)) byTier[route.tier].push(category);
  return byTier;
};

function toRoute(input: Tier | Route): Route {
  return typeof input === 'string' ? normal(input) : { tier: input.tier, priority: input.priority };
}
