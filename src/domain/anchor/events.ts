import { z } from 'zod';
import { MessageCatalogue, type MessagesOf } from '../shared/catalogue.js';
import { IdSchema } from '../shared/ids.js';

/** A stream's head as an anchor records it: the stream and the stored hash of its last event covered. */
export const StreamHeadSchema = z.object({
  streamId: z.string().min(1).max(200),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

/** A stream head (see {@link StreamHeadSchema}). */
export type StreamHead = z.infer<typeof StreamHeadSchema>;

/**
 * An Ed25519 signature over the anchor's signed bytes (see `anchorSignedBytes`): base64, with the id of the
 * key so that an auditor knows which public key to ask for. The private key never enters the history.
 */
export const AnchorSignatureSchema = z.object({
  algorithm: z.literal('ed25519'),
  keyId: IdSchema,
  value: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'an Ed25519 signature is 64 bytes in base64'),
});

/** An anchor's signature (see {@link AnchorSignatureSchema}). */
export type AnchorSignature = z.infer<typeof AnchorSignatureSchema>;

/**
 * Data of `HistoryAnchored`: a checkpoint of the log. `events` counts the events it covers, the first
 * `events` of the log in global order (a count, not a position, so the anchor holds in any store the history
 * is copied to); `digest` is the history digest of those events (`HistoryDigester`); `heads` lists, in
 * stream order, the hash of the last covered event of every stream that moved since the ledger's previous
 * anchor (every stream, for the first), so with the anchors before it each stream's head is pinned.
 */
export const HistoryAnchoredSchema = z.object({
  ledger: IdSchema,
  events: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  digest: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  heads: z.array(StreamHeadSchema).max(1_000_000),
  signature: AnchorSignatureSchema.optional(),
});

/** The HistoryAnchors event schemas by type: the contract of the `anchor-<ledger>` streams. */
export const anchorEventSchemas = { HistoryAnchored: HistoryAnchoredSchema } as const;

/** The catalogue that parses HistoryAnchors events read from a store. */
export const anchorEvents = new MessageCatalogue(anchorEventSchemas);

/** Any HistoryAnchors event. */
export type AnchorEvent = MessagesOf<typeof anchorEventSchemas>;

/** The data of a checkpoint. */
export type HistoryAnchor = AnchorEvent['data'];
