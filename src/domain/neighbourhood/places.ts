import { isPlainRecord } from '../shared/plain-record.js';
import type { UnitPath } from '../shared/units.js';
import { isEstablished, type NeighbourhoodState } from './state.js';
import { levelOf } from './tree.js';

/**
 * A place a command or an event names for itself: a problem's street / community / grid path, or a task's
 * community and unit. Scope checks compare an actor's units with these ids, so they must be the directory's:
 * a command cannot place itself in a community by naming one of its own units under it.
 */
export type NamedPlace =
  | { readonly kind: 'path'; readonly path: UnitPath }
  | { readonly kind: 'unit'; readonly community: string; readonly unit?: string }
  | { readonly kind: 'community'; readonly street: string; readonly community: string };

/** The messages that name a place, commands and the events they record alike. */
const PATH_MESSAGES = new Set(['ReportProblem', 'ProblemReported']);
const UNIT_MESSAGES = new Set([
  'PublishTask',
  'TaskPublished',
  'RegisterOrganisation',
  'OrganisationRegistered',
]);
/** Fund projects and partnerships name their street and community (the street supervises the fund). */
const COMMUNITY_MESSAGES = new Set([
  'SolicitFundProject',
  'FundProjectSolicited',
  'AgreePartnership',
  'PartnershipAgreed',
]);

/** The place a command or event names (`ReportProblem`'s path, `PublishTask`'s unit), if it names one. */
export const namedPlace = (message: {
  readonly type: string;
  readonly data: unknown;
}): NamedPlace | undefined => {
  const { data } = message;
  if (!isPlainRecord(data)) return undefined;
  if (PATH_MESSAGES.has(message.type) && isPlainRecord(data.path)) {
    return { kind: 'path', path: data.path as UnitPath };
  }
  if (UNIT_MESSAGES.has(message.type) && typeof data.community === 'string') {
    return typeof data.unit === 'string'
      ? { kind: 'unit', community: data.community, unit: data.unit }
      : { kind: 'unit', community: data.community };
  }
  if (
    COMMUNITY_MESSAGES.has(message.type) &&
    typeof data.street === 'string' &&
    typeof data.community === 'string'
  ) {
    return { kind: 'community', street: data.street, community: data.community };
  }
  return undefined;
};

/** The community whose register judges a named place. */
export const placeCommunity = (place: NamedPlace): string =>
  place.kind === 'path' ? place.path.community : place.community;

/**
 * Why the register of the place's community does not bear the place out, or undefined when it does: the
 * community must be established, a path's street must be the community's and its grid a grid of it, a unit
 * must be a unit of it. The governance facade refuses such a command and the audit flags such an event, both
 * by this rule.
 */
export const placeMismatch = (register: NeighbourhoodState, place: NamedPlace): string | undefined => {
  const community = placeCommunity(place);
  if (!isEstablished(register)) return `the directory records no community ${community}`;
  if (place.kind === 'path') {
    const { street, grid } = place.path;
    if (register.streetId !== street) {
      return `the directory records ${community} in street ${register.streetId}, not ${street}`;
    }
    const level = levelOf(register, grid);
    return level === 'grid' ? undefined : `the directory records no grid ${grid} in ${community}`;
  }
  if (place.kind === 'community') {
    return register.streetId === place.street
      ? undefined
      : `the directory records ${community} in street ${register.streetId}, not ${place.street}`;
  }
  if (place.unit === undefined) return undefined;
  const level = levelOf(register, place.unit);
  return level !== undefined && level !== 'community'
    ? undefined
    : `the directory records no unit ${place.unit} in ${community}`;
};
