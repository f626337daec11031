/**
 * What someone with INSERT rights (and the hashing algorithm) can add to a history without breaking any
 * chain: a well-formed event at the tail of a stream, chained to that stream's last hash.
 */
import { eventHash } from '../../../src/audit/hash-chain.js';
import type { EventMetadata } from '../../../src/domain/shared/events.js';
import { lastIndexWhere, type EventLine } from './history-text.js';

/**
 * A `PointsAdjusted` of +`delta` points appended at the tail of the stream of the history's last
 * adjustment, at the position after the history's last one: revision, previousHash and hash all as the
 * handler would have written them, so the chain, the schemas and the domain rules all pass it.
 */
export const forgeTailAdjustment = (events: readonly EventLine[], delta = 500): EventLine => {
  const model = events[lastIndexWhere(events, (event) => event.type === 'PointsAdjusted')];
  if (model === undefined) throw new Error('the history holds no PointsAdjusted to model a forgery on');
  const tail = events[lastIndexWhere(events, (event) => event.streamId === model.streamId)]!;
  const revision = BigInt(tail.revision) + 1n;
  const { hash: _hash, ...rest } = model.metadata;
  const metadata = {
    ...rest,
    eventId: '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f',
    commandId: 'forged-command',
    correlationId: 'forged-command',
    causationId: 'forged-command',
    previousHash: tail.metadata.hash,
  };
  const data = {
    ...(model.data as Record<string, unknown>),
    adjustmentId: 'adj-forged',
    delta,
    reason: 'year-end correction',
  };
  const hash = eventHash({
    streamId: model.streamId,
    revision,
    type: model.type,
    data,
    metadata: metadata as Omit<EventMetadata, 'hash'>,
  });
  return {
    position: String(BigInt(events.at(-1)!.position) + 1n),
    streamId: model.streamId,
    revision: String(revision),
    type: model.type,
    data,
    metadata: { ...metadata, hash },
  };
};
