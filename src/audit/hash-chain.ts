import { createHash } from 'node:crypto';
import type { EventMetadata } from '../domain/shared/events.js';
import { canonicalJson } from './canonical.js';

/** The parts of an event the chain hash covers: everything but the hash itself. */
export interface HashedContent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Omit<EventMetadata, 'hash'>;
}

/**
 * The tamper-evidence hash of an event: sha256 over the canonical encoding of its stream, revision, type,
 * data and metadata, the metadata including `previousHash`, the hash of the stream's previous event. Editing,
 * removing, reordering or inserting any event breaks the chain from that event on.
 */
export const eventHash = (content: HashedContent): string => {
  const { metadata } = content;
  const withoutHash = { ...metadata, hash: undefined };
  return createHash('sha256')
    .update(
      canonicalJson({
        streamId: content.streamId,
        revision: content.revision,
        type: content.type,
        data: content.data,
        metadata: withoutHash,
      }),
    )
    .digest('hex');
};

/** A deterministic UUID-shaped event id from a command id, a stream and the event's index in the decision. */
export const deterministicEventId = (commandId: string, streamId: string, index: number): string => {
  const hex = createHash('sha256').update(`${commandId}\u0000${streamId}\u0000${index}`).digest('hex');
  // Shape it as an RFC 4122 version-5-style UUID (variant bits set) so stores that want UUIDs accept it.
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
