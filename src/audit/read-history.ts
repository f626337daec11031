import { createHash } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import type { RecordedEvent } from '../store/event-store.js';
import { HistoryReadError, isHistoryReadError } from './history-read-error.js';
import { parseHistoryLine, type HistoryTrailer } from './history-line.js';
import { splitLineBatches, type SplitLinesOptions } from './line-splitter.js';
import type { Violation } from './violation.js';

/** A history file to read: its path, or its bytes as a stream (`process.stdin`, a socket, a test buffer). */
export type HistorySource = string | AsyncIterable<Uint8Array | string>;

/**
 * One event read from a history file, with the line it was on. The event is as the file says: its shape as
 * a line is checked, its content (metadata, hashes, data) is not; that is what the audit is for.
 */
export interface HistoryEntry {
  readonly line: number;
  readonly event: RecordedEvent;
  /** Bytes of the file read up to the end of this line, for progress reports. */
  readonly offset: number;
}

/** What the end of a history file says about the whole file, once it has been read to the end. */
export interface HistoryIntegrity {
  /** Event lines read. */
  readonly events: number;
  /** The digest of the bytes before the trailer, as `sha256:<hex>`. */
  readonly digest: string;
  /** The trailer as written, with the line it was on. */
  readonly trailer: HistoryTrailer & { readonly line: number };
  /** `digest-mismatch` and `event-count-mismatch`, when the trailer disagrees with the file. */
  readonly violations: readonly Violation[];
}

const errorText = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && !error.message.includes(code)
    ? `${code}: ${error.message}`
    : error.message;
};

const contentAfter = (trailerLine: number, line: number): HistoryReadError =>
  new HistoryReadError(
    'garbled',
    `content after the trailer on line ${trailerLine}: the trailer must be the last line`,
    line,
  );

/** Compares what was read with what the trailer says of it. */
const checkTrailer = (
  trailer: HistoryTrailer & { readonly line: number },
  events: number,
  actual: string,
): HistoryIntegrity => {
  const violations: Violation[] = [];
  if (trailer.digest !== actual) {
    violations.push({
      code: 'digest-mismatch',
      message: `the trailer's digest ${trailer.digest} is not the digest of the lines before it (${actual}): the file was changed after export`,
      line: trailer.line,
    });
  }
  if (trailer.events !== events) {
    violations.push({
      code: 'event-count-mismatch',
      message: `the trailer counts ${trailer.events} events, the file holds ${events}`,
      line: trailer.line,
    });
  }
  return { events, digest: actual, trailer, violations };
};

/**
 * Reads a JSON Lines history (see `exportHistory`) a chunk at a time, in constant memory: iterate it with
 * `for await` for the events in file order (or {@link HistoryReader.batches} for them a chunk's worth at a
 * time, which costs less per event), then ask {@link HistoryReader.integrity} whether the trailer's digest
 * and count agree with what was read. A file that cannot be read as a history (missing, not UTF-8,
 * garbled, cut short, no trailer, not a history) throws a {@link HistoryReadError} naming the line, after
 * every event before that line has been handed out.
 */
export class HistoryReader implements AsyncIterable<HistoryEntry> {
  private result: HistoryIntegrity | undefined;
  private started = false;

  /** Creates a reader; nothing is read until it is iterated. */
  constructor(
    private readonly source: HistorySource,
    private readonly options: SplitLinesOptions = {},
  ) {}

  /** The trailer's verdict on the file; available once the events have been iterated to the end. */
  get integrity(): HistoryIntegrity {
    if (this.result === undefined)
      throw new Error('read the history to its end before asking for its integrity');
    return this.result;
  }

  /** Reads the file, one event at a time; a reader can be iterated once, this way or by batches. */
  async *[Symbol.asyncIterator](): AsyncGenerator<HistoryEntry> {
    for await (const batch of this.batches()) for (const entry of batch) yield entry;
  }

  /**
   * Reads the file, the events of a chunk at a time (never an empty batch), in file order: one step of
   * the iteration for a chunk's events instead of one an event. A reader can be iterated once.
   */
  async *batches(): AsyncGenerator<readonly HistoryEntry[]> {
    if (this.started) throw new Error('a HistoryReader can be iterated only once');
    this.started = true;
    // A stream this reader opened is this reader's to close, even when the caller stops early.
    const { source } = this;
    let opened: ReadStream | undefined;
    let bytes: AsyncIterable<Uint8Array | string>;
    if (typeof source === 'string') {
      opened = createReadStream(source);
      bytes = opened;
    } else {
      bytes = source;
    }
    const where = typeof source === 'string' ? source : 'the history';
    const digest = createHash('sha256');
    let events = 0;
    let lastLine = 0;
    let trailer: (HistoryTrailer & { readonly line: number }) | undefined;
    try {
      for await (const batch of splitLineBatches(bytes, this.options)) {
        const { first, lines } = batch;
        if (trailer !== undefined) throw contentAfter(trailer.line, first);
        lastLine = first + lines.length - 1;
        const entries: HistoryEntry[] = [];
        // A line that fails comes after the events before it, as it would one line at a time.
        let refused: { readonly error: unknown } | undefined;
        try {
          for (const { text, end } of lines) {
            const line = first + entries.length;
            const parsed = parseHistoryLine({
              number: line,
              text,
              terminated: line < lastLine || batch.terminated,
            });
            if (parsed.kind === 'trailer') {
              trailer = { ...parsed.trailer, line };
              if (line < lastLine) throw contentAfter(line, line + 1);
              break;
            }
            entries.push({ line, event: parsed.event, offset: end });
          }
        } catch (error) {
          refused = { error };
        }
        if (refused !== undefined) {
          if (entries.length > 0) yield entries;
          throw refused.error;
        }
        // The digest covers the event lines: every line before the trailer, which is the last.
        const eventBytes = (entries.at(-1)?.offset ?? batch.start) - batch.start;
        if (eventBytes > 0) digest.update(batch.bytes.subarray(0, eventBytes));
        events += entries.length;
        if (entries.length > 0) yield entries;
      }
    } catch (error) {
      if (isHistoryReadError(error)) throw error;
      throw new HistoryReadError('unreadable', `cannot read ${where}: ${errorText(error)}`);
    } finally {
      opened?.destroy();
    }
    if (trailer === undefined) {
      if (lastLine === 0) throw new HistoryReadError('empty', `${where} is empty: not a linli history`);
      throw new HistoryReadError(
        'truncated',
        `the history ends here without its trailer line: it was cut short`,
        lastLine,
      );
    }
    this.result = checkTrailer(trailer, events, `sha256:${digest.digest('hex')}`);
  }
}

/** Opens a history file (or byte stream) for reading; see {@link HistoryReader}. */
export const readHistory = (source: HistorySource, options: SplitLinesOptions = {}): HistoryReader =>
  new HistoryReader(source, options);
