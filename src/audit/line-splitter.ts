import { isUtf8 } from 'node:buffer';
import { HistoryReadError } from './history-read-error.js';

/** One line of a {@link LineBatch}. */
export interface SplitLine {
  /** The line decoded as UTF-8, without its terminator. */
  readonly text: string;
  /** Bytes of the file read up to the end of this line, its terminator included. */
  readonly end: number;
}

/**
 * Consecutive lines of a file, split from one chunk of it, with their bytes back to back (so that a digest
 * can take many lines in one update).
 */
export interface LineBatch {
  /** 1-based number of the first line. */
  readonly first: number;
  /** The lines, never none. */
  readonly lines: readonly SplitLine[];
  /** Where the first line starts in the file, in bytes. */
  readonly start: number;
  /** The lines' bytes, terminators included: the file's bytes from `start` to the last line's end. */
  readonly bytes: Buffer;
  /** False when the last line is the end of a file that ends without `\n`. */
  readonly terminated: boolean;
}

/** Options of {@link splitLineBatches}. */
export interface SplitLinesOptions {
  /** A line longer than this many bytes is refused, so that memory stays bounded. Default 64 MiB. */
  readonly maxLineBytes?: number;
}

const NEWLINE = 0x0a;
const BYTE_ORDER_MARK = 0xfeff;
const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;
/**
 * A batch stops at the first line break after this many bytes: a file read in 64 KiB chunks gives one batch
 * a chunk, and a source that hands over its whole content at once is still split into bounded batches.
 */
const BATCH_BYTES = 256 * 1024;

const toBuffer = (chunk: Uint8Array | string): Buffer => {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
};

// A fatal TextDecoder drops one leading byte order mark from each text it decodes; decoding a line with
// `toString` keeps it, so it is dropped here to read lines exactly as they were read one by one.
const decode = (buffer: Buffer, start: number, end: number): string => {
  const text = buffer.toString('utf8', start, end);
  return text.charCodeAt(0) === BYTE_ORDER_MARK ? text.slice(1) : text;
};

/**
 * Splits a byte stream into lines, a batch of lines per chunk, without holding more than a chunk and one
 * line in memory. Works on bytes rather than through `readline` so that the lines' exact bytes reach the
 * digest, and so that invalid UTF-8 is refused with its line number instead of being silently replaced.
 * UTF-8 is validated once per batch; only a batch that fails is searched line by line for the culprit.
 * A line that is refused (too long, not UTF-8) ends the stream with a {@link HistoryReadError}, after a
 * batch of the lines before it, so that lines reach the caller in the same order as the errors.
 */
export async function* splitLineBatches(
  source: AsyncIterable<Uint8Array | string>,
  options: SplitLinesOptions = {},
): AsyncGenerator<LineBatch> {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  /** The start of a line that no chunk so far has ended, in pieces. */
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  /** Lines handed out so far. */
  let number = 0;
  /** Bytes handed out so far: where the next line starts in the file. */
  let offset = 0;

  const tooLong = (line: number): HistoryReadError =>
    new HistoryReadError('garbled', `longer than ${maxLineBytes} bytes: not a line of a history`, line);
  const notUtf8 = (line: number): HistoryReadError =>
    new HistoryReadError('garbled', 'not valid UTF-8 text', line);

  /**
   * Splits `buffer` from `start` to `end` (just after a line break, or the end of the file) into lines;
   * returns the batch and, when a line was refused, the error that must follow it.
   */
  const split = (
    buffer: Buffer,
    start: number,
    end: number,
    terminated: boolean,
  ): { readonly batch: LineBatch | undefined; readonly refused: HistoryReadError | undefined } => {
    // A line break is a byte that no multi-byte character contains, so valid lines make a valid region.
    const valid = isUtf8(buffer.subarray(start, end));
    const first = number + 1;
    const base = offset - start;
    const lines: SplitLine[] = [];
    let refused: HistoryReadError | undefined;
    for (let at = start; at < end;) {
      const newline = buffer.indexOf(NEWLINE, at);
      const bodyEnd = newline === -1 || newline >= end ? end : newline;
      const lineEnd = bodyEnd === end ? end : bodyEnd + 1;
      if (bodyEnd - at > maxLineBytes) refused = tooLong(number + 1);
      else if (!valid && !isUtf8(buffer.subarray(at, bodyEnd))) refused = notUtf8(number + 1);
      if (refused !== undefined) break;
      lines.push({ text: decode(buffer, at, bodyEnd), end: base + lineEnd });
      number += 1;
      at = lineEnd;
    }
    const last = lines.at(-1)?.end;
    if (last === undefined) return { batch: undefined, refused };
    const batch: LineBatch = {
      first,
      lines,
      start: offset,
      bytes: buffer.subarray(start, last - base),
      terminated: refused !== undefined || terminated,
    };
    offset = last;
    return { batch, refused };
  };

  for await (const chunk of source) {
    const incoming = toBuffer(chunk);
    const lastNewline = incoming.lastIndexOf(NEWLINE);
    if (lastNewline === -1) {
      if (incoming.length > 0) pending.push(incoming);
      pendingBytes += incoming.length;
    } else {
      // One copy of the chunk behind the line it completes, so that a batch's bytes are one buffer.
      const buffer = pending.length === 0 ? incoming : Buffer.concat([...pending, incoming]);
      const complete = pendingBytes + lastNewline + 1;
      for (let start = 0; start < complete;) {
        const end =
          complete - start <= BATCH_BYTES ? complete : buffer.indexOf(NEWLINE, start + BATCH_BYTES - 1) + 1;
        const { batch, refused } = split(buffer, start, end, true);
        if (batch !== undefined) yield batch;
        if (refused !== undefined) throw refused;
        start = end;
      }
      const rest = incoming.subarray(lastNewline + 1);
      pending = rest.length === 0 ? [] : [rest];
      pendingBytes = rest.length;
    }
    // Refuse before buffering more: a file without line breaks must not fill the memory.
    if (pendingBytes > maxLineBytes) throw tooLong(number + 1);
  }
  if (pendingBytes > 0) {
    const buffer = Buffer.concat(pending);
    const { batch, refused } = split(buffer, 0, buffer.length, false);
    if (batch !== undefined) yield batch;
    if (refused !== undefined) throw refused;
  }
}
