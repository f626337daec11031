import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { HistoryReadError } from '../../src/audit/history-read-error.js';
import { parseHistoryLine, type HistoryLine } from '../../src/audit/history-line.js';
import { readHistory, type HistoryEntry, type HistoryReader } from '../../src/audit/read-history.js';
import type { SplitLinesOptions } from '../../src/audit/line-splitter.js';
import { buildCounterHistory } from './support/counter-history.js';
import { exportToText, parseText, toRecorded, writeText, type EventLine } from './support/history-text.js';

let text: string;
let lines: string[];

beforeAll(async () => {
  // A multi-byte counter id, so that chunks can end inside a character.
  text = await exportToText(await buildCounterHistory(['a', '邻里-b', 'c'], 40));
  lines = text.trimEnd().split('\n');
});

/** A byte source handing over the given chunks, which records whether the reader closed it. */
const chunkedSource = (
  chunks: readonly Buffer[],
): AsyncIterable<Buffer> & { closed: boolean; handedOut: number } => {
  const source = {
    closed: false,
    handedOut: 0,
    async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
      try {
        for (const chunk of chunks) {
          source.handedOut += 1;
          yield chunk;
        }
      } finally {
        source.closed = true;
      }
    },
  };
  return source;
};

/** The bytes cut at the given offsets (sorted, duplicates and ends dropped). */
const cutAt = (bytes: Buffer, cuts: readonly number[]): Buffer[] => {
  const points = [...new Set(cuts)].filter((at) => at > 0 && at < bytes.length).sort((a, b) => a - b);
  return [0, ...points].map((from, i) => bytes.subarray(from, points[i] ?? bytes.length));
};

const fromChunks = (chunks: readonly Buffer[], options?: SplitLinesOptions): HistoryReader =>
  readHistory(chunkedSource(chunks), options);

/** Reads a history by batches to the end or to its error, keeping every batch handed out before. */
const readBatches = async (
  reader: HistoryReader,
): Promise<{ batches: (readonly HistoryEntry[])[]; error: unknown }> => {
  const batches: (readonly HistoryEntry[])[] = [];
  try {
    for await (const batch of reader.batches()) batches.push(batch);
    return { batches, error: undefined };
  } catch (error) {
    return { batches, error };
  }
};

/** Reads a history one event at a time to the end or to its error, keeping every entry handed out before. */
const readEach = async (reader: HistoryReader): Promise<{ entries: HistoryEntry[]; error: unknown }> => {
  const entries: HistoryEntry[] = [];
  try {
    for await (const entry of reader) entries.push(entry);
    return { entries, error: undefined };
  } catch (error) {
    return { entries, error };
  }
};

/** What each event line of `content` should read as: its number, its event, the bytes up to its end. */
const expectedEntries = (content: string, count: number): HistoryEntry[] => {
  let offset = 0;
  return content
    .split('\n')
    .slice(0, count)
    .map((line, i) => {
      offset += Buffer.byteLength(line) + 1;
      return { line: i + 1, event: toRecorded(JSON.parse(line) as EventLine), offset };
    });
};

const sha256Before = (bytes: Buffer, line: number): string => {
  let end = 0;
  for (let i = 1; i < line; i += 1) end = bytes.indexOf(0x0a, end) + 1;
  return `sha256:${createHash('sha256').update(bytes.subarray(0, end)).digest('hex')}`;
};

