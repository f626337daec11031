import { MessageCatalogue, type MessageInputsOf, type MessagesOf } from '../shared/catalogue.js';
import { HonourAwardedSchema, PrizeGivenSchema } from './events.js';

/** `AwardHonour`: community staff post an honour, with the figures it was computed from. */
export const AwardHonourSchema = HonourAwardedSchema;

/** `GivePrize`: community staff record the prize handed over for an award. */
export const GivePrizeSchema = PrizeGivenSchema;

/** The Honours command schemas by type. */
export const honoursCommandSchemas = {
  AwardHonour: AwardHonourSchema,
  GivePrize: GivePrizeSchema,
} as const;

/** The catalogue that parses Honours commands from callers. */
export const honoursCommands = new MessageCatalogue(honoursCommandSchemas);

/** Any Honours command, as parsed. */
export type HonoursCommand = MessagesOf<typeof honoursCommandSchemas>;

/** Any Honours command as a caller may write it. */
export type HonoursCommandInput = MessageInputsOf<typeof honoursCommandSchemas>;
