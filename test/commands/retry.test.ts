import { test as fcTest, fc } from '@fast-check/vitest';
import { isLeft, isRight, type Either } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { CommandHandler, type CommandHandlerOptions } from '../../src/commands/command-handler.js';
import {
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_RETRY_DELAY_MS,
  DEFAULT_RETRY_BASE_DELAY_MS,
  retryPolicy,
} from '../../src/commands/retry.js';
import type { DomainError } from '../../src/domain/shared/errors.js';
import { testContext } from '../../src/testing/context.js';
import { ConcurrencyError, type AppendOptions, type EventToAppend } from '../../src/store/event-store.js';
import { collect } from '../store/contract.js';
import { counterAggregate } from '../support/counter.js';
import { InstrumentedStore } from '../support/instrumented-store.js';

const counter = counterAggregate();
const open = { type: 'OpenCounter', data: { counterId: 'c1', limit: 100 } };
const inc = { type: 'Increment', data: { counterId: 'c1', by: 1 } };

/** A real store whose next `conflicts` appends are refused as if a rival had written first. */
class ConflictingStore extends InstrumentedStore {
  conflicts = 0;

  override async appendToStream(streamId: string, events: readonly EventToAppend[], options?: AppendOptions) {
    if (this.conflicts > 0) {
      this.conflicts -= 1;
      this.appends += 1;
      throw new ConcurrencyError(streamId, options?.expectedRevision ?? 'any', 7n);
    }
    return super.appendToStream(streamId, events, options);
  }
}

/** A handler over a store with the counter opened, whose waits are recorded instead of slept. */
const setUp = async (options: CommandHandlerOptions) => {
  const store = new ConflictingStore();
  const slept: number[] = [];
  const handler = new CommandHandler(store, {
    ...options,
    sleep: (ms) => {
      slept.push(ms);
      return Promise.resolve();
    },
  });
  expect(isRight(await handler.handle(counter, open, testContext()))).toBe(true);
  store.appends = 0;
  store.eventsRead = 0;
  return { store, slept, handler };
};

const leftOf = <T>(result: Either<DomainError, T>): DomainError => {
  if (!isLeft(result)) throw new Error('expected Left');
  return result.left;
};

describe('retryPolicy', () => {
  it('doubles the window from the base up to the cap and draws the wait from it', () => {
    const policy = retryPolicy({ retryBaseDelayMs: 10, maxRetryDelayMs: 100, random: () => 0.5 });
    expect([0, 1, 2, 3, 4, 5, 30].map((retry) => policy.delay(retry))).toEqual([5, 10, 20, 40, 50, 50, 50]);
  });

  fcTest.prop([
    fc.double({ min: 0, max: 1_000, noNaN: true }),
    fc.double({ min: 0, max: 60_000, noNaN: true }),
    fc.nat(2_000),
    fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  ])('waits random() times the window min(cap, base * 2^retry), never more', (base, cap, retry, r) => {
    const delay = retryPolicy({ retryBaseDelayMs: base, maxRetryDelayMs: cap, random: () => r }).delay(retry);
    const window = base === 0 ? 0 : Math.min(cap, base * 2 ** retry);
    expect(delay).toBe(r * window);
    expect(delay).toBeGreaterThanOrEqual(0);
    expect(delay).toBeLessThanOrEqual(cap);
  });

  it('refuses a setting that is negative, fractional where it must be whole, or not finite', () => {
    expect(() => retryPolicy({ maxRetries: -1 })).toThrow(RangeError);
    expect(() => retryPolicy({ maxRetries: 2.5 })).toThrow(RangeError);
    expect(() => retryPolicy({ retryBaseDelayMs: -1 })).toThrow(RangeError);
    expect(() => retryPolicy({ maxRetryDelayMs: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(() => new CommandHandler(new InstrumentedStore(), { retryBaseDelayMs: Number.NaN })).toThrow(
      RangeError,
    );
  });
});

describe('CommandHandler retries after a concurrency conflict', () => {
  it('succeeds after N conflicts, having waited the configured schedule and re-read nothing it had', async () => {
    const { store, slept, handler } = await setUp({
      maxRetries: 6,
      retryBaseDelayMs: 8,
      maxRetryDelayMs: 50,
      random: () => 0.75,
    });
    store.conflicts = 5;
    const result = await handler.handle(counter, inc, testContext());
    expect(isRight(result)).toBe(true);
    expect(store.appends).toBe(6);
    // Windows 8, 16, 32, then capped at 50; three quarters of each.
    expect(slept).toEqual([6, 12, 24, 37.5, 37.5]);
    // The cached state stayed valid: the reloads found no new event to read.
    expect(store.eventsRead).toBe(0);
    expect((await collect(store.readStream('counter-c1'))).map((e) => e.type)).toEqual([
      'CounterOpened',
      'CounterIncremented',
    ]);
  });

  it('gives up with concurrency-conflict and its details once the retries are spent, waiting only between tries', async () => {
    const { store, slept, handler } = await setUp({ maxRetries: 3, random: () => 0.5 });
    store.conflicts = 100;
    const error = leftOf(await handler.handle(counter, inc, testContext()));
    expect(error.code).toBe('concurrency-conflict');
    expect(error.details).toEqual({ streamId: 'counter-c1', expected: '0', actual: '7', attempts: 4 });
    expect(store.appends).toBe(4);
    expect(slept).toHaveLength(3);
  });

  it(`retries ${DEFAULT_MAX_RETRIES} times by default, each wait inside its default window`, async () => {
    const { store, slept, handler } = await setUp({ random: () => 0.999 });
    store.conflicts = 1_000;
    expect(leftOf(await handler.handle(counter, inc, testContext())).code).toBe('concurrency-conflict');
    expect(store.appends).toBe(DEFAULT_MAX_RETRIES + 1);
    const windows = slept.map((ms) => ms / 0.999);
    windows.forEach((window, retry) =>
      expect(window).toBeCloseTo(
        Math.min(DEFAULT_MAX_RETRY_DELAY_MS, DEFAULT_RETRY_BASE_DELAY_MS * 2 ** retry),
        6,
      ),
    );
  });

  it('retries at once, without a timer, when the base delay is 0 (the behaviour before backoff)', async () => {
    const { store, slept, handler } = await setUp({ maxRetries: 5, retryBaseDelayMs: 0 });
    store.conflicts = 5;
    expect(isRight(await handler.handle(counter, inc, testContext()))).toBe(true);
    expect(store.appends).toBe(6);
    expect(slept).toEqual([]);
  });
});
