import type { Recorded } from '../commands/aggregate.js';
import type { LinliEvent } from '../domain/linli.js';
import { combineProjections, type ProjectionsOf } from './combine.js';
import { directoryProjection } from './directory/projection.js';
import type { DirectoryState } from './directory/state.js';
import { honourRollProjection } from './honour-roll/projection.js';
import type { HonourRollState } from './honour-roll/state.js';
import { pointsLedgerProjection } from './points-ledger/projection.js';
import type { PointsLedgerState } from './points-ledger/state.js';
import { problemLedgerProjection, type ProblemLedgerState } from './problem-ledger/projection.js';
import { resolutionStatsProjection, type ResolutionStatsState } from './resolution-stats/projection.js';
import { taskBoardProjection } from './task-board/projection.js';
import type { TaskBoardState } from './task-board/state.js';
import { deliberationProjection } from './deliberation/projection.js';
import type { DeliberationState } from './deliberation/state.js';
import { fundsProjection } from './funds/projection.js';
import type { FundsState } from './funds/state.js';
import { organisationRegisterProjection } from './organisations/projection.js';
import type { OrganisationRegisterState } from './organisations/state.js';
import { responsibilityProjection } from './responsibility/projection.js';
import type { ResponsibilityState } from './responsibility/state.js';
import { honoursBoardProjection, type HonoursBoardState } from './honours/projection.js';

/** The state of every read model (query each with the functions its module exports). */
export interface ReadModels {
  readonly resolutionStats: ResolutionStatsState;
  readonly problemLedger: ProblemLedgerState;
  readonly pointsLedger: PointsLedgerState;
  readonly taskBoard: TaskBoardState;
  readonly honourRoll: HonourRollState;
  readonly directory: DirectoryState;
  readonly deliberation: DeliberationState;
  readonly funds: FundsState;
  readonly organisations: OrganisationRegisterState;
  readonly responsibility: ResponsibilityState;
  readonly honoursBoard: HonoursBoardState;
}

/** Every read model linli keeps, under the name of its state in {@link ReadModels}. */
export const readModelProjections: ProjectionsOf<Recorded<LinliEvent>, ReadModels> = {
  resolutionStats: resolutionStatsProjection,
  problemLedger: problemLedgerProjection,
  pointsLedger: pointsLedgerProjection,
  taskBoard: taskBoardProjection,
  honourRoll: honourRollProjection,
  directory: directoryProjection,
  deliberation: deliberationProjection,
  funds: fundsProjection,
  organisations: organisationRegisterProjection,
  responsibility: responsibilityProjection,
  honoursBoard: honoursBoardProjection,
};

/** All the read models as one projection: one pass over the log keeps every one of them. */
export const readModelsProjection = combineProjections('linli-read-models', readModelProjections);
