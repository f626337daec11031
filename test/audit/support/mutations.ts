/**
 * Single mutations of an exported history, as a property test draws them: change one field, delete an
 * event, swap two, duplicate one, insert a forged one (its hash recomputed so that only its place betrays
 * it), or extend a stream with a well-forged event at its end.
 */
import fc from 'fast-check';
import { eventHash } from '../../../src/audit/hash-chain.js';
import type { EventMetadata } from '../../../src/domain/shared/events.js';
import { lastIndexWhere, type EventLine } from './history-text.js';

/** One mutation; indices are taken modulo the history's length when applied. */
export type Mutation =
  | { readonly kind: 'change'; readonly index: number; readonly field: number }
  | { readonly kind: 'delete'; readonly index: number }
  | { readonly kind: 'swap'; readonly a: number; readonly b: number }
  | { readonly kind: 'duplicate'; readonly index: number; readonly at: number }
  | { readonly kind: 'forge'; readonly index: number; readonly at: number; readonly field: number }
  | { readonly kind: 'forge-tail'; readonly index: number; readonly field: number };

/** Arbitrary single mutations. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('change' as const), index: fc.nat(), field: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), index: fc.nat(), at: fc.nat() }),
  fc.record({ kind: fc.constant('forge' as const), index: fc.nat(), at: fc.nat(), field: fc.nat() }),
  fc.record({ kind: fc.constant('forge-tail' as const), index: fc.nat(), field: fc.nat() }),
);

/** A mutated history and what the test may expect of it. */
export interface Mutated {
  readonly events: EventLine[];
  /**
   * True when nothing but the trailer's digest can reveal the mutation: a stream's last event removed, a
   * stream extended by a correctly chained forgery, or a position renumbered without changing the order.
   * An unkeyed hash chain cannot tell a shorter or longer history from the real one; the digest, kept out
   * of the forger's reach, can.
   */
  readonly onlyTheDigestCanTell: boolean;
  /** 0-based indices, in the mutated file, of the lines the mutation put or moved. */
  readonly touched: readonly number[];
  /** The stream the mutation touched first. */
  readonly streamId: string;
}

type Path = readonly (string | number)[];

/** The paths of every primitive inside a value, depth first. */
const leafPaths = (value: unknown, prefix: Path = []): Path[] => {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
      leafPaths(inner, [...prefix, Array.isArray(value) ? Number(key) : key]),
    );
  }
  return [prefix];
};

const DECIMAL_FIELDS = new Set(['position', 'revision']);

/** A value that differs from `value` as canonical JSON, of a shape the line format still accepts. */
const changed = (value: unknown, path: Path): unknown => {
  if (path.length === 1 && DECIMAL_FIELDS.has(String(path[0])))
    return (BigInt(value as string) + 1n).toString();
  if (typeof value === 'string') return `${value}x`;
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  return 'x';
};

const setAt = (root: EventLine, path: Path, value: unknown): void => {
  let node = root as unknown as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
};

const getAt = (root: EventLine, path: Path): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);

/** Changes one field of `line` (chosen by `field` among its leaves, or among `within` only). */
const changeField = (line: EventLine, field: number, within?: 'data'): EventLine => {
  const copy = structuredClone(line);
  const paths = leafPaths(copy).filter((path) => within === undefined || path[0] === within);
  const path = paths.length === 0 ? ['type'] : paths[field % paths.length]!;
  setAt(copy, path, changed(getAt(copy, path), path));
  return copy;
};

/** Recomputes a line's hash from its content, as a forger who knows the algorithm would. */
const rehash = (line: EventLine): EventLine => ({
  ...line,
  metadata: {
    ...line.metadata,
    hash: eventHash({
      streamId: line.streamId,
      revision: BigInt(line.revision),
      type: line.type,
      data: line.data,
      metadata: line.metadata as Omit<EventMetadata, 'hash'>,
    }),
  },
});

const increasing = (events: readonly EventLine[]): boolean =>
  events.every((event, i) => i === 0 || BigInt(event.position) > BigInt(events[i - 1]!.position));

/** Applies a mutation to a non-empty history (copied, never edited in place). */
export const applyMutation = (original: readonly EventLine[], mutation: Mutation): Mutated => {
  const events = structuredClone(original) as EventLine[];
  const n = events.length;
  switch (mutation.kind) {
    case 'change': {
      const index = mutation.index % n;
      const before = events[index]!;
      const after = changeField(before, mutation.field);
      events[index] = after;
      const renumberedOnly = after.position !== before.position && increasing(events);
      return { events, onlyTheDigestCanTell: renumberedOnly, touched: [index], streamId: before.streamId };
    }
    case 'delete': {
      const index = mutation.index % n;
      const [removed] = events.splice(index, 1);
      const lastOfStream = !events.slice(index).some((event) => event.streamId === removed!.streamId);
      return { events, onlyTheDigestCanTell: lastOfStream, touched: [index], streamId: removed!.streamId };
    }
    case 'swap': {
      const a = mutation.a % n;
      // Never the same index: swapping an event with itself is no mutation.
      const b = (a + 1 + (mutation.b % Math.max(1, n - 1))) % n;
      [events[a], events[b]] = [events[b]!, events[a]!];
      return { events, onlyTheDigestCanTell: false, touched: [a, b], streamId: events[b]!.streamId };
    }
    case 'duplicate': {
      const index = mutation.index % n;
      const at = mutation.at % (n + 1);
      events.splice(at, 0, structuredClone(events[index]!));
      return { events, onlyTheDigestCanTell: false, touched: [at], streamId: events[at]!.streamId };
    }
    case 'forge': {
      const index = mutation.index % n;
      const at = mutation.at % (n + 1);
      const forged = rehash(changeField(events[index]!, mutation.field, 'data'));
      events.splice(at, 0, forged);
      return { events, onlyTheDigestCanTell: false, touched: [at], streamId: forged.streamId };
    }
    case 'forge-tail': {
      const template = events[mutation.index % n]!;
      const last = events[lastIndexWhere(events, (event) => event.streamId === template.streamId)]!;
      const extension = changeField(template, mutation.field, 'data');
      extension.revision = (BigInt(last.revision) + 1n).toString();
      extension.position = (BigInt(events.at(-1)!.position) + 1n).toString();
      extension.metadata = { ...extension.metadata, previousHash: last.metadata.hash };
      events.push(rehash(extension));
      return { events, onlyTheDigestCanTell: true, touched: [n], streamId: template.streamId };
    }
  }
};
