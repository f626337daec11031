import { MessageCatalogue, type MessageInputsOf, type MessagesOf } from '../shared/catalogue.js';
import { HistoryAnchoredSchema } from './events.js';

/** `AnchorHistory`: record a checkpoint computed by a `HistoryAnchorer` (digest, heads, signature). */
export const AnchorHistorySchema = HistoryAnchoredSchema;

/** The HistoryAnchors command schemas by type. */
export const anchorCommandSchemas = { AnchorHistory: AnchorHistorySchema } as const;

/** The catalogue that parses HistoryAnchors commands from callers. */
export const anchorCommands = new MessageCatalogue(anchorCommandSchemas);

/** Any HistoryAnchors command, as parsed. */
export type AnchorCommand = MessagesOf<typeof anchorCommandSchemas>;

/** Any HistoryAnchors command as a caller may write it. */
export type AnchorCommandInput = MessageInputsOf<typeof anchorCommandSchemas>;
