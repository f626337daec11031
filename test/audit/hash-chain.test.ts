import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/audit/canonical.js';
import { deterministicEventId, eventHash, type HashedContent } from '../../src/audit/hash-chain.js';
import { SAMPLE_METADATA_UNHASHED } from '../support/metadata.js';

/**
 * The hash as first defined: sha256 over canonicalJson of the content, its revision as a decimal string, its
 * metadata without `hash`.
 */
const reference = (content: HashedContent): string =>
  createHash('sha256')
    .update(
      canonicalJson({
        streamId: content.streamId,
        revision: content.revision.toString(),
        type: content.type,
        data: content.data,
        metadata: { ...content.metadata, hash: undefined },
      }),
    )
    .digest('hex');

const text = fc.oneof(fc.string(), fc.constantFrom('', '"', '\\', '\u2028', '\u0000', 'é', '😀'));

/** The handler's metadata: `commandDigest` absent (events recorded before it existed), present or undefined. */
const handlerMetadata = fc.record(
  {
    eventId: text,
    occurredAt: text,
    actor: fc.record({ id: text, role: text }),
    commandId: text,
    commandDigest: fc.oneof(text, fc.constant(undefined)),
    correlationId: text,
    causationId: text,
    schemaVersion: fc.oneof(fc.integer(), fc.double()),
    previousHash: text,
  },
  {
    requiredKeys: [
      'eventId',
      'occurredAt',
      'actor',
      'commandId',
      'correlationId',
      'causationId',
      'schemaVersion',
      'previousHash',
    ],
  },
);

/** Null most of the time: each damage below is rare, so that many cases keep the handler's shape. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

/** Metadata as a store might hand it back: the handler's, or with a field missing, extra, or of a wrong type. */
const storedMetadata = fc
  .record({
    base: handlerMetadata,
    hash: fc.option(text),
    extra: rarely(fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 2 })),
    drop: rarely(fc.constantFrom('eventId', 'actor', 'schemaVersion', 'causationId')),
    actorExtra: rarely(fc.jsonValue()),
    wrongType: rarely(
      fc.record({
        key: fc.constantFrom('commandId', 'commandDigest', 'schemaVersion', 'actor'),
        // An actor of two fields, but not the two the handler writes.
        value: fc.oneof(fc.jsonValue(), fc.constant({ id: 'a', kind: 'resident' })),
      }),
    ),
  })
  .map(({ base, hash, extra, drop, actorExtra, wrongType }) => {
    const metadata: Record<string, unknown> = { ...base, ...(extra ?? {}) };
    if (hash !== null) metadata.hash = hash;
    if (actorExtra !== null) metadata.actor = { ...base.actor, extra: actorExtra };
    if (wrongType !== null) metadata[wrongType.key] = wrongType.value;
    return Object.fromEntries(Object.entries(metadata).filter(([key]) => key !== drop));
  });

const contentArb = fc.record({
  streamId: text,
  revision: fc.bigInt({ min: 0n, max: 2n ** 64n }),
  type: text,
  data: fc.jsonValue(),
  metadata: storedMetadata,
}) as fc.Arbitrary<HashedContent>;

