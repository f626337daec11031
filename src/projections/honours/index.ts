/** Honours as posted (the honours board) and the candidates the honour roll puts forward, with their basis. */
export {
  DEFAULT_TITLE_PLACES,
  honourBasis,
  honourCandidates,
  type BasisQuery,
  type CandidatesQuery,
  type HonourBasis,
  type HonourCandidate,
} from './basis.js';
export {
  emptyHonoursBoard,
  honoursBoardProjection,
  type HonoursBoardState,
  type PostedHonour,
} from './projection.js';
export { postedHonours, type PostedHonoursQuery } from './queries.js';
