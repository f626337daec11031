import fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/audit/canonical.js';
import { sha256Hex } from '../../src/audit/sha256.js';
import { commandDigest } from '../../src/commands/command-digest.js';

const text = fc.oneof(fc.string(), fc.constantFrom('', '"', '\\', '\u2028', '\u0000', 'é', '😀'));

describe('commandDigest', () => {
  it('is sha256 over canonicalJson({ type, data, actor }), for any command', () => {
    fc.assert(
      fc.property(text, fc.option(fc.jsonValue(), { nil: undefined }), text, (type, data, actor) => {
        const digest = commandDigest({ type, data }, actor);
        expect(isRight(digest) && digest.right).toBe(sha256Hex(canonicalJson({ type, data, actor })));
      }),
      { numRuns: 2000 },
    );
  });

  it('does not depend on key order, and tells type, data and actor apart', () => {
    const digest = (type: string, data: unknown, actor: string) => {
      const result = commandDigest({ type, data }, actor);
      if (isLeft(result)) throw new Error(result.left.message);
      return result.right;
    };
    const first = digest('Increment', { counterId: 'c1', by: 2 }, 'a');
    expect(digest('Increment', { by: 2, counterId: 'c1' }, 'a')).toBe(first);
    expect(digest('Increment', { counterId: 'c1', by: 3 }, 'a')).not.toBe(first);
    expect(digest('Decrement', { counterId: 'c1', by: 2 }, 'a')).not.toBe(first);
    expect(digest('Increment', { counterId: 'c1', by: 2 }, 'b')).not.toBe(first);
  });

  it('refuses data canonical JSON cannot hold with invalid-command, instead of throwing', () => {
    const result = commandDigest({ type: 'X', data: { list: [undefined] } }, 'a');
    expect(isLeft(result) && result.left.code).toBe('invalid-command');
  });
});
