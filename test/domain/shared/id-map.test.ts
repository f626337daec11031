import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyIdMap,
  entriesOf,
  hasKey,
  idMapOf,
  lookup,
  withEntry,
  withoutEntry,
  type IdMap,
  type IdMapSlot,
} from '../../../src/domain/shared/id-map.js';

/** Three keys with one and the same 32-bit hash (found by search), so they share a collision node. */
const TRIPLE = ['k2244691', 'k7085677', 'k11150750'];
/** Two more keys with one hash between them. */
const PAIR = ['k32728', 'k261234'];
/** Shares the low 25 bits (five levels of slots) of TRIPLE's hash: it parts from them five levels down. */
const DEEP = 'k15718295';
/** Share the first two levels of slots with TRIPLE. */
const NEAR = ['k183', 'k1794', 'k3526'];
/** Keys that share hashes or hash prefixes, drawn often so that collision nodes fill, split and empty. */
const NEIGHBOURS = [...TRIPLE, ...PAIR, DEEP, ...NEAR];
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
const POOL = [...NEIGHBOURS, ...PROTOTYPE_NAMES, ...Array.from({ length: 30 }, (_, i) => `h${i}`)];

const keyArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NEIGHBOURS) },
  { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...POOL) },
);

type Op = { readonly set: string; readonly value: number } | { readonly remove: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ set: keyArb, value: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ remove: keyArb }) },
);

/** Long enough histories for keys to come, go and come back. */
const opsArb = fc.array(opArb, { maxLength: 150, size: 'large' });

const applyOp = (map: IdMap<number>, op: Op): IdMap<number> =>
  'set' in op ? withEntry(map, op.set, op.value) : withoutEntry(map, op.remove);

const applyToModel = (model: Map<string, number>, op: Op): void => {
  if ('set' in op) model.set(op.set, op.value);
  else model.delete(op.remove);
};

const sortedEntries = (entries: Iterable<readonly [string, number]>): [string, number][] =>
  [...entries].map(([key, value]): [string, number] => [key, value]).sort(([a], [b]) => (a < b ? -1 : 1));

/** What a reader can see of a map: its size, its entries, and what each pooled key looks up to. */
const viewOf = (map: IdMap<number>) => ({
  size: map.size,
  entries: sortedEntries(entriesOf(map)),
  found: POOL.map((key) => [lookup(map, key), hasKey(map, key)]),
});

const modelView = (model: ReadonlyMap<string, number>) => ({
  size: model.size,
  entries: sortedEntries(model),
  found: POOL.map((key) => [model.get(key), model.has(key)]),
});

/** How many branches deep the trie goes. */
const depthOf = (slot: IdMapSlot<unknown>): number =>
  'slots' in slot ? 1 + Math.max(0, ...slot.slots.map(depthOf)) : 0;

describe('IdMap', () => {
  it('agrees with a Map after every write, and keeps every earlier version as it was', () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        const model = new Map<string, number>();
        let map = emptyIdMap<number>();
        const versions: [IdMap<number>, Map<string, number>][] = [];
        for (const op of ops) {
          map = applyOp(map, op);
          applyToModel(model, op);
          versions.push([map, new Map(model)]);
        }
        // Checked only once all writes are done, so that each version is seen after every later write.
        // Compared as JSON for speed; the first version that differs is then compared for a readable diff.
        const wrong = versions.findIndex(
          ([version, snapshot]) => JSON.stringify(viewOf(version)) !== JSON.stringify(modelView(snapshot)),
        );
        if (wrong !== -1) {
          const [version, snapshot] = versions[wrong]!;
          expect(viewOf(version)).toEqual(modelView(snapshot));
          expect.unreachable('the views differ only in what JSON makes of them');
        }
      }),
    );
  });

  it('has one shape per set of entries, whatever writes led there', () => {
    fc.assert(
      fc.property(opsArb, fc.func(fc.integer()), (ops, order) => {
        const model = new Map<string, number>();
        let map = emptyIdMap<number>();
        for (const op of ops) {
          map = applyOp(map, op);
          applyToModel(model, op);
        }
        const shuffled = [...model].sort(([a], [b]) => order(a) - order(b) || (a < b ? -1 : 1));
        expect(idMapOf(shuffled)).toEqual(map);
        expect(idMapOf(shuffled.reverse())).toEqual(map);
      }),
    );
  });

  it('returns the very same map for a write that changes nothing', () => {
    const map = idMapOf([
      ['h1', 1],
      [TRIPLE[0]!, 2],
    ]);
    expect(withEntry(map, 'h1', 1)).toBe(map);
    expect(withEntry(map, TRIPLE[0]!, 2)).toBe(map);
    expect(withoutEntry(map, 'h2')).toBe(map);
    expect(withoutEntry(map, TRIPLE[1]!)).toBe(map);
    expect(withoutEntry(emptyIdMap(), '__proto__')).toEqual(emptyIdMap());
  });

  it('files keys of one hash together, sorted, and parts near keys only as deep as their hashes agree', () => {
    // Guards the fixtures above: if the hash changes, these keys stop colliding and the tests above go soft.
    const triple = idMapOf(TRIPLE.map((key, i) => [key, i] as const).reverse());
    expect(triple.root.slots).toEqual([
      {
        hash: expect.any(Number),
        leaves: TRIPLE.map((key, i) => ({ key, value: i })).sort((a, b) => (a.key < b.key ? -1 : 1)),
      },
    ]);
    expect(idMapOf(PAIR.map((key) => [key, 0] as const)).root.slots).toHaveLength(1);
    expect(depthOf(withEntry(triple, DEEP, 9).root)).toBe(6);
    expect(
      depthOf(idMapOf([...TRIPLE, ...NEAR].map((key) => [key, 0] as const)).root),
    ).toBeGreaterThanOrEqual(3);
    expect(withoutEntry(withEntry(triple, DEEP, 9), DEEP)).toEqual(triple);
  });

  it('treats prototype names as plain keys', () => {
    expect(lookup(emptyIdMap<number>(), 'constructor')).toBeUndefined();
    expect(hasKey(emptyIdMap<number>(), '__proto__')).toBe(false);
    const map = withEntry(withEntry(emptyIdMap<number>(), '__proto__', 1), 'constructor', 2);
    expect(lookup(map, '__proto__')).toBe(1);
    expect(lookup(map, 'constructor')).toBe(2);
    expect(lookup(map, 'toString')).toBeUndefined();
    expect(sortedEntries(entriesOf(map))).toEqual([
      ['__proto__', 1],
      ['constructor', 2],
    ]);
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
  });
});
