import type { Aggregate } from '../../commands/aggregate.js';
import { MessageCatalogue } from '../shared/catalogue.js';
import { organisationStream } from '../shared/ids.js';
import { organisationCommandSchemas } from './commands.js';
import { organisationDecider } from './decider.js';
import { organisationEventSchemas } from './events.js';
import type { OrganisationState } from './state.js';

/** The Organisation aggregate as the command handler runs it. */
export type OrganisationAggregate = Aggregate<
  typeof organisationCommandSchemas,
  typeof organisationEventSchemas,
  OrganisationState
>;

/** Configuration of the Organisation aggregate: none yet, kept so that LinliConfig has a slot for it. */
export type OrganisationConfig = Readonly<Record<never, never>>;

/** Builds the Organisation aggregate (stream `organisation-<organisationId>`), with catalogues of its own. */
export const createOrganisationAggregate = (_config: OrganisationConfig = {}): OrganisationAggregate => ({
  name: 'Organisation',
  commands: new MessageCatalogue(organisationCommandSchemas),
  events: new MessageCatalogue(organisationEventSchemas),
  decider: organisationDecider,
  streamId: (command) => organisationStream(command.data.organisationId),
  recordedBy: {
    OrganisationRegistered: 'RegisterOrganisation',
    MemberJoined: 'AddMember',
    MemberLeft: 'RemoveMember',
    ResourceListed: 'ListResource',
    ResourceWithdrawn: 'WithdrawResource',
  },
});

/** The Organisation aggregate. */
export const organisationAggregate: OrganisationAggregate = createOrganisationAggregate();
