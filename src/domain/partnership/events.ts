import { z } from 'zod';
import { DecisionRefSchema, FundTextSchema } from '../fund-project/events.js';
import { MessageCatalogue, type MessagesOf } from '../shared/catalogue.js';
import { IdSchema } from '../shared/ids.js';
import { FenSchema, PositiveFenSchema } from '../shared/money.js';
import { InstantSchema } from '../shared/time.js';

/** What the compound gives a partner ("space for resources"): space, or the right to operate something. */
export const CompoundOfferSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('space'),
    description: z.string().min(1).max(200),
    areaM2: z.number().int().min(1).max(10_000_000).optional(),
  }),
  z.object({ kind: z.literal('operating-rights'), description: z.string().min(1).max(200) }),
]);

/** One thing the compound gives (see {@link CompoundOfferSchema}). */
export type CompoundOffer = z.infer<typeof CompoundOfferSchema>;

/** What a partner gives: money (fen), or assets (so many of a kind). */
export const PartnerOfferSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('money'), amountFen: PositiveFenSchema }),
  z.object({
    kind: z.literal('asset'),
    description: z.string().min(1).max(200),
    quantity: z.number().int().min(1).max(1_000_000),
  }),
]);

/** One thing a partner gives (see {@link PartnerOfferSchema}). */
export type PartnerOffer = z.infer<typeof PartnerOfferSchema>;

/** An asset handed over: what and how many. */
export const AssetSchema = z.object({
  description: z.string().min(1).max(200),
  quantity: z.number().int().min(1).max(1_000_000),
});

/** A calendar date as on a receipt (`2026-05-01`); the ledger counts a contribution in its year. */
export const ReceiptDateSchema = z.iso.date();

/** Data of `PartnershipAgreed`: who gives what, for how long. */
export const PartnershipAgreedSchema = z.object({
  partnershipId: IdSchema,
  street: IdSchema,
  community: IdSchema,
  /** The partner organisation (an Organisation's id; this aggregate does not look it up). */
  partnerId: IdSchema,
  compoundGives: z.array(CompoundOfferSchema).min(1).max(20),
  partnerGives: z.array(PartnerOfferSchema).min(1).max(20),
  termStart: InstantSchema,
  /** When the partner's rights end and revenue sharing may start. */
  termEnd: InstantSchema,
  /** The compound's agreed share of the revenue once the term ends, in percent, if agreed now. */
  revenueSharePercent: z.number().int().min(1).max(100).optional(),
  decision: DecisionRefSchema.optional(),
});

/** Data of `PartnerContributionRecorded`: money and assets received from the partner. */
export const PartnerContributionRecordedSchema = z.object({
  partnershipId: IdSchema,
  contributionId: IdSchema,
  moneyFen: FenSchema,
  assets: z.array(AssetSchema).max(20),
  receivedOn: ReceiptDateSchema,
  description: FundTextSchema,
});

/** Data of `RevenueShareStarted`: from now on the compound receives its share of the revenue. */
export const RevenueShareStartedSchema = z.object({
  partnershipId: IdSchema,
  compoundSharePercent: z.number().int().min(1).max(100),
});

/** Data of `PartnershipEnded`. */
export const PartnershipEndedSchema = z.object({ partnershipId: IdSchema, reason: FundTextSchema });

/** The Partnership event schemas by type: the integration contract of the `partnership-<id>` streams. */
export const partnershipEventSchemas = {
  PartnershipAgreed: PartnershipAgreedSchema,
  PartnerContributionRecorded: PartnerContributionRecordedSchema,
  RevenueShareStarted: RevenueShareStartedSchema,
  PartnershipEnded: PartnershipEndedSchema,
} as const;

/** The catalogue that parses Partnership events read from a store. */
export const partnershipEvents = new MessageCatalogue(partnershipEventSchemas);

/** Any Partnership event. */
export type PartnershipEvent = MessagesOf<typeof partnershipEventSchemas>;

/** The Partnership event of one type. */
export type PartnershipEventOf<T extends PartnershipEvent['type']> = Extract<
  PartnershipEvent,
  { readonly type: T }
>;
