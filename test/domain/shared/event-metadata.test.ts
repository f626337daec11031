import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectReachesBothOutcomes, expectSameAnswerAsSchema } from '../../support/schema-equivalence.js';
import { ROLES } from '../../../src/domain/shared/actors.js';
import {
  parseEventMetadata,
  parseEventMetadataWithComputedHashes,
} from '../../../src/domain/shared/event-metadata.js';
import { EventMetadataSchema } from '../../../src/domain/shared/events.js';
import { SAMPLE_METADATA } from '../../support/metadata.js';

const HEX = '0123456789abcdef';

const VALID = SAMPLE_METADATA;

/** Strings near the edges of what ids, instants and hashes allow. */
const trickyString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'a b',
    'x'.repeat(128),
    'x'.repeat(129),
    '__proto__',
    'id\n',
    '2026-02-29T00:00:00Z',
    '2028-02-29T00:00:00Z',
    '2026-03-01T08:00:00+08:00',
    '2026-03-01T08:00:00',
    '2026-03-01T24:00:00Z',
    '2026-03-01t08:00:00z',
    '2026-13-01T08:00:00Z',
    'AB'.repeat(32),
    'ab'.repeat(31),
    'ab'.repeat(33),
    '*',
  ),
  fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom(...HEX.split('')), minLength: 63, maxLength: 65 }),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
);

/** Any value a field might hold in a damaged or forged history. */
const fieldValue = fc.oneof(
  { weight: 4, arbitrary: trickyString },
  { weight: 1, arbitrary: fc.constantFrom(...ROLES, 'mayor') },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -0, 1, 2 ** 53, NaN)) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, [], {}) },
);

/** Other valid values for the fields, so that the accepting path sees more than one shape of input. */
const idArb = fc.stringMatching(/^[A-Za-z0-9._:-]{1,128}$/);
const validVariant = fc.record(
  {
    eventId: fc.string({ minLength: 1, maxLength: 20 }),
    occurredAt: fc
      .date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true })
      .map((date) => date.toISOString()),
    commandId: idArb,
    correlationId: idArb,
    causationId: idArb,
    schemaVersion: fc.integer({ min: 1, max: 2 ** 53 - 1 }),
    previousHash: fc.string({ unit: fc.constantFrom(...HEX.split('')), minLength: 64, maxLength: 64 }),
    commandDigest: fc.string({ unit: fc.constantFrom(...HEX.split('')), minLength: 64, maxLength: 64 }),
  },
  { requiredKeys: [] },
);

/** Metadata with each field kept valid, replaced, or removed, and sometimes a stray field. */
const metadataArb = fc
  .record({
    replaced: fc.oneof(
      fc.constant({}),
      validVariant,
      fc.dictionary(fc.constantFrom(...Object.keys(VALID), 'commandDigest', 'extra'), fieldValue, {
        maxKeys: 2,
      }),
    ),
    actor: fc.oneof(
      { weight: 4, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.record({ id: idArb, role: fc.constantFrom(...ROLES) }) },
      { weight: 1, arbitrary: fc.record({ id: fieldValue, role: fieldValue }, { requiredKeys: [] }) },
    ),
    removed: fc.oneof(
      { weight: 6, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom(...Object.keys(VALID)) },
    ),
  })
  .map(({ replaced, actor, removed }) => {
    const value: Record<string, unknown> = { ...VALID, ...replaced };
    if (actor !== null) value.actor = actor;
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== removed));
  });

describe('parseEventMetadata', () => {
  it('accepts well-formed metadata as it is', () => {
    expect(parseEventMetadata(VALID)).toEqual({ success: true, data: VALID });
  });

  it('refuses a key the schema does not name, at the top or in the actor', () => {
    const stray = parseEventMetadata({ ...VALID, stray: 'invented' });
    expect(stray.success).toBe(false);
    expect(stray.error?.issues.map((issue) => issue.code)).toEqual(['unrecognized_keys']);
    const named = parseEventMetadata({ ...VALID, actor: { ...VALID.actor, name: 'Wang Fang' } });
    expect(named.error?.issues.map((issue) => issue.path)).toEqual([['actor']]);
  });

  it('reports the schema issues for malformed metadata', () => {
    const result = parseEventMetadata({ ...VALID, hash: 'not-a-hash' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['hash']]);
  });

  it('takes the command digest as optional, and as a sha256 digest when present', () => {
    const digest = 'c'.repeat(64);
    expect(parseEventMetadata({ ...VALID, commandDigest: digest })).toEqual({
      success: true,
      data: { ...VALID, commandDigest: digest },
    });
    const malformed = parseEventMetadata({ ...VALID, commandDigest: 'C'.repeat(64) });
    expect(malformed.error?.issues.map((issue) => issue.path)).toEqual([['commandDigest']]);
  });

  it('gives the schema answer for any metadata, valid or damaged', () => {
    expectSameAnswerAsSchema(parseEventMetadata, EventMetadataSchema, metadataArb);
  });

  it('accepts as many valid as invalid cases in the property above (the generator reaches both)', () => {
    expectReachesBothOutcomes(EventMetadataSchema, metadataArb, { valid: 200, invalid: 200 });
  });
});

describe('parseEventMetadataWithComputedHashes', () => {
  const isDigest = (value: unknown): boolean => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

  it('gives the schema answer for metadata whose two hashes are digests, valid or damaged elsewhere', () => {
    // Its promise: the caller computed both hashes itself. Only such metadata may be handed to it.
    const withDigests = metadataArb.filter((value) => isDigest(value.hash) && isDigest(value.previousHash));
    expectSameAnswerAsSchema(parseEventMetadataWithComputedHashes, EventMetadataSchema, withDigests);
  });

  it('still refuses hashes that are not strings, and sends them to the schema for its issues', () => {
    const result = parseEventMetadataWithComputedHashes({ ...VALID, hash: 42 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['hash']]);
  });
});
