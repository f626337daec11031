/**
 * Freezes a value and everything reachable from it, and returns it. A subtree already frozen is taken to be
 * frozen all the way down (as immer leaves its states), so freezing a large state that shares most of its
 * structure with an older one costs only its new parts.
 */
export const deepFreeze = <T>(value: T): T => {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  // Walked without Object.values: a rebuilt read model has millions of nodes, and an array per node
  // made freezing one cost seconds.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  } else {
    const record = value as Readonly<Record<string, unknown>>;
    for (const key in record) if (Object.hasOwn(record, key)) deepFreeze(record[key]);
  }
  return value;
};

/**
 * True when `value` is JSON-shaped data (plain objects, arrays, primitives) frozen all the way down, checked
 * node by node: such a value can be shared as it is, since no one can change it.
 */
export const isDeepFrozenData = (value: unknown): boolean => {
  if (typeof value !== 'object' || value === null) return true;
  if (!Object.isFrozen(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (Array.isArray(value)) {
    if (prototype !== Array.prototype) return false;
    for (let i = 0; i < value.length; i++) if (!isDeepFrozenData(value[i])) return false;
    return true;
  }
  if (prototype !== Object.prototype && prototype !== null) return false;
  const record = value as Readonly<Record<string, unknown>>;
  for (const key in record) if (Object.hasOwn(record, key) && !isDeepFrozenData(record[key])) return false;
  return true;
};
