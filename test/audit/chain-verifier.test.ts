import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChainVerifier } from '../../src/audit/chain-verifier.js';
import { eventHash } from '../../src/audit/hash-chain.js';
import type { Violation } from '../../src/audit/violation.js';
import { GENESIS_HASH } from '../../src/domain/shared/events.js';
import {
  parseEventMetadata,
  parseEventMetadataWithComputedHashes,
} from '../../src/domain/shared/event-metadata.js';
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

  describe('lastHashesComputed', () => {
    /** The flag after each event of `events`, checked in order by one verifier. */
    const flags = (events: readonly RecordedEvent[]): boolean[] => {
      const verifier = new ChainVerifier();
      return events.map((event) => {
        verifier.check(event);
        return verifier.lastHashesComputed;
      });
    };

    it('holds for every event of an intact history', () => {
      expect(flags(history)).toEqual(history.map(() => true));
    });

    it('fails for an edited event and for the next event of its stream, whose previous hash was not computed', () => {
      const edited = history[5]!;
      const next = history.findIndex(
        (e) => e.streamId === edited.streamId && e.revision === edited.revision + 1n,
      );
      // The next event names the edited hash as its previous one and is sealed again over that, so the chain
      // check passes it; the flag must not, since its previous hash is not a digest the verifier computed.
      const resealed = (event: RecordedEvent): RecordedEvent => {
        const metadata = { ...event.metadata, previousHash: 'not a digest' };
        return { ...event, metadata: { ...metadata, hash: eventHash({ ...event, metadata }) } };
      };
      const forged = history.map((event, i) =>
        i === 5
          ? { ...event, metadata: { ...event.metadata, hash: 'not a digest' } }
          : i === next
            ? resealed(event)
            : event,
      );
      const verifier = new ChainVerifier();
      const result = forged.map((event) => {
        const violations = verifier.check(event);
        return { flag: verifier.lastHashesComputed, violations: violations.length };
      });
      expect(result[5]!.flag).toBe(false);
      expect(result[next]).toEqual({ flag: false, violations: 0 });
      const others = result.filter((_, i) => forged[i]!.streamId !== edited.streamId);
      expect(others.every(({ flag }) => flag)).toBe(true);
    });

    it("fails for an event whose previous hash is not its stream's last hash, even sealed over it", () => {
      const first = history[0]!;
      const metadata = { ...first.metadata, previousHash: 'junk' };
      const resealed = { ...first, metadata: { ...metadata, hash: eventHash({ ...first, metadata }) } };
      const verifier = new ChainVerifier();
      // Its own hash is right; its previous hash is not the genesis hash, and not a digest at all.
      expect(codes(verifier.check(resealed))).toEqual(['broken-chain']);
      expect(verifier.lastHashesComputed).toBe(false);
    });

    it('never changes the verdict or the issues of the metadata, however the history is damaged', () => {
      // The audit parses metadata with the shortcut whenever the flag is up: it must answer as the full parse.
      const candidates: readonly unknown[] = [
        GENESIS_HASH,
        'junk',
        'A'.repeat(64),
        history[0]!.metadata.hash.toUpperCase(),
        history[1]!.metadata.hash,
        history[2]!.metadata.hash.slice(1),
        42,
        null,
        undefined,
        [GENESIS_HASH],
      ];
      const edit = fc.record({
        at: fc.nat(),
        field: fc.constantFrom('hash', 'previousHash', 'revision', 'position', 'drop', 'dup', 'actor'),
        value: fc.nat(),
        reseal: fc.boolean(),
      });
      let shortcut = 0;
      let refused = 0;
      fc.assert(
        fc.property(fc.array(edit, { maxLength: 6 }), (edits) => {
          let events: RecordedEvent[] = [...history];
          for (const { at, field, value, reseal } of edits) {
            if (events.length === 0) return;
            const i = at % events.length;
            const event = events[i]!;
            const candidate = candidates[value % candidates.length];
            if (field === 'drop') events = events.filter((_, j) => j !== i);
            else if (field === 'dup') events.splice(i, 0, events[value % events.length]!);
            else if (field === 'revision') events[i] = { ...event, revision: BigInt(value % 5) };
            else if (field === 'position') events[i] = { ...event, position: BigInt(value % 5) };
            else {
              const metadata: Record<string, unknown> = { ...event.metadata, [field]: candidate };
              if (reseal) {
                try {
                  metadata.hash = eventHash({ ...event, metadata } as RecordedEvent);
                } catch {
                  // Metadata that cannot be encoded stays as it is, unsealed.
                }
              }
              events[i] = { ...event, metadata } as RecordedEvent;
            }
          }
          const verifier = new ChainVerifier();
          for (const event of events) {
            verifier.check(event);
            const full = parseEventMetadata(event.metadata);
            if (!full.success) refused += 1;
            if (!verifier.lastHashesComputed) continue;
            shortcut += 1;
            const quick = parseEventMetadataWithComputedHashes(event.metadata);
            expect(quick.success).toBe(full.success);
            if (full.success) expect(quick.data).toStrictEqual(full.data);
            else expect(quick.error?.issues).toEqual(full.error.issues);
          }
        }),
        { numRuns: 500 },
      );
      // Both kinds of events were met: shortcuts taken, and metadata the schema refuses.
      expect(shortcut).toBeGreaterThan(1000);
      expect(refused).toBeGreaterThan(100);
    });
  });
});
