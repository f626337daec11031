import type { HonourTitle } from '../../domain/honours/events.js';
import { compareIds, sortedIds } from '../id-record.js';
import type { HonoursBoardState, PostedHonour } from './projection.js';

/** Which posted honours {@link postedHonours} lists. */
export interface PostedHonoursQuery {
  readonly community?: string;
  readonly title?: HonourTitle;
  /** A period key: `2026-Q2`, `2026-05` or `2026`. */
  readonly period?: string;
}

/**
 * The honours posted, filtered by community, title and period: by period, then title, then rank (quarterly
 * titles) or points, then resident id, as a notice board would show them.
 */
export const postedHonours = (
  board: HonoursBoardState,
  query: PostedHonoursQuery = {},
): readonly PostedHonour[] => {
  const all: PostedHonour[] = [];
  for (const streamId of sortedIds(board.streams)) {
    const stream = board.streams[streamId] ?? {};
    for (const awardId of sortedIds(stream)) {
      const posted = stream[awardId];
      if (posted === undefined) continue;
      const { award } = posted;
      if (query.community !== undefined && award.community !== query.community) continue;
      if (query.title !== undefined && award.title !== query.title) continue;
      if (query.period !== undefined && award.period.key !== query.period) continue;
      all.push(posted);
    }
  }
  const rank = (posted: PostedHonour): number => ('rank' in posted.award.basis ? posted.award.basis.rank : 0);
  return all.sort(
    (a, b) =>
      compareIds(a.award.period.key, b.award.period.key) ||
      compareIds(a.award.title, b.award.title) ||
      rank(a) - rank(b) ||
      b.award.basis.points - a.award.basis.points ||
      compareIds(a.award.residentId, b.award.residentId),
  );
};