describe('HistoryReader.batches', () => {
  it('hands out every event with its line and offset, in non-empty batches, however the bytes are cut', async () => {
    const bytes = Buffer.from(text);
    const events = lines.length - 1;
    const expected = expectedEntries(text, events);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: bytes.length }), { maxLength: 40 }), async (cuts) => {
        const reader = fromChunks(cutAt(bytes, cuts));
        const { batches, error } = await readBatches(reader);
        expect(error).toBeUndefined();
        expect(batches.every((batch) => batch.length > 0)).toBe(true);
        expect(batches.flat()).toEqual(expected);
        expect(reader.integrity).toMatchObject({
          events,
          violations: [],
          digest: sha256Before(bytes, lines.length),
          trailer: { line: lines.length },
        });
      }),
      { numRuns: 60 },
    );
  });

  it('hands out the same entries as reading one event at a time', async () => {
    const chunks = cutAt(Buffer.from(text), [100, 101, 2_000, 2_001, 7_777]);
    const { batches } = await readBatches(fromChunks(chunks));
    const { entries, error } = await readEach(fromChunks(chunks));
    expect(error).toBeUndefined();
    expect(entries).toEqual(batches.flat());
  });

  it('reads a line cut across several chunks, inside a multi-byte character too', async () => {
    const bytes = Buffer.from(text);
    const wide = bytes.indexOf(Buffer.from('邻'));
    const lineStart = bytes.lastIndexOf(0x0a, wide) + 1;
    const chunks = cutAt(bytes, [lineStart + 3, wide + 1, wide + 2, wide + 4]);
    const { batches, error } = await readBatches(fromChunks(chunks));
    expect(error).toBeUndefined();
    const lineOfWide = text.slice(0, text.indexOf('邻')).split('\n').length;
    const entry = batches.flat()[lineOfWide - 1];
    expect(entry?.event.streamId).toBe('counter-邻里-b');
    expect(entry).toEqual(expectedEntries(text, lineOfWide)[lineOfWide - 1]);
  });

  it('splits a source that hands over everything at once into bounded batches', async () => {
    const { events } = parseText(text);
    const long = writeText(Array.from({ length: 30 }, () => events).flat(), 'recompute');
    expect(Buffer.byteLength(long)).toBeGreaterThan(512 * 1024);
    const reader = fromChunks([Buffer.from(long)]);
    const { batches, error } = await readBatches(reader);
    expect(error).toBeUndefined();
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flat()).toHaveLength(events.length * 30);
    expect(reader.integrity.violations).toEqual([]);
  });

  it('can be iterated once, by batches or by events', async () => {
    const reader = fromChunks([Buffer.from(text)]);
    await readBatches(reader);
    await expect(readEach(reader)).resolves.toMatchObject({
      entries: [],
      error: new Error('a HistoryReader can be iterated only once'),
    });
  });
});

describe('a refused line comes after every event before it, from the same chunk too', () => {
  /** The history with some lines (by 1-based number) replaced, as bytes. */
  const withLines = (replacements: Readonly<Record<number, Buffer>>): Buffer =>
    Buffer.concat(lines.flatMap((line, i) => [replacements[i + 1] ?? Buffer.from(line), Buffer.from('\n')]));
  const notUtf8 = (at: number): Buffer => {
    const bytes = Buffer.from(lines[at - 1]!);
    bytes[20] = 0xff;
    return bytes;
  };
  const notJson = (at: number): Buffer => Buffer.from(lines[at - 1]!.replace('{', '#'));

  it('bytes that are not UTF-8', async () => {
    const bytes = withLines({ 5: notUtf8(5) });
    const each = await readEach(fromChunks([bytes]));
    expect(each.entries).toEqual(expectedEntries(text, 4));
    expect(each.error).toMatchObject({
      failure: 'garbled',
      line: 5,
      message: 'line 5: not valid UTF-8 text',
    });
    const batched = await readBatches(fromChunks([bytes]));
    expect(batched.batches.flat()).toEqual(expectedEntries(text, 4));
    expect(batched.error).toEqual(each.error);
  });

  it('a line longer than the limit', async () => {
    const longest = Math.max(...lines.slice(0, 4).map((line) => Buffer.byteLength(line)));
    const bytes = withLines({ 5: Buffer.from(`{"data":"${'x'.repeat(longest)}"}`) });
    const { entries, error } = await readEach(fromChunks([bytes], { maxLineBytes: longest }));
    expect(entries).toEqual(expectedEntries(text, 4));
    expect(error).toBeInstanceOf(HistoryReadError);
    expect(error).toMatchObject({ failure: 'garbled', line: 5 });
    expect((error as Error).message).toContain(`longer than ${longest} bytes`);
  });

  it('the first of two bad lines is the one refused, whichever way each is bad', async () => {
    expect(await readEach(fromChunks([withLines({ 3: notUtf8(3), 6: notJson(6) })]))).toMatchObject({
      entries: { length: 2 },
      error: { failure: 'garbled', line: 3, message: 'line 3: not valid UTF-8 text' },
    });
    const jsonFirst = withLines({ 3: notJson(3), 6: notUtf8(6) });
    const { entries, error } = await readEach(fromChunks([jsonFirst]));
    expect(entries).toHaveLength(2);
    expect(error).toMatchObject({ failure: 'garbled', line: 3 });
    expect((error as Error).message).toMatch(/^line 3: not valid JSON/);
  });
});

