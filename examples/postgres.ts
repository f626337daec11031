/**
 * Running linli on PostgreSQL: the same facade over `PostgresEventStore`, then an audit of what the
 * database holds. Any PostgreSQL 12+ (or compatible) server will do.
 *
 * Run it: LINLI_POSTGRES_URL=postgres://user:pass@localhost:5432/linli npx tsx examples/postgres.ts
 */
import { audit, createGovernance } from 'linli';
import { PostgresEventStore } from 'linli/postgres';
import { recordManholeStory } from './story.js';

/** Records the story in the given database (schema `schema`) and audits it; returns the audit's verdict. */
export const main = async (connectionString: string, schema = 'linli') => {
  // `create` runs the idempotent migration first; the store owns (and closes) its pool.
  const store = await PostgresEventStore.create(connectionString, { schema });
  try {
    const gov = createGovernance({ store });
    await recordManholeStory(gov);
    const result = await audit(store.readAll());
    return { events: result.summary.events, violations: result.violations.length };
  } finally {
    await store.close();
  }
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env['LINLI_POSTGRES_URL'];
  if (url === undefined) throw new Error('set LINLI_POSTGRES_URL to a PostgreSQL connection string');
  console.log(await main(url));
}
