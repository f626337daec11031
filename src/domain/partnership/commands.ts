import { z } from 'zod';
import { MessageCatalogue, type MessageInputsOf, type MessagesOf } from '../shared/catalogue.js';
import { IdSchema } from '../shared/ids.js';
import {
  PartnerContributionRecordedSchema,
  PartnershipAgreedSchema,
  PartnershipEndedSchema,
} from './events.js';

/**
 * `StartRevenueShare`: once the term has ended. The share defaults to the one agreed; one must be given
 * when the agreement left it open.
 */
export const StartRevenueShareSchema = z.object({
  partnershipId: IdSchema,
  compoundSharePercent: z.number().int().min(1).max(100).optional(),
});

/** The Partnership command schemas by type. */
export const partnershipCommandSchemas = {
  AgreePartnership: PartnershipAgreedSchema,
  RecordPartnerContribution: PartnerContributionRecordedSchema,
  StartRevenueShare: StartRevenueShareSchema,
  EndPartnership: PartnershipEndedSchema,
} as const;

/** The catalogue that parses Partnership commands from callers. */
export const partnershipCommands = new MessageCatalogue(partnershipCommandSchemas);

/** Any Partnership command, as parsed. */
export type PartnershipCommand = MessagesOf<typeof partnershipCommandSchemas>;

/** Any Partnership command as a caller may write it. */
export type PartnershipCommandInput = MessageInputsOf<typeof partnershipCommandSchemas>;
