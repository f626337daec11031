/**
 * STAND-IN, NOT EventStoreDB. `Streams.Append` of the EventStoreDB protocol stand-in: a client stream of one
 * options message then the proposed events; the answer is `success` (with the stream's revision and the
 * `$all` position of its last event) or `wrong_expected_version` (with the stream's actual revision), the
 * way servers since 20.6 answer, not as a gRPC error.
 */
import {
  Metadata,
  status,
  type sendUnaryData,
  type ServerErrorResponse,
  type ServerReadableStream,
} from '@grpc/grpc-js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import type { ExpectedVersion } from './commit-check.js';
import type { ProposedEvent, StandInLog } from './log.js';

const { AppendReq, AppendResp } = streamsPb;
type AppendReqMessage = InstanceType<typeof AppendReq>;
type AppendRespMessage = InstanceType<typeof AppendResp>;
type AppendOptions = InstanceType<typeof AppendReq.Options>;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A gRPC error the way the server raises it, with its `exception` trailer. */
export const grpcError = (code: status, details: string, exception?: string): ServerErrorResponse => {
  const metadata = new Metadata();
  if (exception !== undefined) metadata.set('exception', exception);
  return Object.assign(new Error(details), { code, details, metadata });
};

const expectedVersionOf = (options: AppendOptions): ExpectedVersion => {
  switch (options.getExpectedStreamRevisionCase()) {
    case AppendReq.Options.ExpectedStreamRevisionCase.REVISION:
      return { kind: 'revision', revision: BigInt(options.getRevision()) };
    case AppendReq.Options.ExpectedStreamRevisionCase.NO_STREAM:
      return { kind: 'no-stream' };
    case AppendReq.Options.ExpectedStreamRevisionCase.STREAM_EXISTS:
      return { kind: 'stream-exists' };
    default:
      return { kind: 'any' };
  }
};

const uuidString = (uuid: InstanceType<typeof sharedPb.UUID> | undefined): string => {
  if (uuid?.hasString() === true) {
    const id = uuid.getString();
    if (UUID_PATTERN.test(id)) return id.toLowerCase();
    throw grpcError(status.INVALID_ARGUMENT, `'${id}' is not a valid UUID`);
  }
  const structured = uuid?.getStructured();
  if (structured === undefined) throw grpcError(status.INVALID_ARGUMENT, 'event id is missing');
  const hex =
    BigInt.asUintN(64, BigInt(structured.getMostSignificantBits())).toString(16).padStart(16, '0') +
    BigInt.asUintN(64, BigInt(structured.getLeastSignificantBits())).toString(16).padStart(16, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

const proposedEvent = (message: InstanceType<typeof AppendReq.ProposedMessage>): ProposedEvent => {
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  const contentType = metadata.get('content-type');
  if (type === undefined || contentType === undefined) {
    throw grpcError(
      status.INVALID_ARGUMENT,
      `Required Metadata Property '${type === undefined ? 'type' : 'content-type'}' is missing`,
      'missing-required-metadata-property',
    );
  }
  return {
    id: uuidString(message.getId()),
    type,
    contentType,
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
};

const answer = (
  log: StandInLog,
  options: AppendOptions,
  events: readonly ProposedEvent[],
): AppendRespMessage => {
  const streamId = Buffer.from(options.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString('utf8');
  const expected = expectedVersionOf(options);
  const outcome = log.append(streamId, expected, events);
  const response = new AppendResp();
  if (outcome.kind === 'wrong-expected-version') {
    const wrong = new AppendResp.WrongExpectedVersion();
    if (outcome.currentRevision < 0n) wrong.setCurrentNoStream(new sharedPb.Empty());
    else wrong.setCurrentRevision(outcome.currentRevision.toString());
    if (expected.kind === 'revision') wrong.setExpectedRevision(expected.revision.toString());
    else if (expected.kind === 'no-stream') wrong.setExpectedNoStream(new sharedPb.Empty());
    else if (expected.kind === 'stream-exists') wrong.setExpectedStreamExists(new sharedPb.Empty());
    else wrong.setExpectedAny(new sharedPb.Empty());
    return response.setWrongExpectedVersion(wrong);
  }
  const success = new AppendResp.Success();
  if (outcome.lastRevision < 0n) success.setNoStream(new sharedPb.Empty());
  else success.setCurrentRevision(outcome.lastRevision.toString());
  if (outcome.kind === 'empty') success.setNoPosition(new sharedPb.Empty());
  else {
    const position = outcome.position.toString();
    success.setPosition(new AppendResp.Position().setCommitPosition(position).setPreparePosition(position));
  }
  return response.setSuccess(success);
};

/** The `Streams.Append` handler over a log. */
export const appendHandler =
  (log: StandInLog) =>
  (
    call: ServerReadableStream<AppendReqMessage, AppendRespMessage>,
    callback: sendUnaryData<AppendRespMessage>,
  ): void => {
    let options: AppendOptions | undefined;
    const events: ProposedEvent[] = [];
    let failed = false;
    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      callback(
        error instanceof Error ? (error as ServerErrorResponse) : grpcError(status.UNKNOWN, String(error)),
      );
    };
    call.on('data', (request: AppendReqMessage) => {
      if (failed) return;
      try {
        if (options === undefined) {
          const first = request.getOptions();
          if (first === undefined)
            throw grpcError(status.INVALID_ARGUMENT, 'the first message must carry options');
          options = first;
          return;
        }
        const proposed = request.getProposedMessage();
        if (proposed === undefined) throw grpcError(status.INVALID_ARGUMENT, 'expected a proposed message');
        events.push(proposedEvent(proposed));
      } catch (error) {
        fail(error);
      }
    });
    call.on('error', fail);
    call.on('end', () => {
      if (failed) return;
      if (options === undefined) return fail(grpcError(status.INVALID_ARGUMENT, 'no options received'));
      try {
        callback(null, answer(log, options, events));
      } catch (error) {
        fail(error);
      }
    });
  };
