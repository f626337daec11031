import type { Pool } from 'pg';
import type { ActualRevision, EventToAppend, ExpectedRevision } from '../event-store.js';
import type { SchemaNames } from './schema.js';

/** The append function's name in the store's schema; the version suffix lets a later signature live next to it. */
export const APPEND_FUNCTION = 'append_events_v1';

/**
 * The SQL that creates (or replaces) the schema's append function: the whole append in one statement, so
 * one round trip, run in autocommit (the call is its own transaction).
 *
 * It claims the revisions on the stream's row first (a compare-and-set UPDATE for an exact revision, an
 * INSERT that the primary key refuses for 'no-stream', an upsert for 'any'); row locks make concurrent
 * claimants of one stream wait for each other and re-check, so exactly one wins. A lost claim changes
 * nothing and answers with the revision the stream is at instead. Only a won claim takes the append lock,
 * so conflicting writers never hold it up.
 *
 * Then, under the transaction-scoped advisory lock, it continues positions from max(position) and inserts
 * every event. That read must see every append that held the lock before: a VOLATILE PL/pgSQL function
 * takes a fresh snapshot for each statement under READ COMMITTED (a single CTE statement could not do
 * this, its one snapshot predates the lock), and PostgreSQL releases a transaction's locks only after its
 * commit is visible to new snapshots. The NOTIFY, one per append with the last position as payload, is
 * delivered at commit, and only if it commits.
 *
 * The lock key and the channel are the ones the earlier five-statement appends used, so processes of both
 * versions can append to one database side by side.
 */
export const appendFunctionSql = (names: SchemaNames): string => `
CREATE OR REPLACE FUNCTION ${names.appendFunction}(
  p_stream_id text,
  p_expected text,
  p_events jsonb,
  OUT next_revision bigint,
  OUT last_position bigint
) LANGUAGE plpgsql VOLATILE AS $append$
DECLARE
  v_count bigint := jsonb_array_length(p_events);
  v_last bigint;
BEGIN
  IF v_count < 1 THEN
    RAISE EXCEPTION 'an append needs at least one event' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_expected = 'any' THEN
    INSERT INTO ${names.streams} AS st (stream_id, revision) VALUES (p_stream_id, v_count - 1)
    ON CONFLICT (stream_id) DO UPDATE SET revision = st.revision + v_count
    RETURNING st.revision INTO next_revision;
  ELSIF p_expected = 'no-stream' THEN
    INSERT INTO ${names.streams} AS st (stream_id, revision) VALUES (p_stream_id, v_count - 1)
    ON CONFLICT (stream_id) DO NOTHING
    RETURNING st.revision INTO next_revision;
  ELSIF p_expected = 'stream-exists' THEN
    UPDATE ${names.streams} AS st SET revision = st.revision + v_count
    WHERE st.stream_id = p_stream_id
    RETURNING st.revision INTO next_revision;
  ELSE
    UPDATE ${names.streams} AS st SET revision = st.revision + v_count
    WHERE st.stream_id = p_stream_id AND st.revision = p_expected::bigint
    RETURNING st.revision INTO next_revision;
  END IF;
  IF NOT FOUND THEN
    -- A lost claim: the revision the stream is at (NULL when there is no stream), and no position.
    SELECT st.revision INTO next_revision FROM ${names.streams} AS st WHERE st.stream_id = p_stream_id;
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('${names.appendLock}', 0));
  SELECT coalesce(max(ev.position), -1) INTO v_last FROM ${names.events} AS ev;
  INSERT INTO ${names.events} (position, stream_id, revision, type, data, metadata)
  SELECT v_last + e.ord, p_stream_id, next_revision - v_count + e.ord,
         e.event ->> 'type', e.event -> 'data', e.event -> 'metadata'
  FROM jsonb_array_elements(p_events) WITH ORDINALITY AS e(event, ord);
  last_position := v_last + v_count;
  PERFORM pg_notify('${names.channel}', last_position::text);
END;
$append$;
`;

/** What the append function answered: the append went in, or the expected revision did not hold. */
export type AppendOutcome =
  | { readonly appended: true; readonly revision: bigint; readonly position: bigint }
  | { readonly appended: false; readonly actual: ActualRevision };

interface AppendRow {
  readonly next_revision: string | null;
  readonly last_position: string | null;
}

/**
 * Calls the append function in one round trip. A named statement, so each pooled connection parses and
 * plans it once. The events travel as one JSON array (one JSON.stringify, no array-literal escaping); the
 * server parses it once and stores each event's data and metadata as the jsonb they always were.
 */
export const callAppendFunction = async (
  pool: Pool,
  names: SchemaNames,
  streamId: string,
  expected: ExpectedRevision,
  events: readonly EventToAppend[],
): Promise<AppendOutcome> => {
  const batch = events.map((e) => ({ type: e.type, data: e.data ?? null, metadata: e.metadata }));
  const { rows } = await pool.query<AppendRow>({
    name: names.appendStatement,
    text: `SELECT next_revision::text AS next_revision, last_position::text AS last_position
           FROM ${names.appendFunction}($1, $2, $3)`,
    values: [streamId, typeof expected === 'bigint' ? expected.toString() : expected, JSON.stringify(batch)],
  });
  const row = rows[0];
  if (row === undefined) throw new Error('the append function returned no row');
  if (row.last_position === null) {
    return { appended: false, actual: row.next_revision === null ? 'no-stream' : BigInt(row.next_revision) };
  }
  if (row.next_revision === null)
    throw new Error('the append function returned a position without a revision');
  return { appended: true, revision: BigInt(row.next_revision), position: BigInt(row.last_position) };
};
