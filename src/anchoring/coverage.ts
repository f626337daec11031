import type { StreamHead } from '../domain/anchor/events.js';
import { HistoryDigester, historyHashLine } from '../audit/history-digest.js';
import type { RecordedEvent } from '../store/event-store.js';

/**
 * How many events a checkpoint may fall behind the log it covers and still be checked: an anchorer computes
 * over the log, then appends, and other writers may append in between. Configuration (the audit's
 * `anchorLookback`), not a figure from any field report.
 */
export const DEFAULT_ANCHOR_LOOKBACK = 100_000;

/** What the log was at a count of events: its history digest and the heads moved since the last checkpoint. */
export interface CoverageView {
  readonly events: number;
  readonly digest: string;
  /** Streams moved since the last checkpoint, by stream id, with the stored hash of their last event. */
  readonly heads: readonly StreamHead[];
}

type Pending = Pick<RecordedEvent, 'streamId' | 'position' | 'metadata'>;

/**
 * Follows a log event by event to answer what a checkpoint covering its first `k` events must say: the
 * history digest of those events (the one `HistoryDigester` computes; no second digest) and the heads of
 * the streams that moved since the previous checkpoint. It keeps a digester at a base count and the events
 * after it, at most `lookback` of them (older ones are folded into the base), so memory is bounded by the
 * lookback and the number of streams, never by the log. The audit and the anchorer share it, so what one
 * computes the other checks.
 */
export class CoverageTracker {
  private base = new HistoryDigester();
  private baseCount = 0;
  /** Heads moved between the last checkpoint and the base. */
  private movedAtBase = new Map<string, string>();
  private tail: Pending[] = [];
  private tailStart = 0;

  /** Creates a tracker that can look `lookback` events back. */
  constructor(private readonly lookback: number = DEFAULT_ANCHOR_LOOKBACK) {}

  /** The number of events followed so far. */
  get count(): number {
    return this.baseCount + this.tail.length - this.tailStart;
  }

  /** Follows the next event of the log. */
  push(event: Pending): void {
    this.tail.push({ streamId: event.streamId, position: event.position, metadata: event.metadata });
    if (this.tail.length - this.tailStart > this.lookback) {
      const oldest = this.tail[this.tailStart] as Pending;
      this.tailStart += 1;
      this.base.add(oldest);
      this.baseCount += 1;
      this.movedAtBase.set(oldest.streamId, historyHashLine(hashOf(oldest)));
      // Dropped from the front in bulk, so that following an event stays O(1).
      if (this.tailStart > this.lookback) {
        this.tail = this.tail.slice(this.tailStart);
        this.tailStart = 0;
      }
    }
  }

  /**
   * What a checkpoint covering the first `events` events must say, or `too-old` when they lie further back
   * than the lookback (or before the last checkpoint), `not-reached` when the log holds fewer events.
   */
  viewAt(events: number): CoverageView | 'too-old' | 'not-reached' {
    const view = this.digesterAt(events);
    if (typeof view === 'string') return view;
    return { events, digest: view.digester.current.digest, heads: view.heads };
  }

  /** Makes the checkpoint covering the first `events` events the last one: heads are counted from there. */
  commit(events: number): void {
    const view = this.digesterAt(events);
    if (typeof view === 'string') return;
    this.base = view.digester;
    this.tailStart += events - this.baseCount;
    this.baseCount = events;
    this.movedAtBase = new Map();
    this.tail = this.tail.slice(this.tailStart);
    this.tailStart = 0;
  }

  private digesterAt(
    events: number,
  ): { readonly digester: HistoryDigester; readonly heads: StreamHead[] } | 'too-old' | 'not-reached' {
    if (events > this.count) return 'not-reached';
    if (events < this.baseCount) return 'too-old';
    const digester = this.base.fork();
    const moved = new Map(this.movedAtBase);
    for (let i = this.tailStart; i < this.tailStart + events - this.baseCount; i += 1) {
      const event = this.tail[i] as Pending;
      digester.add(event);
      moved.set(event.streamId, historyHashLine(hashOf(event)));
    }
    const heads = [...moved]
      .map(([streamId, hash]) => ({ streamId, hash }))
      .sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
    return { digester, heads };
  }
}

const hashOf = (event: Pick<RecordedEvent, 'metadata'>): unknown =>
  (event.metadata as { readonly hash?: unknown } | null | undefined)?.hash;
