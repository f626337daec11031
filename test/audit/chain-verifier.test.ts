import { beforeAll, describe, expect, it } from 'vitest';
import { ChainVerifier } from '../../src/audit/chain-verifier.js';
import type { Violation } from '../../src/audit/violation.js';
import { GENESIS_HASH } from '../../src/domain/shared/events.js';
import type { RecordedEvent } from '../../src/store/event-store.js';
import { buildCounterHistory } from './support/counter-history.js';

let history: RecordedEvent[];

beforeAll(async () => {
  const store = await buildCounterHistory(['x', 'y'], 10);
  history = [];
  for await (const event of store.readAll()) history.push(event);
});

const verify = (events: readonly RecordedEvent[]): Violation[] => {
  const verifier = new ChainVerifier();
  return events.flatMap((event) => verifier.check(event));
};

const codes = (violations: readonly Violation[]): string[] => violations.map((v) => v.code);

describe('ChainVerifier', () => {
  it('finds nothing wrong with a history as the handler recorded it', () => {
    expect(verify(history)).toEqual([]);
  });

  it('counts streams, not events', () => {
    const verifier = new ChainVerifier();
    for (const event of history) verifier.check(event);
    expect(verifier.streams).toBe(2);
  });

  it('reports a modified event once, where it is', () => {
    const edited = history.map((event, i) =>
      i === 5 ? { ...event, data: { ...(event.data as object), by: 99 } } : event,
    );
    expect(verify(edited)).toEqual([
      expect.objectContaining({
        code: 'hash-mismatch',
        streamId: history[5]!.streamId,
        revision: history[5]!.revision,
        position: history[5]!.position,
      }),
    ]);
  });

  it('reports a removed event at the next event of its stream', () => {
    const removed = history[4]!;
    const next = history.find(
      (e) => e.streamId === removed.streamId && e.revision === removed.revision + 1n,
    )!;
    const violations = verify(history.filter((event) => event !== removed));
    expect(codes(violations).sort()).toEqual(['broken-chain', 'revision-gap']);
    expect(violations.every((v) => v.streamId === next.streamId && v.revision === next.revision)).toBe(true);
  });

  it('reports two events of one stream swapped', () => {
    const a = history.findIndex((e) => e.streamId === 'counter-x' && e.revision === 2n);
    const b = history.findIndex((e) => e.streamId === 'counter-x' && e.revision === 3n);
    const swapped = [...history];
    [swapped[a], swapped[b]] = [swapped[b]!, swapped[a]!];
    expect(codes(verify(swapped))).toEqual(
      expect.arrayContaining(['position-order', 'revision-gap', 'broken-chain']),
    );
  });

  it('reports a duplicated event', () => {
    const duplicated = [...history.slice(0, 7), history[6]!, ...history.slice(7)];
    expect(codes(verify(duplicated))).toEqual(expect.arrayContaining(['position-order', 'revision-gap']));
  });

  it('reports a stream that does not start from the genesis hash', () => {
    const first = history[0]!;
    const violations = verify([{ ...first, metadata: { ...first.metadata, previousHash: 'f'.repeat(64) } }]);
    expect(codes(violations)).toEqual(['broken-chain', 'hash-mismatch']);
    expect(violations[0]!.message).toContain('genesis');
    expect(GENESIS_HASH).toBe(first.metadata.previousHash);
  });

  it('reports metadata without hashes as a broken chain, without throwing', () => {
    const first = history[0]!;
    const { hash: _hash, previousHash: _previous, ...bare } = first.metadata;
    expect(codes(verify([{ ...first, metadata: bare as typeof first.metadata }]))).toEqual([
      'broken-chain',
      'hash-mismatch',
    ]);
  });
});
