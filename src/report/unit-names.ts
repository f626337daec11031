import { communityEntry, unitTree } from '../projections/directory/queries.js';
import type { DirectoryState } from '../projections/directory/state.js';

/** A community's name in the directory, or undefined when the history never established it. */
export const communityName = (directory: DirectoryState, community: string): string | undefined =>
  communityEntry(directory, community)?.name;

/** A grid's name in the directory, or undefined when the community has no such grid or it has no name. */
export const gridName = (directory: DirectoryState, community: string, grid: string): string | undefined =>
  // The grid is the root of the subtree asked for: a grid's subtree is small (its lanes and groups).
  unitTree(directory, community, grid)?.name;

/** `name` as an optional field, so a unit without a name has no `name` key at all (not `undefined`). */
export const withName = (name: string | undefined): { name?: string } => (name === undefined ? {} : { name });
