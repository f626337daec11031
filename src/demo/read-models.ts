import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import type { Recorded } from '../commands/aggregate.js';
import { parseRecorded } from '../commands/parse-recorded.js';
import type { LinliAggregates, LinliEvent } from '../domain/linli.js';
import type { ProblemEvent } from '../domain/problem/events.js';
import type { DomainError } from '../domain/shared/errors.js';
import { honourRollProjection } from '../projections/honour-roll/projection.js';
import type { HonourRollState } from '../projections/honour-roll/state.js';
import { pointsLedgerProjection } from '../projections/points-ledger/projection.js';
import type { PointsLedgerState } from '../projections/points-ledger/state.js';
import { ScratchFold } from '../projections/projection.js';
import {
  resolutionStatsProjection,
  type ResolutionStatsState,
} from '../projections/resolution-stats/projection.js';
import type { EventStore } from '../store/event-store.js';

/** The read models the demo's report is drawn from, rebuilt from the recorded history. */
export interface DemoReadModels {
  readonly resolutionStats: ResolutionStatsState;
  readonly pointsLedger: PointsLedgerState;
  readonly honourRoll: HonourRollState;
  /** How many events of each type the history holds. */
  readonly eventTypes: Readonly<Record<string, number>>;
  readonly events: number;
}

/** Events per immer draft: each draft copies the read models' top-level records once, so fewer, larger ones. */
const BATCH = 20_000;

/** The parsed event, or a throw: the demo wrote every event itself, so an unreadable one is a bug. */
const parsedOrThrow = <E>(parsed: Either<DomainError, E>): E => {
  if (isLeft(parsed)) throw new Error(`the demo recorded an unreadable event: ${parsed.left.message}`);
  return parsed.right;
};

/**
 * Rebuilds the resolution statistics, the points ledger and the honour roll in one pass over the store's
 * log, parsing each event once (as a host reading its store would: never trusting it), and counts the event
 * types on the way.
 * @throws Error for an event that does not parse: the demo wrote it, so that would be a bug.
 */
export const rebuildReadModels = async (
  store: EventStore,
  aggregates: LinliAggregates,
): Promise<DemoReadModels> => {
  const eventTypes: Record<string, number> = {};
  const resolutionStats = new ScratchFold(resolutionStatsProjection);
  const pointsLedger = new ScratchFold(pointsLedgerProjection);
  const honourRoll = new ScratchFold(honourRollProjection);
  let problems: Recorded<ProblemEvent>[] = [];
  let others: Recorded<LinliEvent>[] = [];
  let events = 0;
  const flush = (): void => {
    resolutionStats.apply(problems);
    pointsLedger.apply(others);
    honourRoll.apply(others);
    problems = [];
    others = [];
  };
  for await (const raw of store.readAll()) {
    events += 1;
    eventTypes[raw.type] = (eventTypes[raw.type] ?? 0) + 1;
    // Only problems, tasks and points feed the three read models; the register's events are only counted.
    if (raw.streamId.startsWith('problem-')) {
      problems.push(parsedOrThrow(parseRecorded(aggregates.problem.events, raw)));
    } else if (raw.streamId.startsWith('task-')) {
      others.push(parsedOrThrow(parseRecorded(aggregates.task.events, raw)));
    } else if (raw.streamId.startsWith('points-')) {
      others.push(parsedOrThrow(parseRecorded(aggregates.points.events, raw)));
    }
    if (problems.length + others.length >= BATCH) flush();
  }
  flush();
  return {
    resolutionStats: resolutionStats.finish(),
    pointsLedger: pointsLedger.finish(),
    honourRoll: honourRoll.finish(),
    eventTypes,
    events,
  };
};