describe('eventHash', () => {
  it('is sha256 over the canonical JSON of the content, for any content a store can hold', () => {
    /** The hash, or the error's message: a non-finite schemaVersion must be refused by both. */
    const outcome = (hash: (content: HashedContent) => string, content: HashedContent): string => {
      try {
        return hash(content);
      } catch (error) {
        return `refused: ${(error as Error).message}`;
      }
    };
    fc.assert(
      fc.property(contentArb, (content) => {
        expect(outcome(eventHash, content)).toBe(outcome(reference, content));
      }),
      { numRuns: 2000 },
    );
  });

  it('hashes content the handler would not write as canonicalJson does: no data, hidden or extra keys', () => {
    const metadata = SAMPLE_METADATA_UNHASHED;
    const base = { streamId: 'task-t1', revision: 0n, type: 'TaskExpired', metadata };
    const withoutData = { ...base, data: undefined } as HashedContent;
    expect(eventHash(withoutData)).toBe(reference(withoutData));
    // An own but non-enumerable field is not part of the JSON; a stray enumerable one is.
    const hidden = { ...metadata, stray: 1 };
    Object.defineProperty(hidden, 'previousHash', { value: 'f'.repeat(64), enumerable: false });
    const content = { ...base, data: {}, metadata: hidden } as HashedContent;
    expect(eventHash(content)).toBe(reference(content));
  });

  it('refuses data JSON cannot hold, naming its path from the hashed content', () => {
    const content = {
      streamId: 'task-t1',
      revision: 0n,
      type: 'TaskPublished',
      data: { taskId: 't1', deadline: new Date(0) },
      metadata: SAMPLE_METADATA_UNHASHED,
    } as HashedContent;
    expect(() => eventHash(content)).toThrow(
      new TypeError('canonicalJson: cannot encode an object that is not plain (Date) at $.data.deadline'),
    );
  });

  it('changes when any hashed field changes, and ignores the hash field itself', () => {
    const content: HashedContent = {
      streamId: 'task-t1',
      revision: 0n,
      type: 'TaskPublished',
      data: { taskId: 't1' },
      metadata: SAMPLE_METADATA_UNHASHED,
    };
    const hash = eventHash(content);
    expect(eventHash({ ...content, metadata: { ...content.metadata, hash: 'x' } } as HashedContent)).toBe(
      hash,
    );
    expect(eventHash({ ...content, revision: 1n })).not.toBe(hash);
    expect(eventHash({ ...content, data: { taskId: 't2' } })).not.toBe(hash);
    expect(
      eventHash({
        ...content,
        metadata: { ...content.metadata, actor: { id: 'b', role: 'grid-worker' } },
      }),
    ).not.toBe(hash);
    const digested = eventHash({
      ...content,
      metadata: { ...content.metadata, commandDigest: 'a'.repeat(64) },
    });
    expect(digested).not.toBe(hash);
    expect(
      eventHash({ ...content, metadata: { ...content.metadata, commandDigest: 'b'.repeat(64) } }),
    ).not.toBe(digested);
  });
});

describe('deterministicEventId', () => {
  const input = fc.tuple(text, text, fc.nat({ max: 1000 }));

  it('is an RFC 9562 version 8 UUID with the RFC variant bits', () => {
    fc.assert(
      fc.property(input, ([commandId, streamId, index]) => {
        const id = deterministicEventId(commandId, streamId, index);
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        const bytes = Buffer.from(id.replaceAll('-', ''), 'hex');
        // Octet 6's high nibble is the version, octet 8's two high bits the variant (RFC 9562 §4.1, §4.2).
        expect(bytes[6]! >> 4).toBe(8);
        expect(bytes[8]! >> 6).toBe(0b10);
      }),
    );
  });

  it('is the first 128 bits of sha256 over its inputs, but for the version and variant bits', () => {
    fc.assert(
      fc.property(input, ([commandId, streamId, index]) => {
        const id = Buffer.from(deterministicEventId(commandId, streamId, index).replaceAll('-', ''), 'hex');
        const digest = createHash('sha256').update(`${commandId}\u0000${streamId}\u0000${index}`).digest();
        const mask = Buffer.alloc(16, 0xff);
        mask[6] = 0x0f;
        mask[8] = 0x3f;
        expect(id.map((byte, i) => byte & mask[i]!)).toEqual(
          digest.subarray(0, 16).map((byte, i) => byte & mask[i]!),
        );
      }),
    );
  });

  it('gives the same id for the same inputs, and another for another index, stream or command', () => {
    const id = deterministicEventId('cmd-1', 'task-t1', 0);
    expect(deterministicEventId('cmd-1', 'task-t1', 0)).toBe(id);
    expect(deterministicEventId('cmd-1', 'task-t1', 1)).not.toBe(id);
    expect(deterministicEventId('cmd-1', 'task-t2', 0)).not.toBe(id);
    expect(deterministicEventId('cmd-2', 'task-t1', 0)).not.toBe(id);
  });
});
