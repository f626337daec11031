/**
 * Running linli on EventStoreDB (or KurrentDB): the same facade over the EventStoreDB adapter, for a city
 * that outgrows one machine. Start a node with Docker:
 *   docker run -p 2113:2113 eventstore/eventstore:24.10 --insecure --run-projections=None
 *
 * Run it: ESDB_CONNECTION_STRING='esdb://localhost:2113?tls=false' npx tsx examples/eventstoredb.ts
 * (In linli's own test suite it runs against a protocol-level stand-in server, not a real node.)
 */
import { audit, createGovernance, neighbourhoodStream, problemStream } from 'linli';
import { eventStoreDbStore } from 'linli/eventstoredb';
import { recordManholeStory } from './story.js';

/** The events of several reads, one after the other. */
async function* concat<T>(...reads: AsyncIterable<T>[]): AsyncIterable<T> {
  for (const read of reads) yield* read;
}

/**
 * Records the story on the node and audits the problem's stream after the community's (the directory the
 * problem's place is judged by); returns the audit's verdict.
 */
export const main = async (connectionString: string, problemId = 'p-manhole-1') => {
  const store = eventStoreDbStore(connectionString);
  try {
    const gov = createGovernance({ store });
    await recordManholeStory(gov, problemId);
    const result = await audit(
      concat(store.readStream(neighbourhoodStream('bairuijing')), store.readStream(problemStream(problemId))),
    );
    return { events: result.summary.events, violations: result.violations.length };
  } finally {
    await store.close();
  }
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env['ESDB_CONNECTION_STRING'];
  if (url === undefined) throw new Error('set ESDB_CONNECTION_STRING, e.g. esdb://localhost:2113?tls=false');
  console.log(await main(url));
}
