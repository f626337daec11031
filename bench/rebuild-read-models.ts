import { isLeft } from 'fp-ts/lib/Either.js';
import type { Recorded } from '../src/commands/aggregate.js';
import { readHistory } from '../src/audit/read-history.js';
import { linliEventParser, type LinliEvent } from '../src/domain/linli.js';
import { directoryProjection } from '../src/projections/directory/projection.js';
import { honourRollProjection } from '../src/projections/honour-roll/projection.js';
import { pointsLedgerProjection } from '../src/projections/points-ledger/projection.js';
import { problemLedgerProjection } from '../src/projections/problem-ledger/projection.js';
import { ScratchFold, type Projection } from '../src/projections/projection.js';
import { resolutionStatsProjection } from '../src/projections/resolution-stats/projection.js';
import { taskBoardProjection } from '../src/projections/task-board/projection.js';
import { fundsProjection } from '../src/projections/funds/projection.js';

type AnyReadModel = Projection<Recorded<LinliEvent>, unknown>;

/** Forgets a read model's state type, so that models of different states fold side by side. */
const erase = <S>(model: Projection<Recorded<LinliEvent>, S>): AnyReadModel =>
  model as unknown as AnyReadModel;

/** Every read model linli ships, each a fold over every linli event. */
export const READ_MODELS: readonly AnyReadModel[] = [
  erase(resolutionStatsProjection),
  erase(problemLedgerProjection),
  erase(pointsLedgerProjection),
  erase(honourRollProjection),
  erase(taskBoardProjection),
  erase(directoryProjection),
  erase(fundsProjection),
];

/** Events per immer draft, as the projection runner batches them by default. */
const BATCH = 1_000;

/** What a rebuild read and built. */
export interface Rebuilt {
  readonly events: number;
  readonly states: readonly unknown[];
}

/**
 * Rebuilds every read model from a JSON Lines history in one streaming pass: each line read by the history
 * reader (which also checks the trailer's digest and count), each event parsed by its aggregate's catalogue
 * (metadata and data: events read from a file are never trusted), then applied to every read model in
 * batches, each folded in place by a ScratchFold (as the projection runner rebuilds). Throws on the first
 * event that does not parse.
 */
export const rebuildReadModels = async (file: string): Promise<Rebuilt> => {
  const parse = linliEventParser();
  const reader = readHistory(file);
  const folds = READ_MODELS.map((model) => new ScratchFold(model));
  let batch: Recorded<LinliEvent>[] = [];
  let events = 0;
  const flush = (): void => {
    for (const fold of folds) fold.apply(batch);
    batch = [];
  };
  for await (const entries of reader.batches()) {
    for (const { event, line } of entries) {
      const parsed = parse(event);
      if (isLeft(parsed)) throw new Error(`line ${line}: ${parsed.left.message}`);
      batch.push(parsed.right);
      events += 1;
      if (batch.length >= BATCH) flush();
    }
  }
  flush();
  const [violation] = reader.integrity.violations;
  if (violation !== undefined) throw new Error(`the history is not intact: ${violation.message}`);
  return { events, states: folds.map((fold) => fold.finish()) };
};
