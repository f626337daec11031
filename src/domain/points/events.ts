import { z } from 'zod';
import { MessageCatalogue, type MessagesOf } from '../shared/catalogue.js';
import { IdSchema } from '../shared/ids.js';

/** An amount of points on one entry: whole, positive and bounded, so no sum of them loses precision. */
export const PointsAmountSchema = z.number().int().min(1).max(1_000_000);

/** One line of a redemption: `quantity` units of a good at `points` each. */
export const RedemptionItemSchema = z.object({
  /** The good's catalogue id. */
  sku: IdSchema,
  /** The good as the redemption event lists it (`cooking-oil-5L`, `rice-10kg`). */
  name: z.string().min(1).max(100),
  quantity: z.number().int().min(1).max(1_000),
  /** Points per unit. */
  points: PointsAmountSchema,
});

/** One line of a redemption (see {@link RedemptionItemSchema}). */
export type RedemptionItem = z.infer<typeof RedemptionItemSchema>;

/** The points a list of items costs: the sum of quantity times unit points. */
export const redemptionTotal = (items: readonly RedemptionItem[]): number =>
  items.reduce((sum, item) => sum + item.quantity * item.points, 0);

/** The fields of a redemption; its `total` must be what its items cost. */
export const RedemptionSchema = z
  .object({
    residentId: IdSchema,
    community: IdSchema,
    redemptionId: IdSchema,
    items: z.array(RedemptionItemSchema).min(1).max(50),
    total: z.number().int().min(1),
  })
  .refine((redemption) => redemption.total === redemptionTotal(redemption.items), {
    message: 'total must equal the sum of quantity x points over the items',
    path: ['total'],
  });

/** Data of `PointsEarned`: `verifiedEventId` is the eventId of the `TaskVerified` it pays, the audit link. */
export const PointsEarnedSchema = z.object({
  residentId: IdSchema,
  community: IdSchema,
  taskId: IdSchema,
  points: PointsAmountSchema,
  verifiedEventId: IdSchema,
});

/** Data of `PointsRedeemed`. */
export const PointsRedeemedSchema = RedemptionSchema;

/** Data of `PointsAdjusted`: a signed correction, recorded as a new entry, never as an edit. */
export const PointsAdjustedSchema = z.object({
  residentId: IdSchema,
  community: IdSchema,
  adjustmentId: IdSchema,
  delta: z
    .number()
    .int()
    .min(-1_000_000)
    .max(1_000_000)
    .refine((delta) => delta !== 0, 'an adjustment changes the balance'),
  reason: z.string().min(1).max(500),
});

/** The ResidentPoints event schemas by type: the integration contract of the `points-<residentId>` streams. */
export const pointsEventSchemas = {
  PointsEarned: PointsEarnedSchema,
  PointsRedeemed: PointsRedeemedSchema,
  PointsAdjusted: PointsAdjustedSchema,
} as const;

/** The catalogue that parses ResidentPoints events read from a store. */
export const pointsEvents = new MessageCatalogue(pointsEventSchemas);

/** Any ResidentPoints event. */
export type PointsEvent = MessagesOf<typeof pointsEventSchemas>;

/** The ResidentPoints event of one type. */
export type PointsEventOf<T extends PointsEvent['type']> = Extract<PointsEvent, { readonly type: T }>;
