import { MessageCatalogue, type MessageInputsOf, type MessagesOf } from '../shared/catalogue.js';
import { PointsAdjustedSchema, PointsEarnedSchema, RedemptionSchema } from './events.js';

/** `AwardPoints`: pay a verified task's points (sent by the points policy, acting as `system`). */
export const AwardPointsSchema = PointsEarnedSchema;

/** `RedeemPoints`: exchange points for goods at a redemption event. */
export const RedeemPointsSchema = RedemptionSchema;

/** `AdjustPoints`: an administrator's signed correction, with its reason. */
export const AdjustPointsSchema = PointsAdjustedSchema;

/** The ResidentPoints command schemas by type. */
export const pointsCommandSchemas = {
  AwardPoints: AwardPointsSchema,
  RedeemPoints: RedeemPointsSchema,
  AdjustPoints: AdjustPointsSchema,
} as const;

/** The catalogue that parses ResidentPoints commands from callers. */
export const pointsCommands = new MessageCatalogue(pointsCommandSchemas);

/** Any ResidentPoints command, as parsed. */
export type PointsCommand = MessagesOf<typeof pointsCommandSchemas>;

/** Any ResidentPoints command as a caller may write it. */
export type PointsCommandInput = MessageInputsOf<typeof pointsCommandSchemas>;
