import { isPlainRecord } from '../domain/shared/plain-record.js';

/**
 * The paths (`data.reporter.phone`, `data.media[0].name`) of every field in `raw` that the schema's output
 * `parsed` does not have: zod objects drop unknown keys without a word, so a name or a phone number added to
 * an event would otherwise pass the audit unseen. Compares only what both hold; the schema judged the rest.
 */
export const unknownFields = (raw: unknown, parsed: unknown, path = 'data'): string[] => {
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    return raw.flatMap((item, i) => unknownFields(item, parsed[i], `${path}[${i}]`));
  }
  if (!isPlainRecord(raw) || !isPlainRecord(parsed)) return [];
  const found: string[] = [];
  for (const key of Object.keys(raw)) {
    if (!Object.hasOwn(parsed, key)) found.push(`${path}.${key}`);
    else found.push(...unknownFields(raw[key], parsed[key], `${path}.${key}`));
  }
  return found;
};
