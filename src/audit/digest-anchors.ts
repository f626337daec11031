import type { HistoryDigest, HistoryDigester } from './history-digest.js';
import { violationAt, type EventLocation, type Violation } from './violation.js';

/**
 * A history digest recorded earlier (by an audit, or kept by whoever is accountable for the store): the
 * running {@link HistoryDigest} of the history up to and including the event at `position` must still be
 * `digest`. An event appended after the anchor changes nothing before it; one changed, removed or inserted
 * at or before it does.
 */
export interface DigestAnchor {
  /** The global position of the event the digest was taken at, in the store the history is read from. */
  readonly position: bigint;
  /** `sha256:<hex>`, as {@link HistoryDigest.digest}. */
  readonly digest: string;
}

/** What became of one {@link DigestAnchor} in an audit. */
export interface AnchorOutcome extends DigestAnchor {
  /** `matches`, `differs` (see `actual`), or `not-reached`: the history holds no event at that position. */
  readonly verdict: 'matches' | 'differs' | 'not-reached';
  /** The history's digest at the anchor's position, when it has an event there. */
  readonly actual?: string;
}

/** An anchor as `--expect-digest` takes it and an audit report prints it: `<position>:sha256:<hex>`. */
export const formatDigestAnchor = (anchor: DigestAnchor): string =>
  `${anchor.position.toString()}:${anchor.digest}`;

/**
 * Holds a history to its anchors as an audit reads it: after each event has been added to the digester,
 * {@link AnchorChecker.observe} compares the running digest with the anchors at that event's position, and
 * {@link AnchorChecker.finish} reports the anchors the history never reached.
 */
export class AnchorChecker {
  private readonly anchors: readonly DigestAnchor[];
  private readonly results: AnchorOutcome[] = [];
  private next = 0;

  /** Creates a checker for the anchors, in any order. */
  constructor(anchors: readonly DigestAnchor[]) {
    // Sorted (stably) by position, so that each event only looks at the next anchor.
    this.anchors = [...anchors].sort((a, b) =>
      a.position < b.position ? -1 : a.position > b.position ? 1 : 0,
    );
  }

  /** The position of the next anchor to check, or undefined when none is left: a cheap test per event. */
  get nextPosition(): bigint | undefined {
    return this.anchors[this.next]?.position;
  }

  /** Checks the anchors at or before the event just added to `digester`, which stands at `at`. */
  observe(digester: HistoryDigester, at: EventLocation, report: (violation: Violation) => void): void {
    let current: HistoryDigest | undefined;
    for (let anchor = this.anchors[this.next]; anchor !== undefined; anchor = this.anchors[this.next]) {
      if (anchor.position > at.position) return;
      this.next += 1;
      if (anchor.position < at.position) {
        this.results.push({ ...anchor, verdict: 'not-reached' });
        report({
          code: 'anchor-not-reached',
          message: `no event at the anchor's position ${anchor.position.toString()} (the history goes on at position ${at.position.toString()}): the event the anchor was taken at was removed, or the positions changed`,
          position: anchor.position,
        });
        continue;
      }
      current ??= digester.current;
      if (current.digest === anchor.digest) {
        this.results.push({ ...anchor, verdict: 'matches', actual: current.digest });
        continue;
      }
      this.results.push({ ...anchor, verdict: 'differs', actual: current.digest });
      report(
        violationAt(
          'anchor-mismatch',
          `the history digest at position ${anchor.position.toString()} is ${current.digest}, the anchor says ${anchor.digest}: an event at or before this position was changed, removed or inserted since the anchor was taken`,
          at,
        ),
      );
    }
  }

  /** Reports the anchors beyond the history's last event; `last` is the digest of the whole history. */
  finish(last: HistoryDigest, report: (violation: Violation) => void): void {
    for (let anchor = this.anchors[this.next]; anchor !== undefined; anchor = this.anchors[this.next]) {
      this.next += 1;
      this.results.push({ ...anchor, verdict: 'not-reached' });
      const end =
        last.position === undefined
          ? 'the history is empty'
          : `the history ends at position ${last.position.toString()}`;
      report({
        code: 'anchor-not-reached',
        message: `the anchor's position ${anchor.position.toString()} is never reached (${end}): events at or before it were removed`,
        position: anchor.position,
      });
    }
  }

  /** What became of each anchor so far, by position. */
  get outcomes(): readonly AnchorOutcome[] {
    return [...this.results];
  }
}
