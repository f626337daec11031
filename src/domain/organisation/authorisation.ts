import { ALL_UNITS, coversPath, hasRole, type Actor, type Role } from '../shared/actors.js';
import { organisationPath, type RegisteredOrganisation } from './state.js';

/** The roles that keep a community's register of organisations. */
export const ORGANISATION_STAFF_ROLES: readonly Role[] = ['community-staff', 'administrator'];

/** The member role that may keep its own organisation's members and resource list. */
export const HEAD_ROLE = 'head';

type Home = Pick<RegisteredOrganisation, 'kind' | 'community' | 'unit'>;

/**
 * Registers and keeps an organisation: community staff or an administrator covering its home; a department
 * has no home in a community, so only a deployment-wide administrator (`'*'`) keeps it.
 */
export const mayKeepRegister = (actor: Pick<Actor, 'role' | 'scope'>, home: Home): boolean => {
  if (home.kind === 'department') {
    return actor.role === 'administrator' && actor.scope.includes(ALL_UNITS);
  }
  return hasRole(actor, ORGANISATION_STAFF_ROLES) && coversPath(actor, organisationPath(home));
};

/**
 * Keeps the members and resources of a registered organisation: whoever may keep the register, or the
 * organisation's own head as its history records them (never the `system`).
 */
export const mayKeepOrganisation = (
  actor: Pick<Actor, 'id' | 'role' | 'scope'>,
  organisation: RegisteredOrganisation,
): boolean =>
  mayKeepRegister(actor, organisation) ||
  (actor.role !== 'system' && organisation.members.get(actor.id) === HEAD_ROLE);
