import type { SubscriptionFilter } from '../event-store.js';
import type { EsdbFilter } from './client-like.js';

// The client's default: the server sends a checkpoint every 32 events it scans and filters out.
const CHECKPOINT_INTERVAL = 1;

/**
 * The server-side filter for a port subscription filter. The server filters on one thing only, so it gets
 * the stream prefixes when there are any, else the event types (as prefixes, a superset of exact types),
 * else "no system events" (`$`-prefixed types). The adapter still checks the full port filter on every event
 * it receives, so the server's filter only saves traffic and never decides alone.
 */
export const serverFilterFor = (filter: SubscriptionFilter | undefined): EsdbFilter => {
  const prefixes = filter?.streamPrefixes;
  if (prefixes !== undefined && prefixes.length > 0) {
    return { filterOn: 'streamName', prefixes: [...prefixes], checkpointInterval: CHECKPOINT_INTERVAL };
  }
  const types = filter?.eventTypes;
  if (types !== undefined && types.length > 0) {
    return { filterOn: 'eventType', prefixes: [...types], checkpointInterval: CHECKPOINT_INTERVAL };
  }
  return { filterOn: 'eventType', regex: '^[^$].*', checkpointInterval: CHECKPOINT_INTERVAL };
};
