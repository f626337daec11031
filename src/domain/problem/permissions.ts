import { coversPath, type Actor, type Role } from '../shared/actors.js';
import { tierRank, type Tier } from '../shared/tiers.js';
import { pathUnits, type UnitPath } from '../shared/units.js';

/** The staff role that answers for each tier of the ladder. */
export const TIER_ROLES: Readonly<Record<Tier, Role>> = {
  grid: 'grid-worker',
  community: 'community-staff',
  street: 'street-official',
  department: 'department',
};

/** The roles that may triage or turn away a problem not yet handed to a tier. */
export const TRIAGE_ROLES: readonly Role[] = ['grid-worker', 'community-staff', 'street-official'];

/** The tier a staff role answers for, or undefined for residents, administrators and the system. */
export const tierOfRole = (role: Role): Tier | undefined =>
  (Object.keys(TIER_ROLES) as Tier[]).find((tier) => TIER_ROLES[tier] === role);

type Acting = Pick<Actor, 'role' | 'scope'>;

/**
 * True when the actor's scope reaches the problem's place. Departments work city-wide, so their role is
 * enough. Administrators are held to their scope like everyone else (`'*'` for the whole deployment).
 */
export const reachesPath = (actor: Acting, path: UnitPath): boolean => {
  if (actor.role === 'department') return true;
  return coversPath(actor, pathUnits(path));
};

/** Triage: a grid worker, community staff member, street official or administrator reaching the place. */
export const mayTriage = (actor: Acting, path: UnitPath): boolean =>
  (actor.role === 'administrator' || TRIAGE_ROLES.includes(actor.role)) && reachesPath(actor, path);

/**
 * Acting for a tier (escalate, resolve, close, reopen, turn away once triaged): the tier's own staff, the
 * staff of any tier above it (a higher tier may always take over), or an administrator, reaching the place.
 */
export const mayActForTier = (actor: Acting, tier: Tier, path: UnitPath): boolean => {
  if (actor.role !== 'administrator') {
    const own = tierOfRole(actor.role);
    if (own === undefined || tierRank(own) < tierRank(tier)) return false;
  }
  return reachesPath(actor, path);
};
