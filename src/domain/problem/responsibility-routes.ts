import { deepFreeze } from '../shared/freeze.js';

/** Who answers for a category by default, and whether the community files it with the street (备案). */
export interface ResponsibilityRoute {
  /** The role of the responsible body (`dedicated-cadre`, `department`, ...); `department` means `department:<the assignee>`. */
  readonly role: string;
  readonly fileWithStreet: boolean;
}

/** The default responsibility of each category, and of any category the table does not know. */
export interface ResponsibilityTable {
  readonly routes: Readonly<Record<string, ResponsibilityRoute>>;
  readonly fallback: ResponsibilityRoute;
}

const role = (name: string, fileWithStreet = false): ResponsibilityRoute => ({ role: name, fileWithStreet });

/**
 * Longtanzi's five routes (S4 L37) as responsible bodies: compound matters to the grid worker; pipes and septic
 * tanks to community staff, who contact the right unit; policy questions (jobs, social insurance, subsistence,
 * pensions) to a named dedicated cadre (专职干部); property management, drinking water and fire lanes to the
 * community secretary, who coordinates them and files them with the street; works beyond the street's powers
 * to the responsible department. The roles are the seed's; the fallback (the grid worker) is a default to
 * configure.
 */
export const DEFAULT_RESPONSIBILITY: ResponsibilityTable = deepFreeze({
  routes: {
    'neighbour-dispute': role('grid-worker'),
    'garbage-collection': role('grid-worker'),
    'blocked-pipe': role('community-staff'),
    'septic-tank': role('community-staff'),
    employment: role('dedicated-cadre'),
    'social-insurance': role('dedicated-cadre'),
    'subsistence-allowance': role('dedicated-cadre'),
    pension: role('dedicated-cadre'),
    'property-management': role('community-secretary', true),
    'drinking-water': role('community-secretary', true),
    'fire-lane-obstruction': role('community-secretary', true),
    'river-works': role('department'),
    'forest-fire-road': role('department'),
    'road-widening': role('department'),
  },
  fallback: role('grid-worker'),
});

/** The default responsibility of a category; unknown categories take the table's fallback. */
export const responsibilityFor = (table: ResponsibilityTable, category: string): ResponsibilityRoute =>
  Object.hasOwn(table.routes, category) ? (table.routes[category] ?? table.fallback) : table.fallback;

/** The kind of assignee a route's role wants: an organisation for a department or company, else a person. */
export const assigneeKindOfRoute = (route: ResponsibilityRoute): 'person' | 'organisation' =>
  route.role === 'department' || route.role === 'property-company' ? 'organisation' : 'person';
