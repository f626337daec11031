/**
 * The EventStore contract for the EventStoreDB adapter, through the real `@eventstore/db-client`.
 * - Always: against the protocol-level STAND-IN server (test/support/esdb-stand-in), NOT a real EventStoreDB:
 *   it shows that the adapter and the client agree with that model of the server.
 * - Also against a real server when ESDB_CONNECTION_STRING is set (e.g. `esdb://localhost:2113?tls=false`).
 */
import { afterAll } from 'vitest';
import { eventStoreDbStore } from '../../src/store/eventstoredb/factory.js';
import { startEsdbStandIn, type EsdbStandIn } from '../support/esdb-stand-in/server.js';
import { eventStoreContract } from './contract.js';

const standIns: EsdbStandIn[] = [];
afterAll(async () => {
  await Promise.all(standIns.map((standIn) => standIn.stop()));
});

eventStoreContract('eventstoredb (stand-in server, not a real EventStoreDB)', async () => {
  const standIn = await startEsdbStandIn();
  standIns.push(standIn);
  return eventStoreDbStore(standIn.connectionString);
});

const realServer = process.env.ESDB_CONNECTION_STRING;
if (realServer !== undefined && realServer !== '') {
  eventStoreContract(
    'eventstoredb (real server from ESDB_CONNECTION_STRING)',
    async () => eventStoreDbStore(realServer),
    {
      propertyRuns: 15,
    },
  );
}
