import type { EventMetadata } from '../domain/shared/events.js';
import type { RecordedEvent } from '../store/event-store.js';
import { canonicalJson } from './canonical.js';
import { HistoryReadError } from './history-read-error.js';
import type { RawLine } from './line-splitter.js';

/** The version of the JSON Lines history format this library writes and reads. */
export const HISTORY_FORMAT_VERSION = 1;

/**
 * The last line of a history file: what it is, how many events precede it, and the sha256 of every byte
 * before it. A file without it was cut short.
 */
export interface HistoryTrailer {
  readonly linli: 'history';
  readonly version: number;
  readonly events: number;
  /** `sha256:` and the hex digest of all the bytes of the file before the trailer line. */
  readonly digest: string;
}

/** One parsed line of a history file: an event, or the trailer. */
export type HistoryLine =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  | { readonly kind: 'trailer'; readonly trailer: HistoryTrailer };

/**
 * One event as a line: canonical JSON (sorted keys, no whitespace) of its position, stream, revision, type,
 * data and metadata, with the bigints as decimal strings. Canonical, so that the same history always
 * exports to the same bytes, whatever store it came from.
 */
export const encodeEventLine = (event: RecordedEvent): string =>
  canonicalJson({
    position: event.position,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  });

/** The trailer line for a file of `events` events whose preceding bytes hash to `digestHex`. */
export const encodeTrailer = (events: number, digestHex: string): string =>
  canonicalJson({
    linli: 'history',
    version: HISTORY_FORMAT_VERSION,
    events,
    digest: `sha256:${digestHex}`,
  } satisfies HistoryTrailer);

const EVENT_KEYS = new Set(['position', 'streamId', 'revision', 'type', 'data', 'metadata']);
const DECIMAL = /^(0|[1-9][0-9]*)$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why a JSON object is not an event line, or undefined when it is one. */
const eventLineProblem = (value: Record<string, unknown>): string | undefined => {
  for (const key of EVENT_KEYS) if (!Object.hasOwn(value, key)) return `it has no "${key}"`;
  const extra = Object.keys(value).find((key) => !EVENT_KEYS.has(key));
  if (extra !== undefined) return `"${extra}" is not a field of an event line`;
  if (typeof value.position !== 'string' || !DECIMAL.test(value.position)) {
    return '"position" is not a decimal string';
  }
  if (typeof value.revision !== 'string' || !DECIMAL.test(value.revision)) {
    return '"revision" is not a decimal string';
  }
  if (typeof value.streamId !== 'string' || value.streamId === '') return '"streamId" is not a stream name';
  if (typeof value.type !== 'string' || value.type === '') return '"type" is not an event type';
  if (!isRecord(value.metadata)) return '"metadata" is not an object';
  return undefined;
};

const trailerProblem = (value: Record<string, unknown>): string | undefined => {
  if (value.linli !== 'history') return 'its "linli" is not "history"';
  if (typeof value.events !== 'number' || !Number.isSafeInteger(value.events) || value.events < 0) {
    return '"events" is not a count';
  }
  if (typeof value.digest !== 'string' || !DIGEST.test(value.digest)) {
    return '"digest" is not sha256:<64 hex digits>';
  }
  return undefined;
};

/**
 * Parses one line of a history file. Anything that is not an event line or the trailer is a
 * {@link HistoryReadError} naming the line: on the first line it means the file is not a history at all.
 * The event's content is not validated here (that is the audit's job); only its shape as a line is.
 */
export const parseHistoryLine = (line: RawLine): HistoryLine => {
  const first = line.number === 1;
  if (line.text.trim() === '') {
    throw new HistoryReadError(
      first ? 'not-a-history' : 'garbled',
      'empty line: not a history line',
      line.number,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (!line.terminated && !first) {
      throw new HistoryReadError(
        'truncated',
        `the file ends in the middle of this line (${reason}): it was cut short`,
        line.number,
      );
    }
    throw new HistoryReadError(
      first ? 'not-a-history' : 'garbled',
      first ? `not JSON (${reason}): not a linli history` : `not valid JSON (${reason})`,
      line.number,
    );
  }
  if (!isRecord(value)) {
    throw new HistoryReadError(
      first ? 'not-a-history' : 'garbled',
      `not a JSON object: ${first ? 'not a linli history' : 'not a history line'}`,
      line.number,
    );
  }
  if (Object.hasOwn(value, 'linli')) {
    if (typeof value.version === 'number' && value.version !== HISTORY_FORMAT_VERSION) {
      throw new HistoryReadError(
        'unsupported-version',
        `history format version ${value.version}; this linli reads version ${HISTORY_FORMAT_VERSION}`,
        line.number,
      );
    }
    const problem = trailerProblem(value);
    if (problem !== undefined || value.version !== HISTORY_FORMAT_VERSION) {
      throw new HistoryReadError(
        first ? 'not-a-history' : 'garbled',
        `not a valid history trailer: ${problem ?? '"version" is missing'}`,
        line.number,
      );
    }
    return { kind: 'trailer', trailer: value as unknown as HistoryTrailer };
  }
  const problem = eventLineProblem(value);
  if (problem !== undefined) {
    throw new HistoryReadError(
      first ? 'not-a-history' : 'garbled',
      `not an event line: ${problem}${first ? '; not a linli history' : ''}`,
      line.number,
    );
  }
  return {
    kind: 'event',
    event: {
      position: BigInt(value.position as string),
      streamId: value.streamId as string,
      revision: BigInt(value.revision as string),
      type: value.type as string,
      data: value.data,
      metadata: value.metadata as EventMetadata,
    },
  };
};
