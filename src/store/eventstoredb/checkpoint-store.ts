import { randomUUID } from 'node:crypto';
import type { CheckpointStore } from '../checkpoint-store.js';
import type { EsdbClientLike, EsdbResolvedEvent } from './client-like.js';
import { isStreamNotFound } from './errors.js';

/** The stream that holds a projection's checkpoints. */
export const checkpointStream = (name: string): string => `linli-checkpoint-${name}`;

/**
 * The event type of a checkpoint. The `$` prefix marks it as a system event by EventStoreDB's convention, so
 * the event store's `readAll` and subscriptions (and `excludeSystemEvents()` readers) never hand checkpoints
 * to a projection, while the stream itself stays an ordinary user stream under ordinary access rules.
 */
export const CHECKPOINT_EVENT_TYPE = '$linli-checkpoint';

// Old checkpoints are garbage: the stream's $maxCount lets scavenging drop all but the last few.
const KEPT_CHECKPOINTS = 10;

const parsePosition = (data: unknown): bigint | undefined => {
  const position = (data as { position?: unknown } | null)?.position;
  return typeof position === 'string' && /^-?\d+$/.test(position) ? BigInt(position) : undefined;
};

/**
 * Projection checkpoints in EventStoreDB, beside the events: each save appends `{ position }` (a decimal
 * string, JSON has no bigint) to `linli-checkpoint-<name>`, and load reads the last one backwards.
 */
export class EventStoreDbCheckpointStore implements CheckpointStore {
  /** Uses the client of the event store (the store owns and disposes of it). */
  constructor(private readonly client: EsdbClientLike) {}

  /** The last saved position of a projection, or undefined when it never saved one. */
  async load(name: string): Promise<bigint | undefined> {
    const last: EsdbResolvedEvent[] = [];
    try {
      // Read to the end rather than return from inside the loop: a read abandoned half-way is never
      // finished, and the client's dispose() would wait for it forever.
      for await (const resolved of this.client.readStream(checkpointStream(name), {
        fromRevision: 'end',
        direction: 'backwards',
        maxCount: 1,
      })) {
        last.push(resolved);
      }
    } catch (error) {
      if (isStreamNotFound(error)) return undefined;
      throw error;
    }
    return parsePosition(last[0]?.event?.data);
  }

  /** Appends a checkpoint; the first save of a projection also caps the stream's length. */
  async save(name: string, position: bigint): Promise<void> {
    const stream = checkpointStream(name);
    const result = await this.client.appendToStream(stream, [
      {
        id: randomUUID(),
        contentType: 'application/json',
        type: CHECKPOINT_EVENT_TYPE,
        data: { position: position.toString() },
        metadata: undefined,
      },
    ]);
    if (result.nextExpectedRevision === 0n) {
      await this.client.appendToStream(`$$${stream}`, [
        {
          id: randomUUID(),
          contentType: 'application/json',
          type: '$metadata',
          data: { $maxCount: KEPT_CHECKPOINTS },
          metadata: undefined,
        },
      ]);
    }
  }
}
