/**
 * STAND-IN, NOT EventStoreDB. `Streams.Read` of the EventStoreDB protocol stand-in: reads of one stream and of
 * `$all`, forwards or backwards with a count, and catch-up subscriptions to `$all`. Like the server:
 * - a stream read of a stream with no events answers `stream_not_found` (the client raises
 *   StreamNotFoundError); reading past the end of an existing stream answers nothing;
 * - a forwards `$all` read starts AT the requested position (inclusive), a backwards one before it;
 * - a position inside a record is refused with INVALID_ARGUMENT ("Trying to read from an invalid position.");
 * - `$all` holds every event, system events (`$`-prefixed streams and types) included.
 * Not modelled (answered UNIMPLEMENTED): subscriptions to a single stream, filtered reads (only
 * subscriptions filter), link resolution, deleted streams, access control.
 */
import { status, type ServerWritableStream } from '@grpc/grpc-js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import { grpcError } from './append-service.js';
import type { StandInLog, StoredEvent } from './log.js';
import { eventResponse, streamNotFoundResponse } from './messages.js';
import { send } from './send.js';
import { runAllSubscription } from './subscription.js';

const { ReadReq } = streamsPb;
type ReadReqMessage = InstanceType<typeof ReadReq>;
type ReadRespMessage = InstanceType<typeof streamsPb.ReadResp>;
type ReadOptions = InstanceType<typeof ReadReq.Options>;
type ReadCall = ServerWritableStream<ReadReqMessage, ReadRespMessage>;

const BACKWARDS = ReadReq.Options.ReadDirection.BACKWARDS;

/** The events of a stream read, or `'not-found'`. */
const streamSlice = (
  log: StandInLog,
  options: ReadOptions,
  count: number,
): readonly StoredEvent[] | 'not-found' => {
  const streamOptions = options.getStream();
  const streamId = Buffer.from(streamOptions?.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString(
    'utf8',
  );
  const events = log.stream(streamId);
  if (events === undefined) return 'not-found';
  const last = events.length - 1;
  const { RevisionOptionCase } = ReadReq.Options.StreamOptions;
  const revisionCase = streamOptions?.getRevisionOptionCase();
  const requested =
    revisionCase === RevisionOptionCase.REVISION ? Number(streamOptions?.getRevision()) : undefined;
  if (options.getReadDirection() === BACKWARDS) {
    const from = revisionCase === RevisionOptionCase.START ? 0 : Math.min(requested ?? last, last);
    return events.slice(Math.max(0, from - count + 1), from + 1).reverse();
  }
  const from = revisionCase === RevisionOptionCase.END ? events.length : (requested ?? 0);
  return events.slice(from, from + count);
};

/** The events of an `$all` read, or `'invalid'` for a position inside a record. */
const allSlice = (
  log: StandInLog,
  options: ReadOptions,
  count: number,
): readonly StoredEvent[] | 'invalid' => {
  const all = options.getAll();
  const { AllOptionCase } = ReadReq.Options.AllOptions;
  let index: number;
  switch (all?.getAllOptionCase()) {
    case AllOptionCase.POSITION: {
      const position = all.getPosition();
      const cursor = log.cursorAt(
        BigInt(position?.getCommitPosition() ?? '0'),
        BigInt(position?.getPreparePosition() ?? '0'),
      );
      if ('invalid' in cursor) return 'invalid';
      index = cursor.index;
      break;
    }
    case AllOptionCase.END:
      index = log.all.length;
      break;
    default:
      index = 0;
  }
  if (options.getReadDirection() === BACKWARDS) {
    return log.all.slice(Math.max(0, index - count), index).reverse();
  }
  return log.all.slice(index, index + count);
};

const sendAll = async (
  call: ReadCall,
  events: readonly StoredEvent[],
  structuredIds: boolean,
): Promise<void> => {
  for (const event of events) {
    if (!(await send(call, eventResponse(event, structuredIds)))) return;
  }
  call.end();
};

const read = async (log: StandInLog, call: ReadCall): Promise<void> => {
  const options = call.request.getOptions();
  if (options === undefined) throw grpcError(status.INVALID_ARGUMENT, "'options' is a required argument");
  const structuredIds = options.getUuidOption()?.hasStructured() === true;
  const { CountOptionCase, FilterOptionCase, StreamOptionCase } = ReadReq.Options;
  if (options.getCountOptionCase() === CountOptionCase.SUBSCRIPTION) {
    if (options.getStreamOptionCase() !== StreamOptionCase.ALL) {
      throw grpcError(status.UNIMPLEMENTED, 'the stand-in serves subscriptions to $all only');
    }
    return runAllSubscription(log, call, options, structuredIds);
  }
  if (options.getFilterOptionCase() === FilterOptionCase.FILTER) {
    throw grpcError(status.UNIMPLEMENTED, 'the stand-in does not serve filtered reads');
  }
  // Counts are uint64 on the wire; anything past what fits in memory means "all".
  const count = Math.min(Number(options.getCount()), Number.MAX_SAFE_INTEGER);
  if (options.getStreamOptionCase() === StreamOptionCase.STREAM) {
    const events = streamSlice(log, options, count);
    if (events === 'not-found') {
      const streamName = options.getStream()?.getStreamIdentifier()?.getStreamName_asU8() ?? new Uint8Array();
      if (await send(call, streamNotFoundResponse(Buffer.from(streamName).toString('utf8')))) call.end();
      return;
    }
    return sendAll(call, events, structuredIds);
  }
  const events = allSlice(log, options, count);
  if (events === 'invalid')
    throw grpcError(status.INVALID_ARGUMENT, 'Trying to read from an invalid position.');
  return sendAll(call, events, structuredIds);
};

/** The `Streams.Read` handler over a log. */
export const readHandler =
  (log: StandInLog) =>
  (call: ReadCall): void => {
    read(log, call).catch((error: unknown) => {
      call.emit('error', error instanceof Error ? error : grpcError(status.UNKNOWN, String(error)));
    });
  };
