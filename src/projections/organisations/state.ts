import type { Capacity, OrganisationKind, ResourceKind } from '../../domain/organisation/events.js';
import type { IdRecord } from '../id-record.js';

/** A resource on the list, as the organisation offers it. */
export interface ResourceEntry {
  readonly resourceId: string;
  readonly kind: ResourceKind;
  readonly title: string;
  readonly capacity?: Capacity;
  readonly terms?: string;
  readonly listedAt: string;
}

/** One organisation as the register shows it: kind, home, members (person id to role), resources. */
export interface OrganisationEntry {
  readonly organisationId: string;
  readonly kind: OrganisationKind;
  readonly name: string;
  readonly community?: string;
  readonly unit?: string;
  readonly registeredAt: string;
  readonly members: IdRecord<string>;
  readonly resources: IdRecord<ResourceEntry>;
}

/** The organisation register: every registered organisation by id. */
export interface OrganisationRegisterState {
  readonly organisations: IdRecord<OrganisationEntry>;
}
