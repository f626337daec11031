import { coversPath, hasRole, type Actor, type Role } from '../shared/actors.js';
import { fundProjectPath, type SolicitedProject } from './state.js';

/** The roles that keep a community's fund: record decisions, implementation, spending and co-funding. */
export const FUND_STAFF_ROLES: readonly Role[] = ['community-staff', 'administrator'];

/**
 * The roles that supervise (项目监督): the street, which oversees its communities' funds, or an
 * administrator; not the community staff who spend the money.
 */
export const FUND_SUPERVISOR_ROLES: readonly Role[] = ['street-official', 'administrator'];

type Place = Pick<SolicitedProject, 'street' | 'community'>;

/** Fund staff whose scope covers the project's street or community. */
export const isFundStaffFor = (actor: Actor, place: Place): boolean =>
  hasRole(actor, FUND_STAFF_ROLES) && coversPath(actor, fundProjectPath(place));

/** A supervisor whose scope covers the project's street or community. */
export const maySupervise = (actor: Actor, place: Place): boolean =>
  hasRole(actor, FUND_SUPERVISOR_ROLES) && coversPath(actor, fundProjectPath(place));

/**
 * Putting a project forward: a resident in their own name, or fund staff on anyone's behalf (a need
 * collected door to door).
 */
export const maySolicit = (actor: Actor, place: Place, proposerId: string): boolean =>
  (hasRole(actor, ['resident']) && proposerId === actor.id) || isFundStaffFor(actor, place);
