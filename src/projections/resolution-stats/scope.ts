import type { UnitPath } from '../../domain/shared/units.js';

/**
 * Which places a query covers: every unit it names must be on a problem's path. `{}` covers everything,
 * `{ street }` a whole street, `{ community }` one community, `{ grid }` one grid.
 */
export interface UnitScope {
  readonly street?: string;
  readonly community?: string;
  readonly grid?: string;
}

/** True when a problem's path lies within the scope. */
export const inScope = (path: UnitPath, scope: UnitScope): boolean =>
  (scope.street === undefined || scope.street === path.street) &&
  (scope.community === undefined || scope.community === path.community) &&
  (scope.grid === undefined || scope.grid === path.grid);

/** The three levels of the unit path a report can be broken down by. */
export type PathLevel = keyof UnitPath;
