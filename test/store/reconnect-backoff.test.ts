import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LISTENER_BACKOFF,
  listenerBackoff,
  reconnectDelay,
} from '../../src/store/postgres/reconnect-backoff.js';

const settings = fc
  .record({
    initialDelayMs: fc.integer({ min: 1, max: 5000 }),
    extra: fc.integer({ min: 0, max: 100_000 }),
    multiplier: fc.double({ min: 1, max: 4, noNaN: true }),
  })
  .map(({ initialDelayMs, extra, multiplier }) => ({
    initialDelayMs,
    maxDelayMs: initialDelayMs + extra,
    multiplier,
  }));
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('reconnectDelay', () => {
  it('is the random fraction of the capped exponential ceiling (full jitter)', () => {
    fc.assert(
      fc.property(settings, fc.integer({ min: 1, max: 2000 }), unit, (options, attempt, r) => {
        const delay = reconnectDelay(attempt, listenerBackoff({ ...options, random: () => r }));
        const ceiling = Math.min(
          options.maxDelayMs,
          options.initialDelayMs * options.multiplier ** (attempt - 1),
        );
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(options.maxDelayMs);
        expect(delay).toBe(Math.floor(r * ceiling));
      }),
    );
  });

  it('grows its ceiling with the attempt until the cap: never a shorter wait for the same draw', () => {
    fc.assert(
      fc.property(settings, fc.integer({ min: 1, max: 60 }), unit, (options, attempt, r) => {
        const backoff = listenerBackoff({ ...options, random: () => r });
        expect(reconnectDelay(attempt + 1, backoff)).toBeGreaterThanOrEqual(reconnectDelay(attempt, backoff));
      }),
    );
  });

  it('doubles from one second to thirty by default', () => {
    const almostOne = listenerBackoff({ random: () => 1 - 2 ** -53 });
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((attempt) => reconnectDelay(attempt, almostOne))).toEqual([
      999, 1999, 3999, 7999, 15_999, 29_999, 29_999, 29_999,
    ]);
    expect(DEFAULT_LISTENER_BACKOFF).toEqual({ initialDelayMs: 1000, maxDelayMs: 30_000, multiplier: 2 });
  });

  it('refuses settings that make no backoff', () => {
    expect(() => listenerBackoff({ initialDelayMs: 0 })).toThrow(/initialDelayMs/);
    expect(() => listenerBackoff({ initialDelayMs: 500, maxDelayMs: 100 })).toThrow(/maxDelayMs/);
    expect(() => listenerBackoff({ multiplier: 0.5 })).toThrow(/multiplier/);
    expect(() => listenerBackoff({ maxDelayMs: NaN })).toThrow(/maxDelayMs/);
  });
});
