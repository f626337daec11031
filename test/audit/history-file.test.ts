import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportHistory } from '../../src/audit/export-history.js';
import { HistoryReadError } from '../../src/audit/history-read-error.js';
import { HistoryImportError, importHistory } from '../../src/audit/import-history.js';
import { readHistory, type HistoryEntry } from '../../src/audit/read-history.js';
import { InMemoryEventStore } from '../../src/store/memory.js';
import type { RecordedEvent } from '../../src/store/event-store.js';
import { buildCounterHistory } from './support/counter-history.js';
import { auditChunked, exportToText, parseText, writeText } from './support/history-text.js';
import { counterRules } from './support/counter-history.js';

let dir: string;
let store: InMemoryEventStore;
let text: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linli-history-'));
  store = await buildCounterHistory(['a', '邻里-b', 'c'], 40);
  text = await exportToText(store);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

const readText = async (content: string | Buffer): Promise<HistoryEntry[]> =>
  collect(readHistory(Readable.from([typeof content === 'string' ? Buffer.from(content) : content])));

const readError = async (content: string | Buffer): Promise<HistoryReadError> => {
  const error = await readText(content).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(HistoryReadError);
  return error as HistoryReadError;
};

describe('exportHistory and readHistory', () => {
  it('writes one canonical line per event in global order, then a trailer with count and digest', async () => {
    const lines = text.trimEnd().split('\n');
    const events = await collect(store.readAll());
    expect(lines).toHaveLength(events.length + 1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ position: '0', revision: '0', streamId: 'counter-a' });
    const trailer = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
    expect(trailer).toMatchObject({ linli: 'history', version: 1, events: events.length });
    expect(trailer.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('exports the same bytes every time, to a path or to a stream', async () => {
    const path = join(dir, 'same.jsonl');
    const result = await exportHistory(store, path);
    expect(await readFile(path, 'utf8')).toBe(text);
    expect(await exportToText(store.readAll())).toBe(text);
    expect(result.digest).toBe(JSON.parse(text.trimEnd().split('\n').at(-1)!).digest);
  });

  it('reads back exactly the events the store holds, with their line numbers', async () => {
    const entries = await readText(text);
    const events = await collect(store.readAll());
    expect(entries.map((entry) => entry.event)).toEqual(events);
    expect(entries.map((entry) => entry.line)).toEqual(events.map((_, i) => i + 1));
  });

  it('finds the trailer in agreement with an untouched file', async () => {
    const reader = readHistory(Readable.from([text]));
    await collect(reader);
    expect(reader.integrity.violations).toEqual([]);
    expect(reader.integrity.events).toBe(parseText(text).events.length);
  });

  it('reads the same history however the bytes are chunked, multi-byte characters included', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 8 }),
        async (sizes) => {
          const result = await auditChunked(text, sizes, { rules: counterRules });
          expect(result.violations).toEqual([]);
          expect(result.summary.events).toBe(parseText(text).events.length);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('exports an empty store as a lone trailer, which reads as an empty history', async () => {
    const empty = await exportToText(new InMemoryEventStore());
    expect(empty.split('\n')).toHaveLength(2);
    expect(await readText(empty)).toEqual([]);
  });
});

describe('readHistory refuses what is not a readable history, naming the line', () => {
  it('a missing file', async () => {
    const error = await collect(readHistory(join(dir, 'nope.jsonl'))).catch((e: unknown) => e);
    expect(error).toMatchObject({ failure: 'unreadable' });
    expect((error as Error).message).toContain('nope.jsonl');
  });

  it('an empty file', async () => {
    expect(await readError('')).toMatchObject({ failure: 'empty' });
  });

  it('a file that is not JSON Lines at all', async () => {
    const error = await readError('hello, auditor\n');
    expect(error).toMatchObject({ failure: 'not-a-history', line: 1 });
    expect(error.message).toMatch(/^line 1: .*not a linli history/);
  });

  it('a JSON file that is not a history', async () => {
    const error = await readError('{"name":"linli","version":"0.1.0"}\n');
    expect(error).toMatchObject({ failure: 'not-a-history', line: 1 });
  });

  it('a file cut in the middle of a line', async () => {
    const cut = text.slice(0, text.indexOf('\n', 2_000) - 20);
    const line = cut.split('\n').length;
    const error = await readError(cut);
    expect(error).toMatchObject({ failure: 'truncated', line });
    expect(error.message).toContain(`line ${line}:`);
  });

  it('a file cut at a line break: no trailer', async () => {
    const lines = text.split('\n');
    const cut = `${lines.slice(0, 10).join('\n')}\n`;
    const error = await readError(cut);
    expect(error).toMatchObject({ failure: 'truncated', line: 10 });
    expect(error.message).toContain('without its trailer');
  });

  it('a garbled line in the middle', async () => {
    const lines = text.split('\n');
    lines[6] = lines[6]!.slice(0, 40) + '#' + lines[6]!.slice(41);
    const error = await readError(lines.join('\n'));
    expect(error).toMatchObject({ failure: 'garbled', line: 7 });
  });

  it('a line that is JSON but not an event line', async () => {
    const lines = text.split('\n');
    lines[3] = '{"position":"3","streamId":"counter-a"}';
    const error = await readError(lines.join('\n'));
    expect(error).toMatchObject({ failure: 'garbled', line: 4 });
    expect(error.message).toContain('has no "revision"');
  });

  it('an empty line', async () => {
    const lines = text.split('\n');
    lines.splice(5, 0, '');
    expect(await readError(lines.join('\n'))).toMatchObject({ failure: 'garbled', line: 6 });
  });

  it('bytes that are not UTF-8', async () => {
    const bytes = Buffer.from(text);
    const at = bytes.indexOf('\n') + 30;
    bytes[at] = 0xff;
    expect(await readError(bytes)).toMatchObject({ failure: 'garbled', line: 2 });
  });

  it('content after the trailer', async () => {
    const error = await readError(`${text}${text.split('\n')[0]!}\n`);
    const line = text.split('\n').length;
    expect(error).toMatchObject({ failure: 'garbled', line });
    expect(error.message).toContain('after the trailer');
  });

  it('a history written by a newer version of the format', async () => {
    const lines = text.trimEnd().split('\n');
    lines[lines.length - 1] = lines.at(-1)!.replace('"version":1', '"version":2');
    expect(await readError(`${lines.join('\n')}\n`)).toMatchObject({
      failure: 'unsupported-version',
      line: lines.length,
    });
  });
});

describe('importHistory', () => {
  it('restores a history into an empty store, which exports the same bytes', async () => {
    const path = join(dir, 'restore.jsonl');
    await writeFile(path, text);
    const target = new InMemoryEventStore();
    const result = await importHistory(path, target, { batchSize: 3 });
    expect(result).toEqual({ events: parseText(text).events.length, streams: 3 });
    expect(await exportToText(target)).toBe(text);
  });

  it('refuses to mix a history into a store that already holds its streams', async () => {
    const target = new InMemoryEventStore();
    await importHistory(Readable.from([text]), target);
    await expect(importHistory(Readable.from([text]), target)).rejects.toMatchObject({
      code: 'concurrency-conflict',
    });
  });

  it('stops at a broken link, before appending it', async () => {
    const { events, trailer } = parseText(text);
    (events[8]!.data as { by: number }).by += 1;
    const target = new InMemoryEventStore();
    const error = await importHistory(Readable.from([writeText(events, trailer)]), target).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HistoryImportError);
    expect(error).toMatchObject({ imported: 8, violation: { code: 'hash-mismatch', line: 9 } });
    const imported: RecordedEvent[] = await collect(target.readAll());
    expect(imported).toHaveLength(8);
  });

  it('reports a digest that does not match, found at the end', async () => {
    const { events, trailer } = parseText(text);
    events.pop();
    const error = await importHistory(
      Readable.from([writeText(events, trailer)]),
      new InMemoryEventStore(),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ violation: { code: 'digest-mismatch' } });
  });
});

describe('readHistory keeps its memory bounded', () => {
  it('refuses a line longer than the limit instead of buffering it', async () => {
    const reader = readHistory(Readable.from([Buffer.from(text.slice(0, 5_000))]), { maxLineBytes: 100 });
    const error = await collect(reader).catch((e: unknown) => e);
    expect(error).toMatchObject({ failure: 'garbled', line: 1 });
    expect((error as Error).message).toContain('longer than 100 bytes');
  });
});
