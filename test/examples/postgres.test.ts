import { expect, it } from 'vitest';
import { main } from '../../examples/postgres.js';
import { freshSchema, postgresUrl } from '../support/postgres.js';

it('examples/postgres: the story recorded on a real PostgreSQL server audits clean', async () => {
  // Six events: the community and its grid, then the four of the problem filed in that grid.
  expect(await main(postgresUrl(), freshSchema('example'))).toEqual({ events: 6, violations: 0 });
});
