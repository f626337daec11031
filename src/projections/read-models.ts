import type { Recorded } from '../commands/aggregate.js';
import type { LinliEvent } from '../domain/linli.js';
import { combineProjections, type ProjectionsOf } from './combine.js';
import { problemLedgerProjection, type ProblemLedgerState } from './problem-ledger/projection.js';
import { resolutionStatsProjection, type ResolutionStatsState } from './resolution-stats/projection.js';

/** The state of every read model (query each with the functions its module exports). */
export interface ReadModels {
  readonly resolutionStats: ResolutionStatsState;
  readonly problemLedger: ProblemLedgerState;
}

/** Every read model linli keeps, under the name of its state in {@link ReadModels}. */
export const readModelProjections: ProjectionsOf<Recorded<LinliEvent>, ReadModels> = {
  resolutionStats: resolutionStatsProjection,
  problemLedger: problemLedgerProjection,
};

/** All the read models as one projection: one pass over the log keeps every one of them. */
export const readModelsProjection = combineProjections('linli-read-models', readModelProjections);
