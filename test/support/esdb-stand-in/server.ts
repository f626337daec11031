/**
 * STAND-IN, NOT EventStoreDB. A protocol-level stand-in for an EventStoreDB node, for tests on machines where
 * no real server can run. It speaks the gRPC protocol of the stubs that ship with `@eventstore/db-client`,
 * on 127.0.0.1 without TLS, and implements exactly what the linli adapter's client calls:
 * - `ServerFeatures.GetSupportedMethods` answers UNIMPLEMENTED, which the client reads as "unknown server,
 *   no optional features" (servers before 21.10 answer the same): appends then take `Streams.Append`
 *   rather than `Streams.BatchAppend`;
 * - `Streams.Append` (see append-service.ts) and `Streams.Read` (read-service.ts, subscription.ts);
 * - no `Gossip`: a single-host connection string without `+discover` connects directly, never gossips.
 * Everything else answers UNIMPLEMENTED. Passing tests against it show that the adapter and the real client
 * agree with this model of the server, not that a real server behaves the same: see README.md beside it.
 */
import { Server, ServerCredentials, status, type UntypedServiceImplementation } from '@grpc/grpc-js';
import serverFeaturesGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import { appendHandler, grpcError } from './append-service.js';
import { StandInLog } from './log.js';
import { readHandler } from './read-service.js';

/** A running stand-in. */
export interface EsdbStandIn {
  /** `esdb://127.0.0.1:<port>?tls=false`. */
  readonly connectionString: string;
  readonly port: number;
  /** The stand-in's log, for tests that look behind the protocol (never used by the code under test). */
  readonly log: StandInLog;
  /** Cancels every open call and stops listening. */
  stop(): Promise<void>;
}

/** Options of {@link startEsdbStandIn}. */
export interface StandInOptions {
  /** Seed the system events a fresh node writes (`$users`, `$user-admin`, ...). Defaults to true. */
  readonly systemEvents?: boolean;
}

const unimplemented = (name: string) => (_call: unknown, callback?: (error: Error) => void) => {
  const error = grpcError(status.UNIMPLEMENTED, `${name} is not implemented by the EventStoreDB stand-in`);
  if (typeof callback === 'function') callback(error);
};

const json = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value), 'utf8');

// A fresh node writes its default users before anything else; $all readers must cope with such events.
const seedSystemEvents = (log: StandInLog): void => {
  let id = 0;
  const uuid = () => `00000000-0000-4000-8000-${(++id).toString(16).padStart(12, '0')}`;
  for (const login of ['admin', 'ops']) {
    const event = (type: string, data: unknown) => ({
      id: uuid(),
      type,
      contentType: 'application/json',
      data: json(data),
      metadata: new Uint8Array(),
    });
    log.append(`$user-${login}`, { kind: 'any' }, [event('$user', { loginName: login, fullName: login })]);
    log.append('$users', { kind: 'any' }, [event('$UserCreated', login)]);
  }
};

/** Starts a stand-in on an ephemeral loopback port. */
export const startEsdbStandIn = async (options: StandInOptions = {}): Promise<EsdbStandIn> => {
  const log = new StandInLog();
  if (options.systemEvents ?? true) seedSystemEvents(log);
  const server = new Server();
  const streams: UntypedServiceImplementation = {
    read: readHandler(log),
    append: appendHandler(log),
    delete: unimplemented('Streams.Delete'),
    tombstone: unimplemented('Streams.Tombstone'),
    batchAppend: (call: { emit(event: 'error', error: Error): void }) =>
      call.emit(
        'error',
        grpcError(status.UNIMPLEMENTED, 'Streams.BatchAppend is not implemented by the stand-in'),
      ),
  };
  server.addService(streamsGrpc.StreamsService, streams);
  server.addService(serverFeaturesGrpc.ServerFeaturesService, {
    getSupportedMethods: unimplemented('ServerFeatures.GetSupportedMethods'),
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
      error === null ? resolve(bound) : reject(error),
    );
  });
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    port,
    log,
    stop: async () => {
      server.forceShutdown();
    },
  };
};
