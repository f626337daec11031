/** The read models folded straight from a store, without the report's reader: the figures to check against. */
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Recorded } from '../../../src/commands/aggregate.js';
import type { Governance } from '../../../src/commands/governance.js';
import { linliEventParser } from '../../../src/domain/linli.js';
import type { ProblemEvent } from '../../../src/domain/problem/events.js';
import {
  problemLedgerProjection,
  type ProblemLedgerState,
} from '../../../src/projections/problem-ledger/projection.js';
import { project } from '../../../src/projections/projection.js';
import {
  resolutionStatsProjection,
  type ResolutionStatsState,
} from '../../../src/projections/resolution-stats/projection.js';

/** The two read models the report draws on, and the latest `occurredAt` of the store. */
export interface StoreModels {
  readonly stats: ResolutionStatsState;
  readonly ledger: ProblemLedgerState;
  readonly lastEventAt: string;
}

/** Folds a governance store's problem events into the resolution statistics and the problem ledger. */
export const foldStore = async (governance: Governance): Promise<StoreModels> => {
  const parse = linliEventParser(governance.aggregates);
  const problems: Recorded<ProblemEvent>[] = [];
  let lastEventAt = '';
  for await (const raw of governance.store.readAll()) {
    const parsed = parse(raw);
    if (isLeft(parsed)) throw new Error(parsed.left.message);
    if (lastEventAt === '' || Date.parse(raw.metadata.occurredAt) > Date.parse(lastEventAt)) {
      lastEventAt = raw.metadata.occurredAt;
    }
    if (raw.streamId.startsWith('problem-')) problems.push(parsed.right as Recorded<ProblemEvent>);
  }
  return {
    stats: project(resolutionStatsProjection, problems),
    ledger: project(problemLedgerProjection, problems),
    lastEventAt,
  };
};
