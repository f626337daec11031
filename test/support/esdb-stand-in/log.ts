/**
 * STAND-IN, NOT EventStoreDB. The in-memory transaction log of the EventStoreDB protocol stand-in used by the
 * adapter tests: streams, a global log with `$all` positions, and the server's commit check.
 *
 * Positions imitate real log positions, which are byte offsets into the transaction file: they grow by each
 * record's size, so they are strictly increasing but not contiguous, and only a record boundary (or the
 * start, or the current end) is a valid place to read from. A record's commit position equals its prepare
 * position, as for the single-stream appends of EventStoreDB 20+.
 */
import { commitDecision, type CommitDecision, type ExpectedVersion } from './commit-check.js';

/** One event as the stand-in stores it. */
export interface StoredEvent {
  readonly streamId: string;
  readonly revision: bigint;
  /** Lower-case canonical UUID, as the server prints a Guid. */
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
  /** Commit position = prepare position = the record's offset in the log. */
  readonly position: bigint;
  /** .NET ticks (100 ns) since the Unix epoch, as the server reports `created`. */
  readonly created: bigint;
}

/** An event proposed by an append. */
export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
}

/** What an append did: the server's answer before it is put on the wire. */
export type AppendOutcome =
  | { readonly kind: 'written' | 'idempotent'; readonly lastRevision: bigint; readonly position: bigint }
  | { readonly kind: 'empty'; readonly lastRevision: bigint }
  | { readonly kind: 'wrong-expected-version'; readonly currentRevision: bigint };

/** Where a read of `$all` may start: an index into the log, or an error for a position inside a record. */
export type LogCursor = { readonly index: number } | { readonly invalid: true };

// The first record lands after the space a real log spends on its epoch record, so no event sits at 0.
const FIRST_RECORD_OFFSET = 256n;
// Fixed part of a prepare record (header, flags, ids, positions), roughly what the real format spends.
const RECORD_OVERHEAD = 89n;
const TICKS_PER_MS = 10_000n;
const EPOCH_TICKS = 621_355_968_000_000_000n;

const utf8Length = (text: string): bigint => BigInt(Buffer.byteLength(text, 'utf8'));

/** The stand-in's transaction log. Appends are applied whole and synchronously, so they are atomic. */
export class StandInLog {
  private readonly records: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly byPosition = new Map<bigint, number>();
  private readonly byEventId = new Map<string, StoredEvent>();
  private readonly listeners = new Set<() => void>();
  private writerCheckpoint = FIRST_RECORD_OFFSET;

  /** Every record in log order (the live array: readers see appends made while they iterate). */
  get all(): readonly StoredEvent[] {
    return this.records;
  }

  /** The position the next record will be written at, which is also a valid (empty) place to read from. */
  get end(): bigint {
    return this.writerCheckpoint;
  }

  /** The events of one stream, or undefined when it has none. */
  stream(streamId: string): readonly StoredEvent[] | undefined {
    return this.streams.get(streamId);
  }

  /** Resolves a requested `$all` position the way the server does: boundaries only. */
  cursorAt(commit: bigint, prepare: bigint): LogCursor {
    if (commit === 0n && prepare === 0n) return { index: 0 };
    if (commit === this.writerCheckpoint && prepare === this.writerCheckpoint)
      return { index: this.records.length };
    const index = commit === prepare ? this.byPosition.get(commit) : undefined;
    return index === undefined ? { invalid: true } : { index };
  }

  /** Calls `listener` after every append that wrote something; returns the way to stop. */
  onAppend(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Checks the expected version and writes the events, all or nothing. */
  append(
    streamId: string,
    expected: ExpectedVersion,
    events: readonly ProposedEvent[],
    now = Date.now(),
  ): AppendOutcome {
    const stream = this.streams.get(streamId) ?? [];
    const decision: CommitDecision = commitDecision({
      current: BigInt(stream.length) - 1n,
      expected,
      eventIds: events.map((e) => e.id),
      eventAt: (revision) => stream[Number(revision)],
      eventById: (id) => this.byEventId.get(id),
      streamId,
    });
    switch (decision.kind) {
      case 'wrong-expected-version':
        return { kind: 'wrong-expected-version', currentRevision: decision.current };
      case 'idempotent': {
        const last = stream[Number(decision.lastRevision)] as StoredEvent;
        return { kind: 'idempotent', lastRevision: decision.lastRevision, position: last.position };
      }
      case 'ok':
        break;
    }
    if (events.length === 0) return { kind: 'empty', lastRevision: BigInt(stream.length) - 1n };
    const created = EPOCH_TICKS + BigInt(now) * TICKS_PER_MS;
    for (const event of events) {
      const record: StoredEvent = {
        ...event,
        streamId,
        revision: BigInt(stream.length),
        position: this.writerCheckpoint,
        created,
      };
      this.writerCheckpoint +=
        RECORD_OVERHEAD +
        utf8Length(streamId) +
        utf8Length(event.type) +
        BigInt(event.data.length + event.metadata.length);
      this.byPosition.set(record.position, this.records.length);
      this.records.push(record);
      this.byEventId.set(record.id, record);
      stream.push(record);
    }
    this.streams.set(streamId, stream);
    const last = stream[stream.length - 1] as StoredEvent;
    for (const listener of [...this.listeners]) listener();
    return { kind: 'written', lastRevision: last.revision, position: last.position };
  }
}
