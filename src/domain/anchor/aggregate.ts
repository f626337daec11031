import type { Aggregate } from '../../commands/aggregate.js';
import { anchorStream } from '../shared/ids.js';
import { anchorCommands, type anchorCommandSchemas } from './commands.js';
import { anchorDecider } from './decider.js';
import { anchorEvents, type anchorEventSchemas } from './events.js';
import type { AnchorState } from './state.js';

/** The HistoryAnchors aggregate as the command handler runs it. */
export type AnchorAggregate = Aggregate<typeof anchorCommandSchemas, typeof anchorEventSchemas, AnchorState>;

/** HistoryAnchors have no decider configuration: how often to anchor is the anchorer's (`anchorEvery`). */
export type AnchorConfig = Readonly<Record<string, never>>;

/** Builds the HistoryAnchors aggregate (stream `anchor-<ledger>`). */
export const createAnchorAggregate = (_config: AnchorConfig = {}): AnchorAggregate => ({
  name: 'HistoryAnchors',
  commands: anchorCommands,
  events: anchorEvents,
  decider: anchorDecider,
  streamId: (command) => anchorStream(command.data.ledger),
  recordedBy: { HistoryAnchored: 'AnchorHistory' },
});

/** The HistoryAnchors aggregate. */
export const anchorAggregate: AnchorAggregate = createAnchorAggregate();
