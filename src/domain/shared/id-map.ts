/**
 * A persistent (immutable, structurally shared) map from ids to values: a hash array mapped trie. A write
 * copies only the nodes on the path from the root to its entry (at most seven nodes of at most 32 slots), so
 * folding n writes costs O(n), where spreading an id-keyed record on every write costs O(n^2).
 *
 * Keys are stored as data, never as property names, so `__proto__`, `constructor` or `toString` are ids like
 * any other. The trie's shape depends only on the keys it holds, never on the order they came and went in,
 * so two maps with the same entries are deeply equal (`toEqual`), however they were reached.
 */

/** How many hash bits each level of the trie consumes: 32 slots per branch. */
const BITS = 5;
const MASK = (1 << BITS) - 1;

/** One entry. */
export interface IdMapLeaf<V> {
  readonly key: string;
  readonly value: V;
}

/** Two or more entries whose keys hash alike, sorted by key so their order does not depend on history. */
export interface IdMapCollision<V> {
  readonly hash: number;
  readonly leaves: readonly IdMapLeaf<V>[];
}

/**
 * An inner node: bit i of `bitmap` is set when the slot for hash chunk i is taken, and `slots` holds the taken
 * slots in chunk order. Below the root a branch always holds at least two keys that do not all hash alike,
 * which is what makes the shape canonical.
 */
export interface IdMapBranch<V> {
  readonly bitmap: number;
  readonly slots: readonly IdMapSlot<V>[];
}

/** What a branch slot holds. */
export type IdMapSlot<V> = IdMapLeaf<V> | IdMapCollision<V> | IdMapBranch<V>;

/** An immutable map from ids to values; build it with {@link emptyIdMap} and {@link withEntry}. */
export interface IdMap<V> {
  readonly size: number;
  readonly root: IdMapBranch<V>;
}

const EMPTY_BRANCH: IdMapBranch<never> = { bitmap: 0, slots: [] };
const EMPTY: IdMap<never> = { size: 0, root: EMPTY_BRANCH };

/** The map with no entries. */
export const emptyIdMap = <V>(): IdMap<V> => EMPTY;

/**
 * A 32-bit hash of a key: FNV-1a, finished with MurmurHash3's avalanche so that ids differing only in their
 * last characters (`h1`, `h2`...) still spread over the first level's slots. Fixed, never seeded: the trie's
 * shape, and so the equality of folded states, must not change from one process to the next.
 */
const hashOf = (key: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
};

/** The hash chunk that picks a slot at the level whose chunk starts at bit `shift` (0, 5, ... 30). */
const chunkOf = (hash: number, shift: number): number => (hash >>> shift) & MASK;

