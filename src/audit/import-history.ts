import type { EventStore, EventToAppend, RecordedEvent } from '../store/event-store.js';
import { ChainVerifier } from './chain-verifier.js';
import { readHistory, type HistorySource } from './read-history.js';
import { describeLocation, type Violation } from './violation.js';

/** Options of {@link importHistory}. */
export interface ImportOptions {
  /** At most this many events per append; consecutive events of one stream are appended together. Default 500. */
  readonly batchSize?: number;
  /** Called after every append, with the number of events imported so far. */
  readonly onProgress?: (events: number) => void;
}

/** What an import appended. */
export interface ImportResult {
  readonly events: number;
  readonly streams: number;
}

/**
 * An import stopped because the history is not intact. Events before the violation were appended; the
 * violation and everything after it were not (except for a digest mismatch, found only at the end).
 */
export class HistoryImportError extends Error {
  /** Creates the error for the violation that stopped the import. */
  constructor(
    readonly violation: Violation,
    readonly imported: number,
  ) {
    super(`import stopped after ${imported} events: ${describeLocation(violation)}: ${violation.message}`);
    this.name = 'HistoryImportError';
  }
}

/**
 * Appends a JSON Lines history to a store, in the file's order: consecutive events of one stream go in one
 * append, expecting the stream at the revision the file says, so an import into a store that already has
 * those streams fails with a ConcurrencyError instead of mixing two histories. Events keep their metadata
 * and hashes; positions are the new store's. The chain is checked as the file is read, and a broken link
 * stops the import before it is appended; the trailer's digest can only be checked at the end, so audit a
 * file before importing it into a store that matters. Memory stays constant (one batch, one head per stream).
 */
export const importHistory = async (
  source: HistorySource,
  store: EventStore,
  options: ImportOptions = {},
): Promise<ImportResult> => {
  const batchSize = options.batchSize ?? 500;
  const reader = readHistory(source);
  const chain = new ChainVerifier();
  let batch: RecordedEvent[] = [];
  let imported = 0;

  const flush = async (): Promise<void> => {
    const first = batch[0];
    if (first === undefined) return;
    const events: EventToAppend[] = batch.map(({ type, data, metadata }) => ({ type, data, metadata }));
    await store.appendToStream(first.streamId, events, {
      expectedRevision: first.revision === 0n ? 'no-stream' : first.revision - 1n,
    });
    imported += batch.length;
    batch = [];
    options.onProgress?.(imported);
  };

  // One event at a time: the appends, not the reading, set the pace of an import.
  for await (const { event, line } of reader) {
    const [violation] = chain.check(event, { ...event, line });
    if (violation !== undefined) {
      await flush();
      throw new HistoryImportError(violation, imported);
    }
    if (batch.length >= batchSize || (batch[0] !== undefined && batch[0].streamId !== event.streamId)) {
      await flush();
    }
    batch.push(event);
  }
  await flush();
  const [mismatch] = reader.integrity.violations;
  if (mismatch !== undefined) throw new HistoryImportError(mismatch, imported);
  return { events: imported, streams: chain.streams };
};
