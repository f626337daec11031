import { HistoryReadError } from './history-read-error.js';

/** One line of a file, as bytes (the digest covers them exactly) and as text. */
export interface RawLine {
  /** 1-based line number. */
  readonly number: number;
  /** The line's bytes including its `\n` terminator, if it had one. */
  readonly bytes: Buffer;
  /** The line decoded as UTF-8, without its terminator. */
  readonly text: string;
  /** False for a last line that the file ends without `\n`. */
  readonly terminated: boolean;
  /** Bytes of the file read up to the end of this line. */
  readonly offset: number;
}

/** Options of {@link splitLines}. */
export interface SplitLinesOptions {
  /** A line longer than this many bytes is refused, so that memory stays bounded. Default 64 MiB. */
  readonly maxLineBytes?: number;
}

const NEWLINE = 0x0a;

const toBuffer = (chunk: Uint8Array | string): Buffer => {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
};
const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

/**
 * Splits a byte stream into lines without holding more than one line in memory. Works on bytes rather than
 * through `readline` so that each line's exact bytes reach the digest, and so that invalid UTF-8 is refused
 * with its line number instead of being silently replaced.
 */
export async function* splitLines(
  source: AsyncIterable<Uint8Array | string>,
  options: SplitLinesOptions = {},
): AsyncGenerator<RawLine> {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let number = 0;
  let offset = 0;

  const tooLong = (line: number): HistoryReadError =>
    new HistoryReadError('garbled', `longer than ${maxLineBytes} bytes: not a line of a history`, line);

  const line = (bytes: Buffer, terminated: boolean): RawLine => {
    number += 1;
    offset += bytes.length;
    if (bytes.length - (terminated ? 1 : 0) > maxLineBytes) throw tooLong(number);
    const body = terminated ? bytes.subarray(0, bytes.length - 1) : bytes;
    let text: string;
    try {
      text = decoder.decode(body);
    } catch {
      throw new HistoryReadError('garbled', 'not valid UTF-8 text', number);
    }
    return { number, bytes, text, terminated, offset };
  };

  for await (const chunk of source) {
    let buffer = toBuffer(chunk);
    let newline = buffer.indexOf(NEWLINE);
    while (newline !== -1) {
      const head = buffer.subarray(0, newline + 1);
      const bytes = pending.length === 0 ? head : Buffer.concat([...pending, head]);
      pending = [];
      pendingBytes = 0;
      yield line(bytes, true);
      buffer = buffer.subarray(newline + 1);
      newline = buffer.indexOf(NEWLINE);
    }
    if (buffer.length > 0) {
      pending.push(buffer);
      pendingBytes += buffer.length;
      // Refuse before buffering more: a file without line breaks must not fill the memory.
      if (pendingBytes > maxLineBytes) throw tooLong(number + 1);
    }
  }
  if (pendingBytes > 0) yield line(Buffer.concat(pending), false);
}
