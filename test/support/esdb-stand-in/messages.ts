/**
 * STAND-IN, NOT EventStoreDB. Builds the `ReadResp` messages of the EventStoreDB protocol stand-in the way the
 * server fills them: the record's metadata map (`type`, `content-type`, `created`), its id in the format the
 * request asked for, and its `$all` position on both the record and the read event (servers since 22.6 also
 * populate it for stream reads).
 */
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import type { StoredEvent } from './log.js';

const { ReadResp } = streamsPb;
type ReadRespMessage = InstanceType<typeof ReadResp>;

const uuidMessage = (id: string, structured: boolean): InstanceType<typeof sharedPb.UUID> => {
  const uuid = new sharedPb.UUID();
  if (!structured) return uuid.setString(id);
  const hex = id.replaceAll('-', '');
  const bits = new sharedPb.UUID.Structured();
  bits.setMostSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(0, 16)}`)).toString());
  bits.setLeastSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(16)}`)).toString());
  return uuid.setStructured(bits);
};

/** The `event` response for one stored record. */
export const eventResponse = (event: StoredEvent, structuredIds: boolean): ReadRespMessage => {
  const record = new ReadResp.ReadEvent.RecordedEvent();
  record.setId(uuidMessage(event.id, structuredIds));
  record.setStreamIdentifier(
    new sharedPb.StreamIdentifier().setStreamName(Buffer.from(event.streamId, 'utf8')),
  );
  record.setStreamRevision(event.revision.toString());
  record.setCommitPosition(event.position.toString());
  record.setPreparePosition(event.position.toString());
  record.getMetadataMap().set('type', event.type);
  record.getMetadataMap().set('content-type', event.contentType);
  record.getMetadataMap().set('created', event.created.toString());
  record.setData(event.data);
  record.setCustomMetadata(event.metadata);
  const readEvent = new ReadResp.ReadEvent();
  readEvent.setEvent(record);
  readEvent.setCommitPosition(event.position.toString());
  return new ReadResp().setEvent(readEvent);
};

/** The answer to a read of a stream that has no events. */
export const streamNotFoundResponse = (streamId: string): ReadRespMessage =>
  new ReadResp().setStreamNotFound(
    new ReadResp.StreamNotFound().setStreamIdentifier(
      new sharedPb.StreamIdentifier().setStreamName(Buffer.from(streamId, 'utf8')),
    ),
  );

/** The first message of every subscription. */
export const confirmationResponse = (subscriptionId: string): ReadRespMessage =>
  new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(subscriptionId));

/** Sent once, when a catch-up subscription has delivered the history and goes live (servers 23.10+). */
export const caughtUpResponse = (): ReadRespMessage => new ReadResp().setCaughtUp(new ReadResp.CaughtUp());

/** A filtered subscription's progress marker, so a client can checkpoint past events it never receives. */
export const checkpointResponse = (position: bigint): ReadRespMessage =>
  new ReadResp().setCheckpoint(
    new ReadResp.Checkpoint().setCommitPosition(position.toString()).setPreparePosition(position.toString()),
  );
