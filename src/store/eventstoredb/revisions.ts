import type { ActualRevision, ExpectedRevision } from '../event-store.js';
import type { EsdbExpectedRevision } from './client-like.js';

/** The client's spelling of a port expected revision. */
export const toEsdbExpectedRevision = (expected: ExpectedRevision): EsdbExpectedRevision => {
  if (expected === 'no-stream') return 'no_stream';
  if (expected === 'stream-exists') return 'stream_exists';
  return expected;
};

/** The port's actual revision from what the client reports (`'no_stream'`, -1 or a revision). */
export const toActualRevision = (actual: unknown): ActualRevision =>
  typeof actual === 'bigint' && actual >= 0n ? actual : 'no-stream';
