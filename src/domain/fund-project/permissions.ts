import { coversPath, hasRole, type Actor, type Role } from '../shared/actors.js';
import { fundProjectPath, type SolicitedProject } from './state.js';

/** The roles that keep a community's fund: record decisions, implementation, spending and co-funding. */
export const FUND_STAFF_ROLES: readonly Role[] = ['community-staff', 'administrator'];

/**
 * The roles that supervise (项目监督): the street, which oversees its communities' funds, or an
 * administrator; not the community staff who spend the money.
 */
export const FUND_SUPERVISOR_ROLES: readonly Role[] = ['street-official', 'administrator'];

/** Where a fund project or partnership stands: the street and community it names. */
export type FundPlace = Pick<SolicitedProject, 'street' | 'community'>;

/** Fund staff whose scope covers the project's street or community. */
export const isFundStaffFor = (actor: Actor, place: FundPlace): boolean =>
  hasRole(actor, FUND_STAFF_ROLES) && coversPath(actor, fundProjectPath(place));

/** A supervisor whose scope covers the project's street or community. */
export const maySupervise = (actor: Actor, place: FundPlace): boolean =>
  hasRole(actor, FUND_SUPERVISOR_ROLES) && coversPath(actor, fundProjectPath(place));

/**
 * Putting a project forward: a resident in their own name, or fund staff on anyone's behalf (a need
 * collected door to door).
 */
export const maySolicit = (actor: Actor, place: FundPlace, proposerId: string): boolean =>
  (hasRole(actor, ['resident']) && proposerId === actor.id) || isFundStaffFor(actor, place);
