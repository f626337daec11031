import { expect, it } from 'vitest';
import { main } from '../../examples/postgres.js';
import { freshSchema, postgresUrl } from '../support/postgres.js';

it('examples/postgres: the story recorded on a real PostgreSQL server audits clean', async () => {
  expect(await main(postgresUrl(), freshSchema('example'))).toEqual({ events: 4, violations: 0 });
});
