import { partnershipAggregate, type PartnershipAggregate } from '../../domain/partnership/aggregate.js';
import type { PartnershipEvent } from '../../domain/partnership/events.js';
import type { PartnershipState } from '../../domain/partnership/state.js';
import { partnershipStream } from '../../domain/shared/ids.js';
import type { AuditCheck, AuditedEvent, ReportViolation } from '../auditor.js';
import { replayDecision, trackingReport } from './decision-replay.js';
import { occurredAtOf } from './event-facts.js';

const PREFIX = partnershipStream('');

const checkTransition = (
  state: PartnershipState,
  event: PartnershipEvent,
  occurredAt: number | undefined,
  report: ReportViolation,
): void => {
  if (event.type === 'PartnershipAgreed') {
    if (state.status !== 'unagreed') report('impossible-transition', 'the partnership was already agreed');
    else if (Date.parse(event.data.termEnd) <= Date.parse(event.data.termStart)) {
      report('impossible-transition', 'a term that ends before it starts');
    }
    return;
  }
  if (state.status === 'unagreed') {
    report('impossible-transition', `${event.type} before the partnership was agreed`);
    return;
  }
  if (state.status === 'ended') {
    report('event-after-close', `${event.type} after the partnership ended`);
    return;
  }
  if (event.type === 'PartnerContributionRecorded' && state.contributions.has(event.data.contributionId)) {
    report('impossible-transition', `contribution ${event.data.contributionId} recorded twice`);
  }
  if (event.type === 'RevenueShareStarted') {
    if (state.status === 'sharing') report('impossible-transition', 'revenue sharing started twice');
    else if (occurredAt !== undefined && occurredAt < Date.parse(state.termEnd)) {
      report('impossible-transition', `revenue sharing started before the term ends (${state.termEnd})`);
    }
  }
};

/**
 * Replays every `partnership-` stream through the Partnership decider's `evolve`: nothing before the
 * agreement or after the end, no contribution twice, revenue sharing once and never before the partner's
 * term ends, each event naming the partnership of its stream. An event the lifecycle allows is decided again
 * (see {@link replayDecision}).
 */
export const partnershipCheck = (aggregate: PartnershipAggregate = partnershipAggregate): AuditCheck => {
  const states = new Map<string, PartnershipState>();
  const { evolve, initialState } = aggregate.decider;
  return {
    name: 'partnership lifecycle',
    observe(audited: AuditedEvent, report: ReportViolation): void {
      const { recorded } = audited;
      if (!recorded.streamId.startsWith(PREFIX) || !aggregate.events.has(audited.type)) return;
      const event = { type: audited.type, data: audited.data } as PartnershipEvent;
      const tracked = trackingReport(report);
      if (partnershipStream(event.data.partnershipId) !== recorded.streamId) {
        tracked.report(
          'wrong-stream',
          `${event.type} of ${event.data.partnershipId} in ${recorded.streamId}`,
        );
      }
      const before = states.get(recorded.streamId) ?? initialState;
      checkTransition(before, event, occurredAtOf(recorded), tracked.report);
      if (!tracked.found()) replayDecision(aggregate, before, audited, report);
      states.set(recorded.streamId, evolve(before, event));
    },
  };
};
