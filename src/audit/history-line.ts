import type { EventMetadata } from '../domain/shared/events.js';
import type { RecordedEvent } from '../store/event-store.js';
import { isPlainRecord } from '../domain/shared/plain-record.js';
import { canonicalJson } from './canonical.js';
import { HistoryReadError } from './history-read-error.js';

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
 * One event as a line: canonical JSON (RFC 8785: sorted keys, no whitespace) of its position, stream,
 * revision, type, data and metadata, with the bigints as decimal strings. Canonical, so that the same
 * history always exports to the same bytes, whatever store it came from.
 */
export const encodeEventLine = (event: RecordedEvent): string =>
  canonicalJson({
    position: event.position.toString(),
    streamId: event.streamId,
    revision: event.revision.toString(),
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

/** One line of a history file as text, with where it is in the file. */
export interface HistoryLineText {
  /** 1-based line number. */
  readonly number: number;
  /** The line decoded as UTF-8, without its terminator. */
  readonly text: string;
  /** False for a last line that the file ends without `\n`. */
  readonly terminated: boolean;
}

const EVENT_KEYS = ['position', 'streamId', 'revision', 'type', 'data', 'metadata'] as const;
const EVENT_KEY_SET: ReadonlySet<string> = new Set(EVENT_KEYS);
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const ZERO = 0x30;
const NINE = 0x39;
const OPEN_BRACE = 0x7b;

/** `0`, or digits without a leading zero: a bigint as the exporter writes it. */
const isDecimal = (text: string): boolean => {
  const { length } = text;
  if (length === 0) return false;
  const first = text.charCodeAt(0);
  if (first === ZERO) return length === 1;
  for (let i = 0; i < length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < ZERO || code > NINE) return false;
  }
  return true;
};

/** Up to 15 digits a number is exact (they stay below 2^53), and BigInt converts a number faster than a string. */
const EXACT_DIGITS = 15;

/** The bigint a decimal string (see {@link isDecimal}) stands for. */
const decimalToBigInt = (text: string): bigint =>
  text.length <= EXACT_DIGITS ? BigInt(Number(text)) : BigInt(text);

/**
 * True when the object's own keys are the event line's, in the order canonical JSON sorts them: what
 * every exported line holds, so the usual line is checked with one comparison a key.
 */
const hasCanonicalEventKeys = (value: object): boolean => {
  const keys = Object.keys(value);
  return (
    keys.length === 6 &&
    keys[0] === 'data' &&
    keys[1] === 'metadata' &&
    keys[2] === 'position' &&
    keys[3] === 'revision' &&
    keys[4] === 'streamId' &&
    keys[5] === 'type'
  );
};

/** Why a JSON object's keys are not an event line's, or undefined when they are. */
const eventKeysProblem = (value: Record<string, unknown>): string | undefined => {
  if (hasCanonicalEventKeys(value)) return undefined;
  for (const key of EVENT_KEYS) if (!Object.hasOwn(value, key)) return `it has no "${key}"`;
  const extra = Object.keys(value).find((key) => !EVENT_KEY_SET.has(key));
  return extra === undefined ? undefined : `"${extra}" is not a field of an event line`;
};

/** Why a JSON object is not an event line, or undefined when it is one. */
const eventLineProblem = (value: Record<string, unknown>): string | undefined => {
  const keysProblem = eventKeysProblem(value);
  if (keysProblem !== undefined) return keysProblem;
  if (typeof value.position !== 'string' || !isDecimal(value.position)) {
    return '"position" is not a decimal string';
  }
  if (typeof value.revision !== 'string' || !isDecimal(value.revision)) {
    return '"revision" is not a decimal string';
  }
  if (typeof value.streamId !== 'string' || value.streamId === '') return '"streamId" is not a stream name';
  if (typeof value.type !== 'string' || value.type === '') return '"type" is not an event type';
  if (!isPlainRecord(value.metadata)) return '"metadata" is not an object';
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
export const parseHistoryLine = (line: HistoryLineText): HistoryLine => {
  const first = line.number === 1;
  // Only a line that does not open an object can be blank.
  if (line.text.charCodeAt(0) !== OPEN_BRACE && line.text.trim() === '') {
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
  if (!isPlainRecord(value)) {
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
      position: decimalToBigInt(value.position as string),
      streamId: value.streamId as string,
      revision: decimalToBigInt(value.revision as string),
      type: value.type as string,
      data: value.data,
      metadata: value.metadata as EventMetadata,
    },
  };
};
