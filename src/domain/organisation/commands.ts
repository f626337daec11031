import { z } from 'zod';
import { MessageCatalogue, type MessageInputsOf, type MessagesOf } from '../shared/catalogue.js';
import { IdSchema } from '../shared/ids.js';
import { organisationEventSchemas } from './events.js';

/**
 * The Organisation command schemas. Each records the event of the same data, so the schemas are the events':
 * who acts and when come from the command context.
 */
export const organisationCommandSchemas = {
  /** Registers an organisation (community staff of its home, or an administrator; a department: an administrator). */
  RegisterOrganisation: organisationEventSchemas.OrganisationRegistered,
  /** Records a person joining the organisation in a role. */
  AddMember: organisationEventSchemas.MemberJoined,
  /** Records a person leaving the organisation. */
  RemoveMember: z.object({ organisationId: IdSchema, personId: IdSchema }),
  /** Lists a resource the organisation offers. */
  ListResource: organisationEventSchemas.ResourceListed,
  /** Withdraws a listed resource. */
  WithdrawResource: organisationEventSchemas.ResourceWithdrawn,
} as const;

/** The catalogue that parses Organisation commands from callers. */
export const organisationCommands = new MessageCatalogue(organisationCommandSchemas);

/** Any Organisation command, as parsed. */
export type OrganisationCommand = MessagesOf<typeof organisationCommandSchemas>;

/** Any Organisation command as a caller may write it. */
export type OrganisationCommandInput = MessageInputsOf<typeof organisationCommandSchemas>;
