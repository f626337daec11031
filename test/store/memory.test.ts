import { describe, expect, it } from 'vitest';
import { InMemoryEventStore } from '../../src/store/memory.js';
import { collect, eventStoreContract, testEvent } from './contract.js';

eventStoreContract('in-memory', async () => new InMemoryEventStore());

describe('InMemoryEventStore', () => {
  it('keeps history immune to later mutation of the appended objects', async () => {
    const store = new InMemoryEventStore();
    const data = { list: [1, 2] };
    await store.appendToStream('s-1', [testEvent('E', data)]);
    data.list.push(3);
    const [event] = await collect(store.readStream('s-1'));
    expect(event?.data).toEqual({ list: [1, 2] });
    expect(Object.isFrozen(event?.data)).toBe(true);
  });
});
