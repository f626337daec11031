import type { Aggregate } from '../../commands/aggregate.js';
import { neighbourhoodStream } from '../shared/ids.js';
import { neighbourhoodCommands, type NeighbourhoodCommandSchemas } from './commands.js';
import { createNeighbourhoodDecider, type NeighbourhoodConfig } from './decider.js';
import { neighbourhoodEvents, type NeighbourhoodEventSchemas } from './events.js';
import type { NeighbourhoodState } from './state.js';

/** The Neighbourhood aggregate's type. */
export type NeighbourhoodAggregate = Aggregate<
  NeighbourhoodCommandSchemas,
  NeighbourhoodEventSchemas,
  NeighbourhoodState
>;

/** Builds the Neighbourhood aggregate (one stream per community) with the given tunables. */
export const createNeighbourhoodAggregate = (config: NeighbourhoodConfig = {}): NeighbourhoodAggregate => ({
  name: 'Neighbourhood',
  commands: neighbourhoodCommands,
  events: neighbourhoodEvents,
  decider: createNeighbourhoodDecider(config),
  streamId: (command) => neighbourhoodStream(command.data.neighbourhoodId),
  recordedBy: {
    NeighbourhoodEstablished: 'EstablishNeighbourhood',
    UnitAdded: 'AddUnit',
    LeaderAppointed: 'AppointLeader',
    LeaderStoodDown: 'StandDownLeader',
    HouseholdRegistered: 'RegisterHousehold',
    HouseholdMoved: 'MoveHousehold',
    HouseholdDeregistered: 'DeregisterHousehold',
    OwnerRegistered: 'RegisterOwner',
    OwnerDeregistered: 'DeregisterOwner',
  },
});

/** The Neighbourhood aggregate with the default capacity of 20 households per neighbour group. */
export const neighbourhoodAggregate: NeighbourhoodAggregate = createNeighbourhoodAggregate();
