import type { Aggregate } from '../../commands/aggregate.js';
import { pointsStream } from '../shared/ids.js';
import { pointsCommands, type pointsCommandSchemas } from './commands.js';
import { createPointsDecider, type PointsConfig } from './decider.js';
import { pointsEvents, type pointsEventSchemas } from './events.js';
import type { ResidentPointsState } from './state.js';

/** The ResidentPoints aggregate as the command handler runs it. */
export type ResidentPointsAggregate = Aggregate<
  typeof pointsCommandSchemas,
  typeof pointsEventSchemas,
  ResidentPointsState
>;

/** Builds the ResidentPoints aggregate (stream `points-<residentId>`) for a community's configuration. */
export const createResidentPointsAggregate = (config: PointsConfig = {}): ResidentPointsAggregate => ({
  name: 'ResidentPoints',
  commands: pointsCommands,
  events: pointsEvents,
  decider: createPointsDecider(config),
  streamId: (command) => pointsStream(command.data.residentId),
  recordedBy: {
    PointsEarned: 'AwardPoints',
    PointsRedeemed: 'RedeemPoints',
    PointsAdjusted: 'AdjustPoints',
  },
});

/** The ResidentPoints aggregate with redemption always open. */
export const residentPointsAggregate: ResidentPointsAggregate = createResidentPointsAggregate();
