import type { Draft } from 'immer';
import type { Recorded } from '../../commands/aggregate.js';
import type { LinliEvent } from '../../domain/linli.js';
import { shanghaiDateOf } from '../../domain/meeting/calendar.js';
import { entryOf, idRecord } from '../id-record.js';
import type { Projection } from '../projection.js';
import { initialDeliberationState, type DeliberationState } from './state.js';

type StateDraft = Draft<DeliberationState>;

/** The key of a compound in {@link DeliberationState.owners}. */
export const compoundKey = (community: string, compoundId: string): string => `${community}/${compoundId}`;

const countOwner = (draft: StateDraft, key: string, delta: number): void => {
  draft.owners[key] = (entryOf(draft.owners, key) ?? 0) + delta;
};

const ballotOf = (draft: StateDraft, proposalId: string, matterId: string) => {
  const proposal = entryOf(draft.proposals, proposalId);
  return proposal === undefined ? undefined : entryOf(proposal.ballots, matterId);
};

const applyProposal = (draft: StateDraft, event: Recorded<LinliEvent>): void => {
  const at = event.metadata.occurredAt;
  switch (event.type) {
    case 'ProposalSubmitted': {
      const { proposalId, community, compoundId, title } = event.data;
      if (entryOf(draft.proposals, proposalId) !== undefined) return;
      draft.proposals[proposalId] = {
        proposalId,
        community,
        compoundId,
        title,
        submittedAt: at,
        supports: 0,
        status: 'submitted',
        hearings: 0,
        preparatoryGroup: 0,
        ballots: idRecord(),
      };
      return;
    }
    case 'ProposalSupported': {
      const row = entryOf(draft.proposals, event.data.proposalId);
      if (row !== undefined) row.supports += 1;
      return;
    }
    case 'ProposalTabled': {
      const row = entryOf(draft.proposals, event.data.proposalId);
      if (row === undefined) return;
      row.status = 'tabled';
      row.tabledAt = at;
      return;
    }
    case 'PreparatoryGroupFormed': {
      const row = entryOf(draft.proposals, event.data.proposalId);
      if (row !== undefined) row.preparatoryGroup = event.data.members.length;
      return;
    }
    case 'HearingHeld': {
      const row = entryOf(draft.proposals, event.data.proposalId);
      if (row !== undefined) row.hearings += 1;
      return;
    }
    case 'BallotOpened': {
      const { proposalId, matterId, matter, kind, options, eligibleOwners, opensAt, closesAt, rule } =
        event.data;
      const row = entryOf(draft.proposals, proposalId);
      if (row === undefined || entryOf(row.ballots, matterId) !== undefined) return;
      row.ballots[matterId] = {
        matterId,
        matter,
        kind,
        options: [...options],
        eligible: eligibleOwners.length,
        opensAt,
        closesAt,
        rule: structuredClone(rule),
        votes: idRecord(),
        closed: false,
      };
      return;
    }
    case 'BallotCast':
    case 'BallotChanged': {
      const ballot = ballotOf(draft, event.data.proposalId, event.data.matterId);
      if (ballot !== undefined) ballot.votes[event.data.ownerId] = event.data.option;
      return;
    }
    case 'BallotClosed': {
      const ballot = ballotOf(draft, event.data.proposalId, event.data.matterId);
      if (ballot !== undefined) ballot.closed = true;
      return;
    }
    case 'ProposalAdopted': {
      const ballot = ballotOf(draft, event.data.proposalId, event.data.matterId);
      if (ballot === undefined) return;
      ballot.verdict = 'adopted';
      ballot.adoptedOption = event.data.option;
      return;
    }
    case 'ProposalDefeated': {
      const ballot = ballotOf(draft, event.data.proposalId, event.data.matterId);
      if (ballot === undefined) return;
      ballot.verdict = 'defeated';
      ballot.defeatReason = event.data.reason;
      return;
    }
    case 'DecisionImplemented': {
      const ballot = ballotOf(draft, event.data.proposalId, event.data.matterId);
      if (ballot !== undefined) ballot.implementedRef = event.data.ref;
      return;
    }
    default:
      return;
  }
};

