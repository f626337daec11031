import { compareIds, entryOf } from '../id-record.js';
import type { DirectorySeat, DirectoryState } from './state.js';

/** Every seat a person holds, ordered by community, unit and role. */
export const seatsOf = (state: DirectoryState, personId: string): readonly DirectorySeat[] =>
  Object.values(entryOf(state.seats, personId) ?? {}).sort(
    (a, b) =>
      compareIds(a.communityId, b.communityId) ||
      compareIds(a.unitId, b.unitId) ||
      compareIds(a.role, b.role),
  );

/**
 * The unit ids where a person holds a leader role (the community id for a secretary), sorted and without
 * repeats: the `scope` of the actor a host builds for them. Empty for someone who leads nothing.
 */
export const scopeOf = (state: DirectoryState, personId: string): readonly string[] =>
  [...new Set(seatsOf(state, personId).map((seat) => seat.unitId))].sort(compareIds);
