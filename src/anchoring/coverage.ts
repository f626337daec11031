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

type Followed = Pick<RecordedEvent, 'streamId' | 'position' | 'metadata'>;

/** An event followed: what the digest needs of it, and its hash line, tested once. */
interface Pending extends Followed {
  /** The line its stored hash contributes to the digest ({@link historyHashLine}). */
  readonly line: string;
}

type Coverage = { readonly digester: HistoryDigester; readonly heads: StreamHead[] };

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
  private cached:
    { readonly events: number; readonly count: number; readonly coverage: Coverage } | undefined;

  /** Creates a tracker that can look `lookback` events back. */
  constructor(private readonly lookback: number = DEFAULT_ANCHOR_LOOKBACK) {}

  /** The number of events followed so far. */
  get count(): number {
    return this.baseCount + this.tail.length - this.tailStart;
  }

  /** Follows the next event of the log; `hashIsHex` vouches that its stored hash is well-formed. */
  push(event: Followed, hashIsHex = false): void {
    const { streamId, position, metadata } = event;
    const hash = hashOf(event);
    this.tail.push({
      streamId,
      position,
      metadata,
      line: hashIsHex ? (hash as string) : historyHashLine(hash),
    });
    if (this.tail.length - this.tailStart > this.lookback) {
      const oldest = this.tail[this.tailStart] as Pending;
      this.tailStart += 1;
      addTo(this.base, oldest);
      this.baseCount += 1;
      this.movedAtBase.set(oldest.streamId, oldest.line);
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
    this.cached = undefined;
    this.tailStart += events - this.baseCount;
    this.baseCount = events;
    this.movedAtBase = new Map();
    this.tail = this.tail.slice(this.tailStart);
    this.tailStart = 0;
  }

  /**
   * The coverage of the first `events` events, computed once per count: a checkpoint is viewed, then
   * committed, and the second asks the same as the first (nothing is followed in between).
   */
  private digesterAt(events: number): Coverage | 'too-old' | 'not-reached' {
    if (events > this.count) return 'not-reached';
    if (events < this.baseCount) return 'too-old';
    const cached = this.cached;
    if (cached !== undefined && cached.events === events && cached.count === this.count)
      return cached.coverage;
    const coverage = this.coverageAt(events);
    this.cached = { events, count: this.count, coverage };
    return coverage;
  }

  private coverageAt(events: number): Coverage {
    const digester = this.base.fork();
    const moved = new Map(this.movedAtBase);
    for (let i = this.tailStart; i < this.tailStart + events - this.baseCount; i += 1) {
      const event = this.tail[i] as Pending;
      addTo(digester, event);
      moved.set(event.streamId, event.line);
    }
    const heads = [...moved]
      .map(([streamId, hash]) => ({ streamId, hash }))
      .sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
    return { digester, heads };
  }
}

const hashOf = (event: Pick<RecordedEvent, 'metadata'>): unknown =>
  (event.metadata as { readonly hash?: unknown } | null | undefined)?.hash;

/** Adds a followed event to a digester, vouching for its hash when its line, tested at push, is the hash. */
const addTo = (digester: HistoryDigester, event: Pending): void =>
  digester.add(event, event.line === hashOf(event));
