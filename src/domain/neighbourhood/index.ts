/** The Neighbourhood aggregate: one community (社区) with its unit tree, leaders and household register. */
export {
  createNeighbourhoodAggregate,
  neighbourhoodAggregate,
  type NeighbourhoodAggregate,
} from './aggregate.js';
export { mayEstablish, mayKeepHouseholds, mayKeepSomeHouseholds, mayManage } from './authorisation.js';
export {
  neighbourhoodCommandSchemas,
  neighbourhoodCommands,
  type NeighbourhoodCommand,
  type NeighbourhoodCommandInput,
  type NeighbourhoodCommandOf,
  type NeighbourhoodCommandSchemas,
} from './commands.js';
export {
  DEFAULT_MAX_HOUSEHOLDS_PER_GROUP,
  createNeighbourhoodDecider,
  type NeighbourhoodConfig,
  type NeighbourhoodDecider,
} from './decider.js';
export {
  PlaceNameSchema,
  NeighbourhoodReasonSchema,
  neighbourhoodEventSchemas,
  neighbourhoodEvents,
  type NeighbourhoodEvent,
  type NeighbourhoodEventOf,
  type NeighbourhoodEventSchemas,
} from './events.js';
export { evolveNeighbourhood } from './evolve.js';
export {
  LEADER_ROLES,
  LeaderRoleSchema,
  PARENT_LEVEL,
  ROLE_LEVEL,
  TREE_DEPTH,
  UNIT_LEVELS,
  UnitLevelSchema,
  isSharedRole,
  type LeaderRole,
  type TreeLevel,
  type UnitLevel,
} from './hierarchy.js';
export {
  groupSize,
  householdGroup,
  initialNeighbourhoodState,
  isEstablished,
  seatHolders,
  type EstablishedNeighbourhood,
  type LeaderSeats,
  type NeighbourhoodState,
  type NeighbourhoodUnit,
  type UnestablishedNeighbourhood,
} from './state.js';
export { gridOf, levelOf, scopePath, unitLocation, unitPath } from './tree.js';
export {
  decideOwners,
  evolveOwners,
  isRegisteredOwner,
  ownerCount,
  ownerKey,
  ownersOf,
  type OwnerCommand,
  type OwnerEvent,
} from './owners.js';
export { ownerCommandSchemas, ownerEventSchemas } from './owners-schemas.js';
export { namedPlace, placeCommunity, placeMismatch, type NamedPlace } from './places.js';
