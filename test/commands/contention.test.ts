import { describe, expect, it } from 'vitest';
import { InMemoryEventStore } from '../../src/store/memory.js';
import { CLAIMANTS, contention, rush } from './contention-suite.js';

contention('in-memory store', () => Promise.resolve(new InMemoryEventStore()));

describe('50 claimants without backoff (the behaviour issue 20 reported)', () => {
  it('loses claims: 5 immediate retries land 6 of 50 on the in-memory store', async () => {
    const store = new InMemoryEventStore();
    const outcome = await rush(store, 'rush-old', CLAIMANTS, { maxRetries: 5, retryBaseDelayMs: 0 });
    // Every round all the remaining claimants read the same revision and exactly one of them wins.
    expect(outcome.claimants).toHaveLength(6);
    expect(outcome.failures).toEqual(Array.from({ length: 44 }, () => 'concurrency-conflict'));
  });
});
