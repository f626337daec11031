import { meetingAggregate, type MeetingAggregate } from '../../domain/meeting/aggregate.js';
import type { MeetingEvent } from '../../domain/meeting/events.js';
import type { MeetingState } from '../../domain/meeting/state.js';
import { isRegisteredOwner, ownerCount, ownersOf } from '../../domain/neighbourhood/owners.js';
import type { NeighbourhoodState } from '../../domain/neighbourhood/state.js';
import { proposalAggregate, type ProposalAggregate } from '../../domain/proposal/aggregate.js';
import type { ProposalEvent } from '../../domain/proposal/events.js';
import { meetsShare } from '../../domain/proposal/rules.js';
import type { ProposalState, SubmittedProposal } from '../../domain/proposal/state.js';
import {
  meetingStream,
  neighbourhoodStream,
  problemStream,
  proposalStream,
} from '../../domain/shared/ids.js';
import type { AuditCheck, AuditedEvent, ReportViolation } from '../auditor.js';
import { replayDecision, trackingReport } from './decision-replay.js';
import { occurredAtOf } from './event-facts.js';

const PROPOSALS = proposalStream('');
const MEETINGS = meetingStream('');
const PROBLEMS = problemStream('');

/** The register of a proposal's community as it stands at the event being audited. */
type RegisterOf = (community: string) => NeighbourhoodState | undefined;

/**
 * The rules a proposal's own stream cannot show: supports and ballots against the owners' register of the
 * compound at that moment, tabling against the threshold of the owners registered then, and each ballot
 * cast once, by an owner on the roll, while the ballot was open.
 */
const checkProposalEvent = (
  aggregate: ProposalAggregate,
  proposal: SubmittedProposal,
  event: ProposalEvent,
  registerOf: RegisterOf,
  occurredAt: number | undefined,
  report: ReportViolation,
): void => {
  const register = registerOf(proposal.community);
  const compound = proposal.compoundId;
  const count = register === undefined ? 0 : ownerCount(register, compound);
  switch (event.type) {
    case 'ProposalSupported': {
      const { ownerId, registeredOwners } = event.data;
      if (register === undefined || !isRegisteredOwner(register, compound, ownerId)) {
        report('support-by-non-owner', `${ownerId} supported, but is no registered owner of ${compound}`);
      } else if (registeredOwners !== count) {
        report(
          'register-mismatch',
          `states ${registeredOwners} owners of ${compound}; the register held ${count}`,
        );
      }
      return;
    }
    case 'ProposalTabled': {
      const supports = proposal.supporters.size;
      if (!meetsShare(supports, count, aggregate.tablingThreshold)) {
        report(
          'tabled-below-threshold',
          `tabled on ${supports} supports of ${count} registered owners of ${compound}`,
        );
      } else if (event.data.registeredOwners !== count || event.data.supports !== supports) {
        report(
          'register-mismatch',
          `states ${event.data.supports} of ${event.data.registeredOwners}; it was ${supports} of ${count}`,
        );
      }
      return;
    }
    case 'BallotOpened': {
      const roll = register === undefined ? [] : ownersOf(register, compound);
      const stated = [...event.data.eligibleOwners].sort();
      if (stated.length !== roll.length || stated.some((id, i) => id !== roll[i])) {
        report(
          'register-mismatch',
          `the roll of ${event.data.matterId} is not the owners' register of ${compound}`,
        );
      }
      return;
    }
    case 'BallotCast':
    case 'BallotChanged': {
      const { matterId, ownerId } = event.data;
      const ballot = proposal.ballots.get(matterId);
      if (ballot === undefined)
        return report('impossible-transition', `${event.type} on ${matterId}, which has no ballot`);
      if (!ballot.eligible.has(ownerId))
        report('ballot-by-non-owner', `${ownerId} is not on the roll of ${matterId}`);
      else if (event.type === 'BallotCast' && ballot.votes.has(ownerId)) {
        report('duplicate-ballot', `${ownerId} voted on ${matterId} a second time`);
      } else if (event.type === 'BallotChanged' && (!ballot.changeable || !ballot.votes.has(ownerId))) {
        report(
          'impossible-transition',
          `${ownerId} changed a ballot that cannot be changed or was never cast`,
        );
      }
      const late = occurredAt !== undefined && occurredAt >= Date.parse(ballot.closesAt);
      const early = occurredAt !== undefined && occurredAt < Date.parse(ballot.opensAt);
      if (ballot.closed || late || early) {
        report(
          'ballot-after-close',
          `${ownerId} voted on ${matterId} outside ${ballot.opensAt} to ${ballot.closesAt}`,
        );
      }
      return;
    }
    default:
      return;
  }
};

/**
 * Audits the `proposal-` and `meeting-` streams and the deliberation of problems: each event against the
 * owners' register of its compound as `registers` holds it at that point of the history (shared with the
 * neighbourhood check, which must run first), then decided again by its aggregate (see replayDecision). A
 * `ProblemDeliberated` must name a held meeting that had the problem on its agenda.
 */
export const deliberationCheck = (
  registers: ReadonlyMap<string, NeighbourhoodState>,
  proposals: ProposalAggregate = proposalAggregate,
  meetings: MeetingAggregate = meetingAggregate,
): AuditCheck => {
  const proposalStates = new Map<string, ProposalState>();
  const meetingStates = new Map<string, MeetingState>();
  const registerOf: RegisterOf = (community) => registers.get(neighbourhoodStream(community));
  return {
    name: 'deliberation and voting',
    observe(audited: AuditedEvent, report: ReportViolation): void {
      const { streamId } = audited.recorded;
      if (streamId.startsWith(PROPOSALS) && proposals.events.has(audited.type)) {
        const event = { type: audited.type, data: audited.data } as ProposalEvent;
        const tracked = trackingReport(report);
        if (proposalStream(event.data.proposalId) !== streamId) {
          tracked.report('wrong-stream', `${event.type} of proposal ${event.data.proposalId} in ${streamId}`);
        }
        const before = proposalStates.get(streamId) ?? proposals.decider.initialState;
        if (before.status !== 'unsubmitted') {
          const at = occurredAtOf(audited.recorded);
          checkProposalEvent(proposals, before, event, registerOf, at, tracked.report);
        }
        if (!tracked.found()) replayDecision(proposals, before, audited, report);
        proposalStates.set(streamId, proposals.decider.evolve(before, event));
        return;
      }
      if (streamId.startsWith(MEETINGS) && meetings.events.has(audited.type)) {
        const event = { type: audited.type, data: audited.data } as MeetingEvent;
        const tracked = trackingReport(report);
        if (meetingStream(event.data.meetingId) !== streamId) {
          tracked.report('wrong-stream', `${event.type} of meeting ${event.data.meetingId} in ${streamId}`);
        }
        const before = meetingStates.get(streamId) ?? meetings.decider.initialState;
        if (!tracked.found()) replayDecision(meetings, before, audited, report);
        meetingStates.set(streamId, meetings.decider.evolve(before, event));
        return;
      }
      if (streamId.startsWith(PROBLEMS) && audited.type === 'ProblemDeliberated') {
        const { problemId, meetingId } = audited.data as { problemId: string; meetingId: string };
        const meeting = meetingStates.get(meetingStream(meetingId));
        const onAgenda =
          meeting?.status === 'held' &&
          [...meeting.items.values()].some(
            (entry) => entry.item.kind === 'problem' && entry.item.problemId === problemId,
          );
        if (!onAgenda) {
          report(
            'deliberation-without-meeting',
            `${problemId} deliberated at ${meetingId}, which was not held with it on the agenda`,
          );
        }
      }
    },
  };
};
