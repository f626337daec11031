import type { Capacity, OrganisationKind, ResourceKind } from './events.js';

/** A resource an organisation lists. */
export interface ListedResource {
  readonly kind: ResourceKind;
  readonly title: string;
  readonly capacity?: Capacity | undefined;
  readonly terms?: string | undefined;
}

/** An organisation that was never registered. */
export interface UnregisteredOrganisation {
  readonly status: 'unregistered';
}

/** A registered organisation: its kind, home, current members (person id to role) and listed resources. */
export interface RegisteredOrganisation {
  readonly status: 'registered';
  readonly organisationId: string;
  readonly kind: OrganisationKind;
  readonly community?: string | undefined;
  readonly unit?: string | undefined;
  readonly members: ReadonlyMap<string, string>;
  readonly resources: ReadonlyMap<string, ListedResource>;
}

/** The state of an Organisation aggregate. */
export type OrganisationState = UnregisteredOrganisation | RegisteredOrganisation;

/** The state before `OrganisationRegistered`. */
export const initialOrganisationState: OrganisationState = { status: 'unregistered' };

/** True when the organisation's history records `personId` as a current member. */
export const isMember = (state: OrganisationState, personId: string): boolean =>
  state.status === 'registered' && state.members.has(personId);

/** The units on which a staff member's scope must lie to run the organisation's register. */
export const organisationPath = (state: Pick<RegisteredOrganisation, 'community' | 'unit'>): string[] =>
  [state.community, state.unit].filter((unit): unit is string => unit !== undefined);
