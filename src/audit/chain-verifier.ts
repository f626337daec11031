import { GENESIS_HASH, type EventMetadata } from '../domain/shared/events.js';
import type { RecordedEvent } from '../store/event-store.js';
import { eventHash } from './hash-chain.js';
import { violationAt, type EventLocation, type Violation } from './violation.js';

/**
 * What the verifier remembers of a stream: its last revision, that event's stored hash, and whether that
 * hash is the one the verifier computed (so a well-formed digest, whatever the file says elsewhere).
 */
interface StreamHead {
  readonly revision: bigint;
  readonly hash: unknown;
  readonly computed: boolean;
}

/**
 * Checks the tamper-evidence of a history read in global order: positions strictly increasing, each
 * stream's revisions contiguous from 0, each event's `previousHash` equal to its stream's previous hash,
 * and each stored `hash` equal to the hash of the event's content. It keeps one head per stream and nothing
 * per event, so memory grows with the number of streams, never with the length of the history.
 *
 * After a violation the verifier carries on from what the event says (its revision, its stored hash), so
 * one edit is reported once where it happened rather than at every later event of its stream.
 */
export class ChainVerifier {
  private readonly heads = new Map<string, StreamHead>();
  private lastPosition: bigint | undefined;
  private lastHashesComputedFlag = false;

  /**
   * True when both hashes of the event last checked, its `hash` and its `previousHash`, are strings this
   * verifier produced itself (sha256 digests it computed, or the genesis hash), so both are well-formed
   * without looking at them again. It says nothing else about the chain: the violations do.
   */
  get lastHashesComputed(): boolean {
    return this.lastHashesComputedFlag;
  }

  /** The number of streams seen so far. */
  get streams(): number {
    return this.heads.size;
  }

  /** Checks the next event of the history; returns what is wrong with it (nothing, for an intact one). */
  check(event: RecordedEvent, at: EventLocation = event): Violation[] {
    // Cleared first, so that a check that throws never leaves the previous event's answer standing.
    this.lastHashesComputedFlag = false;
    const violations: Violation[] = [];
    if (this.lastPosition !== undefined && event.position <= this.lastPosition) {
      violations.push(
        violationAt(
          'position-order',
          `position ${event.position} does not come after the previous event's position ${this.lastPosition}`,
          at,
        ),
      );
    }
    this.lastPosition = event.position;

    const head = this.heads.get(event.streamId);
    const expectedRevision = head === undefined ? 0n : head.revision + 1n;
    if (event.revision !== expectedRevision) {
      violations.push(
        violationAt(
          'revision-gap',
          `revision ${event.revision} where ${event.streamId} expects revision ${expectedRevision}`,
          at,
        ),
      );
    }

    // The metadata has not been validated yet (a file says what it says), so read it as unknown values.
    const metadata = event.metadata as Partial<Record<keyof EventMetadata, unknown>>;
    const expectedPrevious = head === undefined ? GENESIS_HASH : head.hash;
    if (metadata.previousHash !== expectedPrevious) {
      violations.push(
        violationAt(
          'broken-chain',
          head === undefined
            ? `the first event of ${event.streamId} does not start the chain (previousHash is not the genesis hash)`
            : `previousHash is not the hash of ${event.streamId}@${head.revision}: an event before it was removed, reordered or inserted`,
          at,
        ),
      );
    }

    const recomputed = safeHash(event);
    const hashComputed = recomputed !== undefined && metadata.hash === recomputed;
    const previousComputed = head === undefined || head.computed;
    this.lastHashesComputedFlag =
      hashComputed && previousComputed && metadata.previousHash === expectedPrevious;
    if (!hashComputed) {
      violations.push(
        violationAt(
          'hash-mismatch',
          'the stored hash is not the hash of the event: its type, data or metadata were changed',
          at,
        ),
      );
    }
    this.heads.set(event.streamId, { revision: event.revision, hash: metadata.hash, computed: hashComputed });
    return violations;
  }
}

const safeHash = (event: RecordedEvent): string | undefined => {
  try {
    return eventHash(event);
  } catch {
    // Content that cannot be encoded canonically cannot have been hashed by the handler either.
    return undefined;
  }
};