describe('the trailer inside a chunk', () => {
  it('is left out of the digest, which covers every event line before it', async () => {
    const reader = fromChunks([Buffer.from(text)]);
    const { batches } = await readBatches(reader);
    expect(batches.flat()).toHaveLength(lines.length - 1);
    expect(reader.integrity.digest).toBe(JSON.parse(lines.at(-1)!).digest);
    expect(reader.integrity.violations).toEqual([]);
  });

  it('with an event line after it in the same chunk: the events before it, then the refusal', async () => {
    const bytes = Buffer.from(`${text}${lines[0]!}\n`);
    const { batches, error } = await readBatches(fromChunks([bytes]));
    expect(batches.flat()).toHaveLength(lines.length - 1);
    expect(error).toMatchObject({ failure: 'garbled', line: lines.length + 1 });
    expect((error as Error).message).toContain(`after the trailer on line ${lines.length}`);
  });

  it('a byte order mark before the first line is read past, and counts in the digest', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const reader = fromChunks([bytes]);
    const { batches, error } = await readBatches(reader);
    expect(error).toBeUndefined();
    expect(batches.flat().map((entry) => entry.event)).toEqual(
      expectedEntries(text, lines.length - 1).map((entry) => entry.event),
    );
    expect(reader.integrity.digest).toBe(sha256Before(bytes, lines.length));
    expect(reader.integrity.violations.map((violation) => violation.code)).toEqual(['digest-mismatch']);
  });
});

describe('stopping early', () => {
  const chunks = (): Buffer[] => cutAt(Buffer.from(text), [3_000, 6_000, 9_000]);

  it('by batches closes the source', async () => {
    const source = chunkedSource(chunks());
    for await (const batch of readHistory(source).batches()) if (batch.length > 0) break;
    expect(source.closed).toBe(true);
    expect(source.handedOut).toBe(1);
  });

  it('one event at a time closes the source', async () => {
    const source = chunkedSource(chunks());
    for await (const entry of readHistory(source)) if (entry.line === 1) break;
    expect(source.closed).toBe(true);
    expect(source.handedOut).toBe(1);
  });
});

describe('parseHistoryLine', () => {
  const event = (fields: Record<string, unknown>): Record<string, unknown> => ({
    data: { by: 1 },
    metadata: { eventId: 'e' },
    position: '7',
    revision: '3',
    streamId: 'counter-a',
    type: 'CounterIncremented',
    ...fields,
  });
  const parse = (value: unknown, number = 2): HistoryLine =>
    parseHistoryLine({ number, text: JSON.stringify(value), terminated: true });
  const refusal = (value: unknown): string => {
    try {
      parse(value);
    } catch (error) {
      expect(error).toMatchObject({ failure: 'garbled', line: 2 });
      return (error as Error).message;
    }
    throw new Error('accepted');
  };

  it('reads an event line whatever the order of its keys', () => {
    const canonical = parse(event({}));
    const reversed = parse(Object.fromEntries(Object.entries(event({})).reverse()));
    expect(reversed).toEqual(canonical);
    expect(canonical).toEqual({
      kind: 'event',
      event: {
        position: 7n,
        revision: 3n,
        streamId: 'counter-a',
        type: 'CounterIncremented',
        data: { by: 1 },
        metadata: { eventId: 'e' },
      },
    });
  });

  it('refuses an extra or missing key, in any order', () => {
    expect(refusal(event({ extra: 1 }))).toBe(
      'line 2: not an event line: "extra" is not a field of an event line',
    );
    const { type: _type, ...withoutType } = event({});
    expect(refusal({ zzz: 0, ...withoutType })).toBe('line 2: not an event line: it has no "type"');
    expect(refusal({ ...withoutType, zzz: 0 })).toBe('line 2: not an event line: it has no "type"');
  });

  it('reads positions and revisions exactly, past the integers a number holds', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), (n) => {
        const parsed = parse(event({ position: String(n), revision: String(n) }));
        expect(parsed).toMatchObject({ kind: 'event', event: { position: n, revision: n } });
      }),
    );
    expect(parse(event({ position: '9007199254740993' }))).toMatchObject({
      event: { position: 9_007_199_254_740_993n },
    });
  });

  it('refuses a position or revision that is not a decimal as the exporter writes it', () => {
    for (const bad of ['', '01', '00', '-1', '1.5', '1e3', ' 1', '1 ', '٣', '0x1', '+1']) {
      expect(refusal(event({ position: bad }))).toBe(
        'line 2: not an event line: "position" is not a decimal string',
      );
      expect(refusal(event({ revision: bad }))).toBe(
        'line 2: not an event line: "revision" is not a decimal string',
      );
    }
    expect(refusal(event({ position: 1 }))).toContain('"position" is not a decimal string');
  });
});
