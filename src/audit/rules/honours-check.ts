import type { Recorded } from '../../commands/aggregate.js';
import { honoursAggregate, type HonoursAggregate } from '../../domain/honours/aggregate.js';
import type { HonourAward, HonoursEvent } from '../../domain/honours/events.js';
import type { HonoursState } from '../../domain/honours/state.js';
import type { LinliEvent } from '../../domain/linli.js';
import { honoursStream, pointsStream, taskStream } from '../../domain/shared/ids.js';
import { honourBasis } from '../../projections/honours/basis.js';
import { canonicalJson } from '../canonical.js';
import { createHonourRollProjection } from '../../projections/honour-roll/projection.js';
import type { HonourRollState } from '../../projections/honour-roll/state.js';
import { applyBatch } from '../../projections/projection.js';
import type { AuditCheck, AuditedEvent, ReportViolation } from '../auditor.js';
import { replayDecision, trackingReport } from './decision-replay.js';

const PREFIX = honoursStream('');
const FED_BY = [pointsStream(''), taskStream('')];
/** Events per immer draft when the roll is brought up to an award: as the projection runner batches. */
const BATCH = 1_000;

/** Options of {@link honoursCheck}. */
export interface HonoursCheckOptions {
  /** The time zone the honour roll cuts periods in; default the roll's own (Asia/Shanghai). */
  readonly timeZone?: string;
}

/** What the roll, replayed to the award, says the basis should be; undefined when it agrees. */
const basisDifference = (roll: HonourRollState, award: HonourAward): string | undefined => {
  const expected = honourBasis(roll, {
    ...award,
    ...(award.title === 'star-volunteer' ? { thresholds: award.basis.thresholds } : {}),
  });
  if (canonicalJson(expected) === canonicalJson(award.basis)) return undefined;
  return `${award.title} of ${award.period.key} for ${award.residentId} records ${JSON.stringify(award.basis)}; the honour roll at this point shows ${JSON.stringify(expected)}`;
};

/**
 * Holds every honour to the figures it was computed from: the honour roll (points earned and tasks verified
 * in the award's period and community, in the roll's time zone) is replayed up to the award, and a basis
 * that differs is `honour-basis-mismatch`; the rank of a quarterly title is recomputed on its ordering.
 * Each event names the stream it is in, and is decided again (staff of the community, once per title,
 * period and resident; a prize for a recorded award). Memory: the roll and one state per honours stream.
 */
export const honoursCheck = (
  options: HonoursCheckOptions = {},
  aggregate: HonoursAggregate = honoursAggregate,
): AuditCheck => {
  const projection = createHonourRollProjection(
    options.timeZone === undefined ? {} : { timeZone: options.timeZone },
  );
  let roll = projection.initialState;
  let pending: Recorded<LinliEvent>[] = [];
  const flush = (): void => {
    if (pending.length > 0) roll = applyBatch(projection, roll, pending);
    pending = [];
  };
  const states = new Map<string, HonoursState>();
  return {
    name: 'honours',
    observe(audited: AuditedEvent, report: ReportViolation): void {
      const { recorded } = audited;
      if (FED_BY.some((prefix) => recorded.streamId.startsWith(prefix))) {
        if (audited.type !== 'PointsEarned' && audited.type !== 'TaskVerified') return;
        pending.push({ ...recorded, type: audited.type, data: audited.data } as Recorded<LinliEvent>);
        if (pending.length >= BATCH) flush();
        return;
      }
      if (!recorded.streamId.startsWith(PREFIX) || !aggregate.events.has(audited.type)) return;
      const event = { type: audited.type, data: audited.data } as HonoursEvent;
      const tracked = trackingReport(report);
      if (honoursStream(event.data.honoursId) !== recorded.streamId) {
        tracked.report('wrong-stream', `${event.type} of ${event.data.honoursId} in ${recorded.streamId}`);
      }
      if (event.type === 'HonourAwarded') {
        flush();
        const difference = basisDifference(roll, event.data);
        if (difference !== undefined) tracked.report('honour-basis-mismatch', difference);
      }
      const before = states.get(recorded.streamId) ?? aggregate.decider.initialState;
      if (!tracked.found()) replayDecision(aggregate, before, audited, report);
      states.set(recorded.streamId, aggregate.decider.evolve(before, event));
    },
  };
};
