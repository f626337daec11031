/**
 * STAND-IN, NOT EventStoreDB. Catch-up subscriptions to `$all` in the EventStoreDB protocol stand-in. Like
 * the server: a confirmation first; then every event strictly AFTER the requested position (a catch-up
 * subscription's start is exclusive, unlike a read's); `caught_up` once the history is delivered; then live
 * events as they are committed. A filter is applied on the server, and a filtered subscription also sends
 * a checkpoint every `checkpointInterval` events scanned, so clients can record progress past events they
 * never see. A position inside a record is refused with INVALID_ARGUMENT, as servers since 23.10 do.
 */
import { randomUUID } from 'node:crypto';
import { status, type ServerWritableStream } from '@grpc/grpc-js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import { grpcError } from './append-service.js';
import { compileFilter, type EventFilter } from './filter.js';
import type { StandInLog } from './log.js';
import { caughtUpResponse, checkpointResponse, confirmationResponse, eventResponse } from './messages.js';
import { cancelledSignal, send } from './send.js';

const { ReadReq } = streamsPb;
type ReadReqMessage = InstanceType<typeof ReadReq>;
type ReadRespMessage = InstanceType<typeof streamsPb.ReadResp>;
type ReadOptions = InstanceType<typeof ReadReq.Options>;

/** Index of the first record after the subscription's (exclusive) start, or undefined for an invalid one. */
const firstIndex = (log: StandInLog, options: ReadOptions): number | undefined => {
  const all = options.getAll();
  switch (all?.getAllOptionCase()) {
    case ReadReq.Options.AllOptions.AllOptionCase.END:
      return log.all.length;
    case ReadReq.Options.AllOptions.AllOptionCase.POSITION: {
      const position = all?.getPosition();
      const commit = BigInt(position?.getCommitPosition() ?? '0');
      const cursor = log.cursorAt(commit, BigInt(position?.getPreparePosition() ?? '0'));
      if ('invalid' in cursor) return undefined;
      let index = cursor.index;
      while ((log.all[index]?.position ?? commit + 1n) <= commit) index++;
      return index;
    }
    default:
      return 0;
  }
};

/** Runs one `$all` subscription until the client cancels it. */
export const runAllSubscription = async (
  log: StandInLog,
  call: ServerWritableStream<ReadReqMessage, ReadRespMessage>,
  options: ReadOptions,
  structuredIds: boolean,
): Promise<void> => {
  const filterOptions = options.getFilter();
  const filter: EventFilter | undefined =
    filterOptions === undefined ? undefined : compileFilter(filterOptions);
  let index = firstIndex(log, options);
  if (index === undefined) {
    call.emit('error', grpcError(status.INVALID_ARGUMENT, 'Trying to read from an invalid position.'));
    return;
  }
  let wake: () => void = () => undefined;
  const stopListening = log.onAppend(() => wake());
  const cancelled = cancelledSignal(call);
  try {
    if (!(await send(call, confirmationResponse(randomUUID())))) return;
    let scanned = 0;
    let caughtUp = false;
    while (!call.cancelled) {
      // Armed before reading, so an append that lands while this loop sends is never missed.
      const appended = new Promise<void>((resolve) => {
        wake = resolve;
      });
      while (index < log.all.length) {
        const event = log.all[index++];
        if (event === undefined) break;
        if (filter === undefined || filter.matches(event)) {
          if (!(await send(call, eventResponse(event, structuredIds)))) return;
        }
        if (filter !== undefined && ++scanned % filter.checkpointInterval === 0) {
          if (!(await send(call, checkpointResponse(event.position)))) return;
        }
      }
      if (!caughtUp) {
        caughtUp = true;
        if (!(await send(call, caughtUpResponse()))) return;
      }
      await Promise.race([appended, cancelled]);
    }
  } finally {
    stopListening();
  }
};
