import type { Draft } from 'immer';
import type { Recorded } from '../../commands/aggregate.js';
import type { LinliEvent } from '../../domain/linli.js';
import { entryOf, idRecord, removeEntry } from '../id-record.js';
import type { Projection } from '../projection.js';
import type { OrganisationEntry, OrganisationRegisterState } from './state.js';

/**
 * The organisation register as a fold: registrations add an entry, members and resources change it. Events
 * of other types pass through, so the input can be every linli event.
 */
export const organisationRegisterProjection: Projection<Recorded<LinliEvent>, OrganisationRegisterState> = {
  name: 'organisation-register',
  initialState: { organisations: idRecord<OrganisationEntry>() },
  apply: (draft, event) => {
    const at = event.metadata.occurredAt;
    switch (event.type) {
      case 'OrganisationRegistered': {
        const { organisationId, kind, name, community, unit } = event.data;
        if (entryOf(draft.organisations, organisationId) !== undefined) return;
        draft.organisations[organisationId] = {
          organisationId,
          kind,
          name,
          ...(community === undefined ? {} : { community }),
          ...(unit === undefined ? {} : { unit }),
          registeredAt: at,
          members: idRecord<string>(),
          resources: idRecord(),
        } as Draft<OrganisationEntry>;
        return;
      }
      case 'MemberJoined':
      case 'MemberLeft':
      case 'ResourceListed':
      case 'ResourceWithdrawn': {
        const entry = entryOf(draft.organisations, event.data.organisationId);
        if (entry === undefined) return;
        if (event.type === 'MemberJoined') entry.members[event.data.personId] = event.data.role;
        else if (event.type === 'MemberLeft') removeEntry(entry.members, event.data.personId);
        else if (event.type === 'ResourceWithdrawn') removeEntry(entry.resources, event.data.resourceId);
        else {
          const { resourceId, kind, title, capacity, terms } = event.data;
          entry.resources[resourceId] = {
            resourceId,
            kind,
            title,
            ...(capacity === undefined ? {} : { capacity: { ...capacity } }),
            ...(terms === undefined ? {} : { terms }),
            listedAt: at,
          };
        }
        return;
      }
      default:
        break;
    }
  },
};
