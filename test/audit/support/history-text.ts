/**
 * Helpers to hold a history as text and to edit it as a forger would: parse its lines, change them, write
 * them back canonically, with the trailer kept as exported or recomputed to match the forgery.
 */
import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { auditHistoryFile, type AuditOptions } from '../../../src/audit/audit.js';
import type { AuditResult } from '../../../src/audit/auditor.js';
import { canonicalJson } from '../../../src/audit/canonical.js';
import { exportHistory } from '../../../src/audit/export-history.js';
import { eventHash } from '../../../src/audit/hash-chain.js';
import { encodeTrailer } from '../../../src/audit/history-line.js';
import { GENESIS_HASH, type EventMetadata } from '../../../src/domain/shared/events.js';
import type { EventStore, RecordedEvent } from '../../../src/store/event-store.js';

/** One event line as JSON: what the file holds, bigints as decimal strings. */
export interface EventLine {
  position: string;
  streamId: string;
  revision: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
}

/** An exported history held in memory. */
export interface HistoryText {
  readonly text: string;
  readonly events: EventLine[];
  readonly trailer: string;
}

/** Exports a store (or events) to a string through the real exporter. */
export const exportToText = async (source: EventStore | AsyncIterable<RecordedEvent>): Promise<string> => {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      text += chunk.toString();
      callback();
    },
  });
  await exportHistory(source, sink);
  return text;
};

/** Splits an exported text into its event lines (parsed) and its trailer line. */
export const parseText = (text: string): HistoryText => {
  const lines = text.split('\n').filter((line) => line !== '');
  const trailer = lines.pop()!;
  return { text, events: lines.map((line) => JSON.parse(line) as EventLine), trailer };
};

/** Writes event lines back as a file: canonical lines, then the old trailer or a recomputed one. */
export const writeText = (events: readonly EventLine[], trailer: string | 'recompute'): string => {
  const body = events.map((event) => `${canonicalJson(event)}\n`).join('');
  if (trailer !== 'recompute') return `${body}${trailer}\n`;
  const digest = createHash('sha256').update(body, 'utf8').digest('hex');
  return `${body}${encodeTrailer(events.length, digest)}\n`;
};

/** The index of the last element matching `predicate`, or -1 (Array#findLastIndex is ES2023). */
export const lastIndexWhere = <T>(items: readonly T[], predicate: (item: T) => boolean): number => {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i]!)) return i;
  return -1;
};

/** The event a line describes. */
export const toRecorded = (line: EventLine): RecordedEvent => ({
  position: BigInt(line.position),
  streamId: line.streamId,
  revision: BigInt(line.revision),
  type: line.type,
  data: line.data,
  metadata: line.metadata as EventMetadata,
});

/**
 * What a forger who knows the algorithm does after editing: renumber positions in file order and each
 * stream's revisions from 0, and recompute every previousHash and hash. Only the domain rules can then
 * tell that anything is wrong.
 */
export const rechain = (events: readonly EventLine[]): EventLine[] => {
  const heads = new Map<string, { revision: bigint; hash: string }>();
  return events.map((line, index) => {
    const head = heads.get(line.streamId);
    const revision = head === undefined ? 0n : head.revision + 1n;
    const metadata = { ...line.metadata, previousHash: head?.hash ?? GENESIS_HASH };
    const hash = eventHash({
      streamId: line.streamId,
      revision,
      type: line.type,
      data: line.data,
      metadata: metadata as Omit<EventMetadata, 'hash'>,
    });
    heads.set(line.streamId, { revision, hash });
    return { ...line, position: String(index), revision: String(revision), metadata: { ...metadata, hash } };
  });
};

/** Audits a history held as text, through the file reader (so lines and the trailer are checked too). */
export const auditText = (text: string, options: AuditOptions = {}): Promise<AuditResult> =>
  auditHistoryFile(Readable.from([Buffer.from(text, 'utf8')]), options);

/** Audits a history held as text, fed in the given chunk sizes (cycled), to exercise line splitting. */
export const auditChunked = (
  text: string,
  sizes: readonly number[],
  options: AuditOptions = {},
): Promise<AuditResult> => {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length] ?? 1);
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return auditHistoryFile(Readable.from(chunks), options);
};
