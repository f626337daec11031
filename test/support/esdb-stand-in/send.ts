/**
 * STAND-IN, NOT EventStoreDB. Writes one response of a server stream of the EventStoreDB protocol stand-in,
 * waiting for the client when gRPC's buffer is full, so a slow reader holds the server back instead of
 * being flooded. Resolves false when the client has gone.
 */
import { once } from 'node:events';
import type { ServerWritableStream } from '@grpc/grpc-js';

/** Sends `message`; false when the call was cancelled (the caller then stops). */
export const send = async <Req, Res>(
  call: ServerWritableStream<Req, Res>,
  message: Res,
): Promise<boolean> => {
  if (call.cancelled) return false;
  if (call.write(message)) return true;
  await Promise.race([once(call, 'drain'), once(call, 'cancelled')]);
  return !call.cancelled;
};

/** A promise that resolves when the client cancels the call. */
export const cancelledSignal = <Req, Res>(call: ServerWritableStream<Req, Res>): Promise<void> =>
  call.cancelled ? Promise.resolve() : once(call, 'cancelled').then(() => undefined);
