/**
 * Histories recorded before event ids became version 8 UUIDs carry ids with a `5` in the version nibble
 * over the same sha256 bits. Such a history must still audit clean, and its ids must still be accepted
 * where ids are checked (the metadata schema, the EventStoreDB id mapping).
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { EventMetadataSchema } from '../../src/domain/shared/events.js';
import { esdbEventId } from '../../src/store/eventstoredb/event-ids.js';
import { buildGovernanceHistory, samplePlan } from './support/governance.js';
import { auditText, exportToText, parseText, rechain, writeText } from './support/history-text.js';

/** The derivation event ids had before: the same bits as today's, labelled version 5. */
const legacyEventId = (commandId: string, streamId: string, index: number): string => {
  const hex = createHash('sha256').update(`${commandId}\u0000${streamId}\u0000${index}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g;
const versionsIn = (text: string): Set<string> => new Set([...text.matchAll(UUID)].map((match) => match[1]!));

/**
 * The history as the previous release would have recorded it: every event id derived the old way, in file
 * order, and every mention of an id (a points award's command id and `verifiedEventId`, a causation id)
 * rewritten to match, then the chain and the trailer recomputed, as that release computed them.
 */
const asRecordedBefore = (text: string): string => {
  const legacy = new Map<string, string>();
  const rename = (line: string): string => line.replace(UUID, (id) => legacy.get(id) ?? id);
  const indexInCommand = new Map<string, number>();
  const events = parseText(text).events.map((event) => {
    const commandId = rename(String(event.metadata.commandId));
    const key = `${commandId}\u0000${event.streamId}`;
    const index = indexInCommand.get(key) ?? 0;
    indexInCommand.set(key, index + 1);
    legacy.set(String(event.metadata.eventId), legacyEventId(commandId, event.streamId, index));
    return JSON.parse(rename(JSON.stringify(event))) as typeof event;
  });
  return writeText(rechain(events), 'recompute');
};

let current: string;
let before: string;
beforeAll(async () => {
  current = await exportToText(await buildGovernanceHistory(samplePlan));
  before = asRecordedBefore(current);
});

describe('a history with version-5-labelled event ids', () => {
  it('is what it claims: every id of the old history is labelled 5, of the current one 8', () => {
    expect(versionsIn(current)).toEqual(new Set(['8']));
    expect(versionsIn(before)).toEqual(new Set(['5']));
    expect(parseText(before).events).toHaveLength(parseText(current).events.length);
  });

  it('audits clean, points awards linked to their verifications included', async () => {
    const result = await auditText(before);
    expect(result.violations).toEqual([]);
    expect(result.summary.events).toBe(parseText(before).events.length);
    expect(before).toContain('"verifiedEventId"');
  });

  it('has ids the metadata schema and the EventStoreDB mapping accept as they are', () => {
    for (const event of parseText(before).events) {
      expect(EventMetadataSchema.safeParse(event.metadata).success).toBe(true);
      const id = String(event.metadata.eventId);
      expect(esdbEventId(id)).toBe(id);
    }
  });
});