const applyMeeting = (draft: StateDraft, event: Recorded<LinliEvent>): void => {
  switch (event.type) {
    case 'MeetingScheduled': {
      const { meetingId, kind, community, unitId, scheduledFor, parties } = event.data;
      if (entryOf(draft.meetings, meetingId) !== undefined) return;
      const date = shanghaiDateOf(scheduledFor);
      const row = { meetingId, kind, community, unitId, scheduledFor, date, status: 'scheduled' as const };
      draft.meetings[meetingId] = { ...row, parties: parties.length, items: idRecord() };
      return;
    }
    case 'ItemPlaced': {
      const meeting = entryOf(draft.meetings, event.data.meetingId);
      const { itemId, item, title } = event.data;
      if (meeting !== undefined && entryOf(meeting.items, itemId) === undefined) {
        meeting.items[itemId] = { itemId, item: { ...item }, title };
      }
      return;
    }
    case 'MeetingHeld': {
      const meeting = entryOf(draft.meetings, event.data.meetingId);
      if (meeting === undefined) return;
      meeting.status = 'held';
      meeting.attendance = event.data.attendance;
      meeting.partiesPresent = event.data.partiesPresent.length;
      return;
    }
    case 'ItemConcluded': {
      const meeting = entryOf(draft.meetings, event.data.meetingId);
      const item = meeting === undefined ? undefined : entryOf(meeting.items, event.data.itemId);
      if (item === undefined) return;
      item.outcome = event.data.outcome;
      item.followUpOwner = event.data.followUpOwner;
      item.dueBy = event.data.dueBy;
      return;
    }
    case 'MeetingCancelled': {
      const meeting = entryOf(draft.meetings, event.data.meetingId);
      if (meeting !== undefined) meeting.status = 'cancelled';
      return;
    }
    default:
      return;
  }
};

const applyOther = (draft: StateDraft, event: Recorded<LinliEvent>): void => {
  switch (event.type) {
    case 'OwnerRegistered':
    case 'OwnerDeregistered':
      countOwner(
        draft,
        compoundKey(event.data.neighbourhoodId, event.data.compoundId),
        event.type === 'OwnerRegistered' ? 1 : -1,
      );
      return;
    case 'ProblemReported':
      draft.problems[event.data.problemId] = { community: event.data.path.community, settled: false };
      return;
    case 'ProblemResolved':
    case 'ProblemClosed':
    case 'ProblemRejected': {
      const problem = entryOf(draft.problems, event.data.problemId);
      if (problem !== undefined) problem.settled = true;
      return;
    }
    case 'ProblemReopened': {
      const problem = entryOf(draft.problems, event.data.problemId);
      if (problem !== undefined) problem.settled = false;
      return;
    }
    case 'ProblemReferredToDeliberation': {
      const problem = entryOf(draft.problems, event.data.problemId);
      if (problem !== undefined) problem.referredTo = event.data.deliberationDay;
      return;
    }
    case 'ProblemDeliberated': {
      const problem = entryOf(draft.problems, event.data.problemId);
      if (problem !== undefined) delete problem.referredTo;
      return;
    }
    default:
      return;
  }
};

/**
 * The deliberation read model: the proposal register with its ballots, the meetings with their agendas,
 * owners counted per compound, and each problem's community, settlement and pending referral (what the
 * calendar and the closed loop need). Counts follow the events; the aggregates guard their consistency.
 */
export const deliberationProjection: Projection<Recorded<LinliEvent>, DeliberationState> = {
  name: 'deliberation',
  initialState: initialDeliberationState,
  apply(draft, event) {
    if (event.streamId.startsWith('proposal-')) applyProposal(draft, event);
    else if (event.streamId.startsWith('meeting-')) applyMeeting(draft, event);
    else applyOther(draft, event);
  },
};
