import { createHash, type Hash } from 'node:crypto';
import type { RecordedEvent } from '../store/event-store.js';
import { canonicalJson, jsonString } from './canonical.js';

/**
 * The history digest: `sha256:<hex>` over the events' own hashes (`metadata.hash`), one line each
 * (`<hash>\n`), in global order. Each event's hash already covers its stream, revision, type, data and
 * metadata, and none of it depends on where the history is stored, so the same history gives the same
 * digest from a file, PostgreSQL or EventStoreDB, whatever positions each store numbers it with. It is
 * not the file digest of a history file's trailer (the sha256 of the file's bytes), which only says that
 * the file is the one exported. For a file, `head -n -1 h.jsonl | jq -r .metadata.hash | sha256sum`
 * gives the same hex.
 */
export interface HistoryDigest {
  /** `sha256:` and the hex digest of the hash lines of the events covered. */
  readonly digest: string;
  /** The number of events covered. */
  readonly events: number;
  /** The global position of the last event covered; absent when none is. */
  readonly position?: bigint;
}

const HEX_HASH = /^[0-9a-f]{64}$/;
/** Hash lines are handed to sha256 in chunks of about this many characters: one update an event costs more. */
const CHUNK_CHARS = 16 * 1024;

/**
 * The line an event's stored hash contributes to the history digest, without its `\n`. A well-formed hash
 * is itself; anything else (an audit reads tampered histories too) is its JSON, quoted, so that it can
 * neither hold a line break nor pass for a well-formed hash.
 */
export const historyHashLine = (hash: unknown): string => {
  if (typeof hash === 'string') return HEX_HASH.test(hash) ? hash : jsonString(hash);
  try {
    return canonicalJson(hash ?? null);
  } catch {
    // A value JSON cannot hold (a function from a misbehaving store) cannot be told apart anyway.
    return 'null';
  }
};

/** The stored hash of an event, read without trusting the shape of its metadata. */
const storedHash = (event: Pick<RecordedEvent, 'metadata'>): unknown =>
  (event.metadata as { readonly hash?: unknown } | null | undefined)?.hash;

/**
 * Computes the {@link HistoryDigest} as a history is read: {@link HistoryDigester.add} each event in global
 * order, and ask {@link HistoryDigester.current} at any point for the digest of the events so far.
 */
export class HistoryDigester {
  private hash: Hash = createHash('sha256');
  private pending = '';
  private count = 0;
  private last: bigint | undefined;

  /**
   * Adds the next event of the history. `hashIsHex` vouches that its stored hash is a well-formed sha256
   * hex digest (the auditor's chain verifier has just computed it), which skips testing it again: that
   * test costs more than hashing the line.
   */
  add(event: Pick<RecordedEvent, 'position' | 'metadata'>, hashIsHex = false): void {
    const hash = storedHash(event);
    this.pending += `${hashIsHex ? (hash as string) : historyHashLine(hash)}\n`;
    this.count += 1;
    this.last = event.position;
    if (this.pending.length >= CHUNK_CHARS) this.flush();
  }

  /** A digester that carries on from the events added so far, apart from this one (a checkpoint's view). */
  fork(): HistoryDigester {
    this.flush();
    const copy = new HistoryDigester();
    copy.hash = this.hash.copy();
    copy.count = this.count;
    copy.last = this.last;
    return copy;
  }

  /** The digest of the events added so far; adding more afterwards carries on from them. */
  get current(): HistoryDigest {
    this.flush();
    const digest = `sha256:${this.hash.copy().digest('hex')}`;
    return this.last === undefined
      ? { digest, events: this.count }
      : { digest, events: this.count, position: this.last };
  }

  private flush(): void {
    if (this.pending === '') return;
    this.hash.update(this.pending, 'utf8');
    this.pending = '';
  }
}

/** The {@link HistoryDigest} of a whole history: a store's `readAll()`, or any iterable of recorded events. */
export const historyDigest = async (
  history: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>,
): Promise<HistoryDigest> => {
  const digester = new HistoryDigester();
  for await (const event of history) digester.add(event);
  return digester.current;
};
