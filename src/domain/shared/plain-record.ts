/** True when `value` is a non-null object and not an array (what a zod object schema starts by checking). */
export const isPlainRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
