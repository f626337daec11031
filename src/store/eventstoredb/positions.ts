/**
 * How the port's single bigint positions map onto EventStoreDB's `$all` positions.
 *
 * EventStoreDB positions are commit/prepare byte offsets into its transaction log, and a read or
 * subscription may only start at a record boundary (the start, a record's position, or the end): a position
 * inside a record is refused. The port, though, is used with two kinds of start: an event's own position
 * (inclusive: "from this event on") and an event's position + 1 ("after this event", the idiom of
 * `catch-up.ts`). Neither commit + 1 nor commit - 1 is a record boundary, so a port position cannot simply be
 * the commit position. The port position is therefore twice the commit position:
 * - `2c` names the event committed at `c`; it is what every RecordedEvent and AppendResult carries;
 * - `2c + 1` names the gap just after it, so `event.position + 1n` still means "after this event".
 * Both decode to a record boundary `c = P >> 1`, reads start there, and events whose port position is below
 * P are dropped (the one at `c` when P is odd). Positions stay strictly increasing in commit order and are
 * not contiguous, which is all the port promises. Events written in one explicit transaction (legacy TCP
 * clients only) share a commit position; linli never writes them.
 */
import type { EsdbPosition, EsdbReadPosition, EsdbResolvedEvent } from './client-like.js';

// What servers before 22.6 put in the position fields of stream reads: "unknown".
const UNKNOWN_POSITION = 2n ** 64n - 1n;

/** The port position of the event committed at `commit`. */
export const toPortPosition = (commit: bigint): bigint => commit * 2n;

/** The record boundary at or just before port position `from`; reads start there and drop what is below. */
export const boundaryOf = (from: bigint): EsdbReadPosition =>
  from <= 0n ? 'start' : { commit: from >> 1n, prepare: from >> 1n };

/** True when `from` names an event itself rather than the gap after one (or the start). */
export const namesAnEvent = (from: bigint): boolean => from > 0n && from % 2n === 0n;

/** The `$all` position of a read event, or undefined when the server did not report one. */
export const esdbPositionOf = (resolved: EsdbResolvedEvent): EsdbPosition | undefined => {
  const own = resolved.event?.position;
  if (own !== undefined && own.commit !== UNKNOWN_POSITION) return own;
  const commit = resolved.commitPosition;
  return commit === undefined || commit === UNKNOWN_POSITION ? undefined : { commit, prepare: commit };
};

/** True when `a` comes strictly after `b` in `$all`. */
export const isAfter = (a: EsdbPosition, b: EsdbPosition): boolean =>
  a.commit > b.commit || (a.commit === b.commit && a.prepare > b.prepare);
