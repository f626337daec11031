import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/audit/canonical.js';
import { CommandHandler } from '../../src/commands/command-handler.js';
import { createGovernance } from '../../src/commands/governance.js';
import { toJsonSafe } from '../../src/commands/json-safe.js';
import { InMemoryEventStore } from '../../src/store/memory.js';
import { testContext } from '../../src/testing/context.js';
import { counterAggregate } from '../support/counter.js';

/** Any value of JSON's shapes with bigints among them, `__proto__` keys included. */
const { value: valueArb } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.bigInt(),
    fc.string(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constant('__proto__')), tie('value'), { maxKeys: 4 }),
  ),
}));

describe('toJsonSafe', () => {
  it('lets JSON.stringify write a command result, its revisions and positions as decimal strings', async () => {
    const handler = new CommandHandler(new InMemoryEventStore());
    const counter = counterAggregate();
    const open = { type: 'OpenCounter', data: { counterId: 'c1', limit: 5 } };
    const result = await handler.handle(counter, open, testContext());
    if (isLeft(result)) throw new Error(result.left.message);
    expect(() => JSON.stringify(result)).toThrow(TypeError);

    const reply: unknown = JSON.parse(JSON.stringify(toJsonSafe(result)));
    const { events, revision, position, streamId, duplicate } = result.right;
    expect(reply).toEqual({
      _tag: 'Right',
      right: {
        streamId,
        revision: String(revision),
        position: String(position),
        duplicate,
        events: events.map((event) => ({ ...event, revision: String(event.revision) })),
      },
    });
    // The input is left as it was.
    expect(typeof result.right.revision).toBe('bigint');
  });

  it("serialises the facade's answers, events and errors alike", async () => {
    const gov = createGovernance();
    const refused = await gov.execute(null as never, testContext());
    expect(JSON.parse(JSON.stringify(toJsonSafe(refused)))).toMatchObject({
      _tag: 'Left',
      left: { code: 'invalid-command' },
    });
  });

  it('changes nothing but bigints: the canonical JSON of the written copy is the value’s own', () => {
    fc.assert(
      fc.property(valueArb, (value) => {
        const written = JSON.stringify(toJsonSafe(value));
        // The reference: JSON's own replacer writing each bigint as its decimal string, and nothing else.
        const reference = JSON.stringify(value, (_key, inner: unknown) =>
          typeof inner === 'bigint' ? inner.toString() : inner,
        );
        expect(canonicalJson(JSON.parse(written))).toBe(canonicalJson(JSON.parse(reference)));
      }),
      { numRuns: 1000 },
    );
  });

  it('writes revisions beyond 2^53 without losing a digit', () => {
    const big = 2n ** 64n + 1n;
    expect(JSON.stringify(toJsonSafe({ revision: big }))).toBe('{"revision":"18446744073709551617"}');
  });
});
