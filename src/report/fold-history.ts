import { isLeft } from 'fp-ts/lib/Either.js';
import type { Recorded } from '../commands/aggregate.js';
import { readHistory, type HistorySource } from '../audit/read-history.js';
import {
  createLinliAggregates,
  linliEventParser,
  STREAM_PREFIXES,
  type LinliConfig,
  type LinliEvent,
} from '../domain/linli.js';
import type { ProblemEvent } from '../domain/problem/events.js';
import { toMillis } from '../domain/shared/time.js';
import { directoryProjection } from '../projections/directory/projection.js';
import { deliberationProjection } from '../projections/deliberation/projection.js';
import { createHonourRollProjection } from '../projections/honour-roll/projection.js';
import { honoursBoardProjection } from '../projections/honours/projection.js';
import { pointsLedgerProjection } from '../projections/points-ledger/projection.js';
import { problemLedgerProjection } from '../projections/problem-ledger/projection.js';
import { ScratchFold } from '../projections/projection.js';
import { DEFAULT_TIME_ZONE } from '../projections/resolution-stats/calendar.js';
import { resolutionStatsProjection } from '../projections/resolution-stats/projection.js';
import { fundsProjection } from '../projections/funds/projection.js';
import { responsibilityProjection } from '../projections/responsibility/projection.js';
import type { ReportStates } from './report-figures.js';
import type { HistoryFacts, SkippedEvent } from './report-data.js';

/** Options of {@link foldHistory}. */
export interface FoldHistoryOptions {
  /** The aggregates' configuration the history was recorded with (upcasters, schemas); defaults otherwise. */
  readonly config?: LinliConfig;
  /** The IANA time zone the honour roll cuts its months in (the report's); Asia/Shanghai when omitted. */
  readonly timeZone?: string;
  /**
   * Problem events per immer draft. Default 10,000: every draft copies the read models' maps of problems
   * once, so a few large batches cost less than many small ones; the result is the same either way.
   */
  readonly batchSize?: number;
  /** Called after every event read, with the events and bytes read so far (for progress bars). */
  readonly onProgress?: (progress: { readonly events: number; readonly bytes: number }) => void;
}

/** The read models a history folds into, with the latest instant it records and what it says of itself. */
export interface FoldedHistory extends ReportStates {
  /** The latest `occurredAt` of the events that parsed; undefined when none did. */
  readonly lastEventAt: string | undefined;
  readonly facts: HistoryFacts;
}

/** How many skipped events the report names; the rest are only counted. */
const SKIPPED_NAMED = 5;

// The parser checks each event belongs to its stream's aggregate, so a problem stream holds problem events.
const isProblemEvent = (event: Recorded<LinliEvent>): event is Recorded<ProblemEvent> =>
  event.streamId.startsWith(STREAM_PREFIXES.problem);

/**
 * Streams a history file once, in constant memory apart from the read models: every event is parsed as a
 * linli event (never trusted); the problem events are folded into the resolution statistics and the
 * problem ledger, the others into the points ledger, the honour roll and the neighbourhood directory, in
 * batches, as the projection runner would. An event that does not parse is left out and
 * counted; the trailer's verdict is kept. Neither stops the report: `linli audit` is the tool to judge them.
 * @throws HistoryReadError when the file cannot be read as a history at all.
 */
export const foldHistory = async (
  source: HistorySource,
  options: FoldHistoryOptions = {},
): Promise<FoldedHistory> => {
  const parse = linliEventParser(createLinliAggregates(options.config));
  const batchSize = options.batchSize ?? 10_000;
  const resolutionStats = new ScratchFold(resolutionStatsProjection);
  const problemLedger = new ScratchFold(problemLedgerProjection);
  const pointsLedger = new ScratchFold(pointsLedgerProjection);
  const honourRoll = new ScratchFold(
    createHonourRollProjection({ timeZone: options.timeZone ?? DEFAULT_TIME_ZONE }),
  );
  const directory = new ScratchFold(directoryProjection);
  const deliberation = new ScratchFold(deliberationProjection);
  const funds = new ScratchFold(fundsProjection);
  const responsibility = new ScratchFold(responsibilityProjection);
  const honoursBoard = new ScratchFold(honoursBoardProjection);
  let batch: Recorded<ProblemEvent>[] = [];
  // Points, task and neighbourhood events: each of their folds skips the types it does not keep.
  let others: Recorded<LinliEvent>[] = [];
  const flush = (): void => {
    resolutionStats.apply(batch);
    problemLedger.apply(batch);
    responsibility.apply(batch);
    pointsLedger.apply(others);
    honourRoll.apply(others);
    directory.apply(others);
    // Problem events too: the calendar and the closed loop need each problem's referral and settlement.
    deliberation.apply(batch);
    deliberation.apply(others);
    funds.apply(others);
    honoursBoard.apply(others);
    batch = [];
    others = [];
  };
  let lastEventAt: string | undefined;
  let lastMillis = Number.NEGATIVE_INFINITY;
  let read = 0;
  let skipped = 0;
  const firstSkipped: SkippedEvent[] = [];
  const reader = readHistory(source);
  for await (const entries of reader.batches()) {
    for (const { line, event: raw, offset } of entries) {
      read += 1;
      options.onProgress?.({ events: read, bytes: offset });
      const parsed = parse(raw);
      if (isLeft(parsed)) {
        skipped += 1;
        if (firstSkipped.length < SKIPPED_NAMED) {
          // One line each: a schema's message may run over several.
          const reason = parsed.left.message.replace(/\s+/g, ' ');
          firstSkipped.push({ line, streamId: raw.streamId, type: raw.type, reason });
        }
        continue;
      }
      const event = parsed.right;
      const at = toMillis(event.metadata.occurredAt);
      if (at > lastMillis) {
        lastMillis = at;
        lastEventAt = event.metadata.occurredAt;
      }
      if (isProblemEvent(event)) batch.push(event);
      else others.push(event);
      if (batch.length + others.length >= batchSize) flush();
    }
  }
  flush();
  const { events, digest, violations } = reader.integrity;
  return {
    resolutionStats: resolutionStats.finish(),
    problemLedger: problemLedger.finish(),
    pointsLedger: pointsLedger.finish(),
    honourRoll: honourRoll.finish(),
    directory: directory.finish(),
    deliberation: deliberation.finish(),
    funds: funds.finish(),
    responsibility: responsibility.finish(),
    honoursBoard: honoursBoard.finish(),
    lastEventAt,
    facts: {
      events,
      digest,
      skipped,
      firstSkipped,
      integrity: violations.map((violation) => violation.message),
    },
  };
};
