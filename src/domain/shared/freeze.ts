/**
 * Freezes a value and everything reachable from it, and returns it. A subtree already frozen is taken to be
 * frozen all the way down (as immer leaves its states), so freezing a large state that shares most of its
 * structure with an older one costs only its new parts.
 */
export const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
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
  } else if (prototype !== Object.prototype && prototype !== null) {
    return false;
  }
  for (const inner of Object.values(value)) if (!isDeepFrozenData(inner)) return false;
  return true;
};