const popCount = (bits: number): number => {
  let n = bits - ((bits >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
};

/**
 * Where the slot for `chunk` sits in a branch's `slots`: the number of taken slots before it. For chunk 31 the
 * mask is computed as -2^31 - 1, which the bitwise `&` wraps to 0x7fffffff, the mask wanted.
 */
const slotIndex = (bitmap: number, chunk: number): number => popCount(bitmap & ((1 << chunk) - 1));

const isLeaf = <V>(slot: IdMapSlot<V>): slot is IdMapLeaf<V> => 'key' in slot;

const isCollision = <V>(slot: IdMapSlot<V>): slot is IdMapCollision<V> => 'leaves' in slot;

const findLeaf = <V>(root: IdMapBranch<V>, hash: number, key: string): IdMapLeaf<V> | undefined => {
  let slot: IdMapSlot<V> = root;
  // Two keys of different hashes part by bit 31 at the latest, so no branch lies below shift 30.
  for (let shift = 0; ; shift += BITS) {
    if (isLeaf(slot)) return slot.key === key ? slot : undefined;
    if (isCollision(slot)) return slot.leaves.find((leaf) => leaf.key === key);
    const chunk = chunkOf(hash, shift);
    if ((slot.bitmap & (1 << chunk)) === 0) return undefined;
    slot = slot.slots[slotIndex(slot.bitmap, chunk)] as IdMapSlot<V>;
  }
};

/** The value stored under `key`, or undefined. */
export const lookup = <V>(map: IdMap<V>, key: string): V | undefined =>
  findLeaf(map.root, hashOf(key), key)?.value;

/** Whether `key` has an entry (also when its value is undefined). */
export const hasKey = <V>(map: IdMap<V>, key: string): boolean =>
  findLeaf(map.root, hashOf(key), key) !== undefined;

const replaced = <T>(items: readonly T[], index: number, item: T): T[] => {
  const copy = items.slice();
  copy[index] = item;
  return copy;
};

const inserted = <T>(items: readonly T[], index: number, item: T): T[] => [
  ...items.slice(0, index),
  item,
  ...items.slice(index),
];

const removed = <T>(items: readonly T[], index: number): T[] => [
  ...items.slice(0, index),
  ...items.slice(index + 1),
];

/** The collision's leaves with `leaf` put in its key's place, keeping them sorted by key. */
const withLeaf = <V>(leaves: readonly IdMapLeaf<V>[], leaf: IdMapLeaf<V>): IdMapLeaf<V>[] => {
  const at = leaves.findIndex((other) => other.key >= leaf.key);
  if (at === -1) return [...leaves, leaf];
  return (leaves[at] as IdMapLeaf<V>).key === leaf.key
    ? replaced(leaves, at, leaf)
    : inserted(leaves, at, leaf);
};

/** The branch (or chain of branches) that holds two slots of different hashes, from level `shift` down. */
const fork = <V>(
  a: IdMapSlot<V>,
  aHash: number,
  b: IdMapSlot<V>,
  bHash: number,
  shift: number,
): IdMapBranch<V> => {
  const aChunk = chunkOf(aHash, shift);
  const bChunk = chunkOf(bHash, shift);
  if (aChunk === bChunk) return { bitmap: 1 << aChunk, slots: [fork(a, aHash, b, bHash, shift + BITS)] };
  return { bitmap: (1 << aChunk) | (1 << bChunk), slots: aChunk < bChunk ? [a, b] : [b, a] };
};

const insert = <V>(slot: IdMapSlot<V>, shift: number, hash: number, leaf: IdMapLeaf<V>): IdMapSlot<V> => {
  if (isLeaf(slot)) {
    if (slot.key === leaf.key) return leaf;
    const slotHash = hashOf(slot.key);
    if (slotHash === hash) return { hash, leaves: withLeaf([slot], leaf) };
    return fork(slot, slotHash, leaf, hash, shift);
  }
  if (isCollision(slot)) {
    if (slot.hash === hash) return { hash, leaves: withLeaf(slot.leaves, leaf) };
    return fork(slot, slot.hash, leaf, hash, shift);
  }
  const chunk = chunkOf(hash, shift);
  const index = slotIndex(slot.bitmap, chunk);
  if ((slot.bitmap & (1 << chunk)) === 0) {
    return { bitmap: slot.bitmap | (1 << chunk), slots: inserted(slot.slots, index, leaf) };
  }
  const child = slot.slots[index] as IdMapSlot<V>;
  return { bitmap: slot.bitmap, slots: replaced(slot.slots, index, insert(child, shift + BITS, hash, leaf)) };
};

/**
 * A branch below the root that is left with a single leaf or collision is replaced by it, so that the shape
 * after a removal is the one the remaining keys would have been inserted into.
 */
const collapsed = <V>(slot: IdMapSlot<V>): IdMapSlot<V> => {
  if (isLeaf(slot) || isCollision(slot) || slot.slots.length !== 1) return slot;
  const only = slot.slots[0] as IdMapSlot<V>;
  return isLeaf(only) || isCollision(only) ? only : slot;
};

/** `slot` without `key`: the very same slot when the key is absent, undefined when nothing is left. */
const remove = <V>(
  slot: IdMapSlot<V>,
  shift: number,
  hash: number,
  key: string,
): IdMapSlot<V> | undefined => {
  if (isLeaf(slot)) return slot.key === key ? undefined : slot;
  if (isCollision(slot)) {
    const at = slot.leaves.findIndex((leaf) => leaf.key === key);
    if (at === -1) return slot;
    const leaves = removed(slot.leaves, at);
    return leaves.length === 1 ? leaves[0] : { hash: slot.hash, leaves };
  }
  return removeFromBranch(slot, shift, hash, key);
};

const removeFromBranch = <V>(
  branch: IdMapBranch<V>,
  shift: number,
  hash: number,
  key: string,
): IdMapBranch<V> | undefined => {
  const chunk = chunkOf(hash, shift);
  if ((branch.bitmap & (1 << chunk)) === 0) return branch;
  const index = slotIndex(branch.bitmap, chunk);
  const child = branch.slots[index] as IdMapSlot<V>;
  const next = remove(child, shift + BITS, hash, key);
  if (next === child) return branch;
  if (next === undefined) {
    const bitmap = branch.bitmap & ~(1 << chunk);
    return bitmap === 0 ? undefined : { bitmap, slots: removed(branch.slots, index) };
  }
  return { bitmap: branch.bitmap, slots: replaced(branch.slots, index, collapsed(next)) };
};

/** A map with `key` set to `value`; the same map when it already holds exactly that. */
export const withEntry = <V>(map: IdMap<V>, key: string, value: V): IdMap<V> => {
  const hash = hashOf(key);
  const present = findLeaf(map.root, hash, key);
  if (present !== undefined && Object.is(present.value, value)) return map;
  return {
    size: present === undefined ? map.size + 1 : map.size,
    root: insert(map.root, 0, hash, { key, value }) as IdMapBranch<V>,
  };
};

/** A map without `key`; the same map when it has no such entry. */
export const withoutEntry = <V>(map: IdMap<V>, key: string): IdMap<V> => {
  const root = removeFromBranch(map.root, 0, hashOf(key), key);
  if (root === map.root) return map;
  // The root is the one branch never collapsed into its single entry, and an emptied root is the empty one.
  return { size: map.size - 1, root: root ?? EMPTY_BRANCH };
};

function* leavesOf<V>(slot: IdMapSlot<V>): Generator<IdMapLeaf<V>> {
  if (isLeaf(slot)) yield slot;
  else if (isCollision(slot)) yield* slot.leaves;
  else for (const child of slot.slots) yield* leavesOf(child);
}

/** Every entry as `[key, value]`, in an order fixed by the keys' hashes (not by insertion). */
export function* entriesOf<V>(map: IdMap<V>): Generator<readonly [string, V]> {
  for (const leaf of leavesOf(map.root)) yield [leaf.key, leaf.value];
}

/** A map of the given entries; a later entry for the same key wins. */
export const idMapOf = <V>(entries: Iterable<readonly [string, V]>): IdMap<V> => {
  let map = emptyIdMap<V>();
  for (const [key, value] of entries) map = withEntry(map, key, value);
  return map;
};
