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

  it('shares data frozen all the way down, and copies data frozen only on the surface', async () => {
    const store = new InMemoryEventStore();
    const frozen = Object.freeze({ list: Object.freeze([1, 2]) });
    const surface = Object.freeze({ list: [1, 2] });
    await store.appendToStream('s-1', [testEvent('E', frozen), testEvent('E', surface)]);
    surface.list.push(3);
    const [shared, copied] = await collect(store.readStream('s-1'));
    expect(shared?.data).toBe(frozen);
    expect(copied?.data).toEqual({ list: [1, 2] });
    expect(Object.isFrozen((copied?.data as { list: number[] }).list)).toBe(true);
  });
});

describe('InMemoryEventStore data keys', () => {
  it('keeps a __proto__ key in event data as data', async () => {
    const store = new InMemoryEventStore();
    const data = JSON.parse('{"__proto__": {"polluted": true}, "n": 1}') as Record<string, unknown>;
    await store.appendToStream('s-1', [testEvent('E', data)]);
    const [event] = await collect(store.readStream('s-1'));
    expect(Object.getPrototypeOf(event?.data)).toBe(Object.prototype);
    expect(Object.hasOwn(event?.data as object, '__proto__')).toBe(true);
    expect((event?.data as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
