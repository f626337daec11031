/**
 * The neighbourhood directory: every community's unit tree, leaders and households, and the lookups hosts use
 * to authorise commands (an actor's scope) and to stamp a report with its street / community / grid path.
 */
export { directoryProjection } from './projection.js';
export {
  communitiesOfStreet,
  communityEntry,
  groupOfHousehold,
  householdCountOf,
  householdsOf,
  leadersInRole,
  leadersOf,
  unitTree,
  type DirectoryTreeNode,
} from './queries.js';
export { scopeOf, seatsOf } from './scope.js';
export {
  initialDirectoryState,
  type DirectoryCommunity,
  type DirectorySeat,
  type DirectorySeats,
  type DirectoryState,
  type DirectoryUnit,
} from './state.js';
export { communityOfUnit, unitChain, unitPathOf } from './unit-path.js';
