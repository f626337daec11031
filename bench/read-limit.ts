import { createReadStream } from 'node:fs';

const NEWLINE = 0x0a;

/**
 * The limit any reader of a JSON Lines history is held to: read the file and `JSON.parse` each line, nothing
 * else. Splits on bytes (as fast as a line loop in Node gets); returns the number of lines parsed.
 */
export const readAndParseLines = async (file: string): Promise<number> => {
  let lines = 0;
  let carry: Buffer | undefined;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    let buffer = carry === undefined ? chunk : Buffer.concat([carry, chunk]);
    let start = 0;
    let newline = buffer.indexOf(NEWLINE, start);
    while (newline !== -1) {
      JSON.parse(buffer.toString('utf8', start, newline));
      lines += 1;
      start = newline + 1;
      newline = buffer.indexOf(NEWLINE, start);
    }
    carry = start < buffer.length ? buffer.subarray(start) : undefined;
    buffer = Buffer.alloc(0);
  }
  if (carry !== undefined && carry.length > 0) {
    JSON.parse(carry.toString('utf8'));
    lines += 1;
  }
  return lines;
};
