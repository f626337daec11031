import { FOUR_PARTY_KINDS, type OrganisationKind } from '../../domain/organisation/events.js';
import { sortedIds } from '../id-record.js';
import type { OrganisationEntry, OrganisationRegisterState, ResourceEntry } from './state.js';

/** One line of a community's resource list: the resource and who offers it. */
export interface ResourceListLine extends ResourceEntry {
  readonly organisationId: string;
  readonly organisationKind: OrganisationKind;
  readonly organisationName: string;
}

const allOrganisations = (state: OrganisationRegisterState): OrganisationEntry[] =>
  sortedIds(state.organisations).map((id) => state.organisations[id] as OrganisationEntry);

/** The resource list (资源清单) of a community: every resource its organisations list now, by organisation and resource id. */
export const resourceList = (state: OrganisationRegisterState, community: string): ResourceListLine[] =>
  allOrganisations(state)
    .filter((organisation) => organisation.community === community)
    .flatMap((organisation) =>
      sortedIds(organisation.resources).map((id) => ({
        ...(organisation.resources[id] as ResourceEntry),
        organisationId: organisation.organisationId,
        organisationKind: organisation.kind,
        organisationName: organisation.name,
      })),
    );

/**
 * The organisations whose home is `unitId`: those that sit on it, or, for a community id, those of the
 * community with no narrower home. By organisation id.
 */
export const organisationsOfUnit = (state: OrganisationRegisterState, unitId: string): OrganisationEntry[] =>
  allOrganisations(state).filter(
    (organisation) =>
      organisation.unit === unitId || (organisation.unit === undefined && organisation.community === unitId),
  );

/** The four parties of a unit or compound (四方): the organisations of each kind sitting on it, possibly none. */
export type FourParties = Readonly<Record<(typeof FOUR_PARTY_KINDS)[number], readonly OrganisationEntry[]>>;

/** The four parties of a unit (a community or a compound): residents' and owners' committees, property company, social organisations. */
export const fourPartiesOf = (state: OrganisationRegisterState, unitId: string): FourParties => {
  const here = organisationsOfUnit(state, unitId);
  return Object.fromEntries(
    FOUR_PARTY_KINDS.map((kind) => [kind, here.filter((organisation) => organisation.kind === kind)]),
  ) as unknown as FourParties;
};

/** The current members of an organisation (person id to role), or undefined for an unregistered one. */
export const membersOf = (
  state: OrganisationRegisterState,
  organisationId: string,
): Readonly<Record<string, string>> | undefined =>
  Object.hasOwn(state.organisations, organisationId)
    ? { ...(state.organisations[organisationId] as OrganisationEntry).members }
    : undefined;
