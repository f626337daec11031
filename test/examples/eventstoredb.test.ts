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
  // Six events: the community and its grid (the directory the problem's place is judged by), then the four
  // of the problem.
  expect(await main(standIn.connectionString)).toEqual({ events: 6, violations: 0 });
});

it('examples/eventstoredb: a second story on the same node reuses the directory the first recorded', async () => {
  await main(standIn.connectionString, 'p-manhole-2');
  expect(await main(standIn.connectionString, 'p-manhole-3')).toEqual({ events: 6, violations: 0 });
});
