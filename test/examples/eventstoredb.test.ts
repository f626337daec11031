import { afterAll, beforeAll, expect, it } from 'vitest';
import { main } from '../../examples/eventstoredb.js';
import { startEsdbStandIn, type EsdbStandIn } from '../support/esdb-stand-in/server.js';

let standIn: EsdbStandIn;
beforeAll(async () => {
  standIn = await startEsdbStandIn();
});
afterAll(async () => {
  await standIn.stop();
});

it('examples/eventstoredb: the story recorded through the real client (on the stand-in server) audits clean', async () => {
  expect(await main(standIn.connectionString)).toEqual({ events: 4, violations: 0 });
});
