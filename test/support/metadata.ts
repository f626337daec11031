import type { EventMetadata } from '../../src/domain/shared/events.js';

/** Well-formed metadata of a recorded event, as the handler writes it (the hash is a placeholder). */
export const SAMPLE_METADATA: EventMetadata = Object.freeze({
  eventId: 'evt-1',
  occurredAt: '2026-03-01T08:00:00.000Z',
  actor: Object.freeze({ id: 'grid-worker-7', role: 'grid-worker' as const }),
  commandId: 'cmd-1',
  correlationId: 'cmd-1',
  causationId: 'cmd-0',
  schemaVersion: 1,
  previousHash: '0'.repeat(64),
  hash: 'ab'.repeat(32),
});

const { hash: _placeholder, ...unhashed } = SAMPLE_METADATA;

/** {@link SAMPLE_METADATA} before its hash is computed: what the chain hash covers. */
export const SAMPLE_METADATA_UNHASHED: Omit<EventMetadata, 'hash'> = unhashed;
