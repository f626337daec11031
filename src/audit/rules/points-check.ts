import { hasKey } from '../../domain/shared/id-map.js';
import { residentPointsAggregate, type ResidentPointsAggregate } from '../../domain/points/aggregate.js';
import type { PointsEvent, PointsEventOf } from '../../domain/points/events.js';
import type { ResidentPointsState } from '../../domain/points/state.js';
import { pointsStream } from '../../domain/shared/ids.js';
import type { PointsFigures } from '../audit-summary.js';
import type { AuditCheck, AuditedEvent, ReportViolation } from '../auditor.js';
import { replayDecision, trackingReport } from './decision-replay.js';
import type { VerifiedClaims } from './verified-claims.js';

const PREFIX = pointsStream('');

/**
 * An award must pay exactly one earlier verified claim: `verifiedEventId` names a `TaskVerified` that came
 * before it, for the same task, resident and points, and no other award paid that claim (or that task, on
 * this account).
 */
const checkAward = (
  event: PointsEventOf<'PointsEarned'>,
  before: ResidentPointsState,
  where: { readonly streamId: string; readonly revision: bigint },
  claims: VerifiedClaims,
  report: ReportViolation,
): void => {
  const { verifiedEventId, taskId, residentId, points } = event.data;
  const claim = claims.claim(verifiedEventId);
  if (claim === undefined) {
    report(
      'unearned-points',
      `PointsEarned for task ${taskId} without an earlier TaskVerified ${verifiedEventId}`,
    );
  } else if (claim.taskId !== taskId || claim.residentId !== residentId) {
    report(
      'unearned-points',
      `PointsEarned for task ${taskId} and ${residentId}, but ${verifiedEventId} (${claim.streamId}@${claim.revision}) verified task ${claim.taskId} for ${claim.residentId}`,
    );
  } else if (claim.points !== points) {
    report('unearned-points', `PointsEarned of ${points} points for a claim verified at ${claim.points}`);
  }
  const paid = claims.award(verifiedEventId);
  if (paid !== undefined) {
    report(
      'duplicate-award',
      `the claim ${verifiedEventId} was already paid at ${paid.streamId}@${paid.revision}`,
    );
  } else if (hasKey(before.awardedTaskIds, taskId)) {
    report('duplicate-award', `${residentId} was already paid for task ${taskId}`);
  }
  claims.paid(verifiedEventId, where);
};

/**
 * Replays every `points-` stream through the ResidentPoints decider's `evolve`: each award must pay one
 * earlier verified claim, once; no balance may go below zero after any entry; each event names the resident
 * of its stream; what passes is decided again (see {@link replayDecision}): nobody pays or corrects their own
 * account, only the account's community acts on it. Adds up the points issued, redeemed, adjusted and
 * outstanding.
 */
export const pointsCheck = (
  claims: VerifiedClaims,
  aggregate: ResidentPointsAggregate = residentPointsAggregate,
): AuditCheck => {
  const states = new Map<string, ResidentPointsState>();
  const { evolve, initialState } = aggregate.decider;
  return {
    name: 'points ledger',
    observe(audited: AuditedEvent, report: ReportViolation): void {
      const { recorded } = audited;
      if (!recorded.streamId.startsWith(PREFIX) || !aggregate.events.has(audited.type)) return;
      const event = { type: audited.type, data: audited.data } as PointsEvent;
      const tracked = trackingReport(report);
      if (pointsStream(event.data.residentId) !== recorded.streamId) {
        tracked.report(
          'wrong-stream',
          `${event.type} of resident ${event.data.residentId} in ${recorded.streamId}`,
        );
      }
      const before = states.get(recorded.streamId) ?? initialState;
      if (event.type === 'PointsEarned') checkAward(event, before, recorded, claims, tracked.report);
      const after = evolve(before, event);
      if (after.balance < 0) {
        tracked.report(
          'negative-balance',
          `${event.type} takes the balance of ${event.data.residentId} to ${after.balance}`,
        );
      }
      if (!tracked.found()) replayDecision(aggregate, before, audited, report);
      states.set(recorded.streamId, after);
    },
    figures(): { points: PointsFigures } {
      let issued = 0;
      let redeemed = 0;
      let adjusted = 0;
      for (const state of states.values()) {
        issued += state.earned;
        redeemed += state.redeemed;
        adjusted += state.adjusted;
      }
      return {
        points: {
          issued,
          redeemed,
          adjusted,
          outstanding: issued - redeemed + adjusted,
          residents: states.size,
        },
      };
    },
  };
};
