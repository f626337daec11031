import { coversPath, hasRole, type Actor, type Role } from '../shared/actors.js';

/** The staff roles that convene a compound's deliberation: the community's staff and administrators. */
export const CONVENER_ROLES: readonly Role[] = ['community-staff', 'administrator'];

/**
 * Who convenes (tables, forms the group, holds hearings, opens and closes ballots): staff whose scope covers
 * the community or the compound, or a leader of the compound itself (a compound leader's scope names the
 * compound, see `Governance.scopeOf`). `system` is never a convener.
 */
export const mayConvene = (actor: Actor, community: string, compoundId: string): boolean =>
  (hasRole(actor, CONVENER_ROLES) && coversPath(actor, [community, compoundId])) ||
  (hasRole(actor, ['resident', 'grid-worker']) && actor.scope.includes(compoundId));

/**
 * Acting as an owner (submitting, supporting, voting): a resident acting in person, as the owner the command
 * names. Whether that owner is registered in the compound is a fact of the owners' register, checked by the
 * governance facade and the audit.
 */
export const actsAsOwner = (actor: Actor, ownerId: string): boolean =>
  hasRole(actor, ['resident']) && actor.id === ownerId;
