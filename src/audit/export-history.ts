import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EventStore, RecordedEvent } from '../store/event-store.js';
import { encodeEventLine, encodeTrailer } from './history-line.js';

/** Where an export goes: a file path (created or replaced), or a writable stream the caller owns. */
export type HistoryDestination = string | Writable;

/** Options of {@link exportHistory}. */
export interface ExportOptions {
  /** Called after every event written, with the number written so far (for progress bars). */
  readonly onProgress?: (events: number) => void;
}

/** What an export wrote. */
export interface ExportResult {
  readonly events: number;
  /** The trailer's digest, `sha256:<hex>` of every byte before the trailer line. */
  readonly digest: string;
}

/** Lines are written in chunks of about this many characters: one write per event would dominate the cost. */
const CHUNK_CHARS = 64 * 1024;

const isEventStore = (source: EventStore | AsyncIterable<RecordedEvent>): source is EventStore =>
  typeof (source as Partial<EventStore>).readAll === 'function';

/**
 * Writes a history as JSON Lines: every event of the store's global log, in order, one canonical JSON line
 * each (see `encodeEventLine`), then a trailer line with the event count and the sha256 of all the bytes
 * before it. Streams with backpressure, so memory stays constant however long the log; the same history
 * exports to the same bytes from any store. A path is written and closed; a stream is left open.
 */
export const exportHistory = async (
  source: EventStore | AsyncIterable<RecordedEvent>,
  destination: HistoryDestination,
  options: ExportOptions = {},
): Promise<ExportResult> => {
  const events = isEventStore(source) ? source.readAll() : source;
  const hash = createHash('sha256');
  let count = 0;
  let digest = '';

  async function* lines(): AsyncGenerator<string> {
    let chunk = '';
    for await (const event of events) {
      const line = `${encodeEventLine(event)}\n`;
      hash.update(line, 'utf8');
      chunk += line;
      count += 1;
      options.onProgress?.(count);
      if (chunk.length >= CHUNK_CHARS) {
        yield chunk;
        chunk = '';
      }
    }
    digest = hash.digest('hex');
    yield `${chunk}${encodeTrailer(count, digest)}\n`;
  }

  const sink = typeof destination === 'string' ? createWriteStream(destination) : destination;
  await pipeline(Readable.from(lines()), sink, { end: typeof destination === 'string' });
  return { events: count, digest: `sha256:${digest}` };
};
