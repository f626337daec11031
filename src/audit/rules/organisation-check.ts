import { organisationAggregate, type OrganisationAggregate } from '../../domain/organisation/aggregate.js';
import type { OrganisationEvent } from '../../domain/organisation/events.js';
import type { OrganisationState } from '../../domain/organisation/state.js';
import { organisationStream } from '../../domain/shared/ids.js';
import type { AuditCheck, AuditedEvent, ReportViolation } from '../auditor.js';
import { replayDecision, trackingReport } from './decision-replay.js';

const PREFIX = organisationStream('');

/** Whether `event` can follow `state` at all: registration first and once; members and resources after. */
const checkTransition = (
  state: OrganisationState,
  event: OrganisationEvent,
  report: ReportViolation,
): void => {
  if (event.type === 'OrganisationRegistered') {
    if (state.status !== 'unregistered')
      report('impossible-transition', 'the organisation was already registered');
    return;
  }
  if (state.status === 'unregistered') {
    report('impossible-transition', `${event.type} before the organisation was registered`);
    return;
  }
  if (event.type === 'MemberLeft' && !state.members.has(event.data.personId)) {
    report('impossible-transition', `${event.data.personId} left without being a member`);
  }
  if (event.type === 'ResourceWithdrawn' && !state.resources.has(event.data.resourceId)) {
    report('impossible-transition', `resource ${event.data.resourceId} withdrawn while not listed`);
  }
};

/**
 * Replays every `organisation-` stream through the Organisation decider's `evolve`, checking each event against
 * the state before it, that it names the organisation of its stream, and deciding it again (who may keep the
 * register). The folded states go into `registers`, shared with the membership check, which must run after it.
 */
export const organisationCheck = (
  registers: Map<string, OrganisationState>,
  aggregate: OrganisationAggregate = organisationAggregate,
): AuditCheck => {
  const { evolve, initialState } = aggregate.decider;
  return {
    name: 'organisation register',
    observe(audited: AuditedEvent, report: ReportViolation): void {
      const { recorded } = audited;
      if (!recorded.streamId.startsWith(PREFIX) || !aggregate.events.has(audited.type)) return;
      const event = { type: audited.type, data: audited.data } as OrganisationEvent;
      const tracked = trackingReport(report);
      if (organisationStream(event.data.organisationId) !== recorded.streamId) {
        tracked.report(
          'wrong-stream',
          `${event.type} of organisation ${event.data.organisationId} in ${recorded.streamId}`,
        );
      }
      const before = registers.get(recorded.streamId) ?? initialState;
      checkTransition(before, event, tracked.report);
      if (!tracked.found()) replayDecision(aggregate, before, audited, report);
      registers.set(recorded.streamId, evolve(before, event));
    },
  };
};
