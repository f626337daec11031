/**
 * Freezes a JSON-shaped value (objects' own enumerable properties, arrays' elements) and everything
 * reachable from it, and returns it. A subtree already frozen is taken to be frozen all the way down (as
 * immer leaves its states), so freezing a large state that shares most of its structure with an older one
 * costs only its new parts. Typed arrays cannot be frozen and are left as they are.
 */
export const deepFreeze = <T>(value: T): T => {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  if (ArrayBuffer.isView(value)) return value;
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
 * True when `value` is JSON-shaped data (plain objects, arrays without named properties, primitives) frozen
 * all the way down, checked node by node: such a value can be shared as it is, since no one can change it.
 * Properties are read as data: a getter is not JSON, and data with getters is not JSON-shaped to begin with.
 */
export const isDeepFrozenData = (value: unknown): boolean => {
  if (typeof value !== 'object' || value === null) return true;
  if (!Object.isFrozen(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (Array.isArray(value)) {
    // Named properties on an array are not JSON; such an array is copied (and they are dropped), not shared.
    if (prototype !== Array.prototype || Object.keys(value).length !== value.length) return false;
    for (let i = 0; i < value.length; i++) if (!isDeepFrozenData(value[i])) return false;
    return true;
  }
  if (prototype !== Object.prototype && prototype !== null) return false;
  const record = value as Readonly<Record<string, unknown>>;
  for (const key in record) if (Object.hasOwn(record, key) && !isDeepFrozenData(record[key])) return false;
  return true;
};
