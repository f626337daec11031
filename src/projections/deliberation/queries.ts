import { DEFAULT_DELIBERATION_DAY, deliberationDaysOf } from '../../domain/meeting/calendar.js';
import type { AgendaItem, MeetingKind } from '../../domain/meeting/events.js';
import { DEFAULT_TABLING_THRESHOLD, neededFor, type Share } from '../../domain/proposal/rules.js';
import { entryOf, sortedIds } from '../id-record.js';
import { compoundKey } from './projection.js';
import type { BallotRow, DeliberationState, MeetingRow, ProposalRow } from './state.js';

/** A proposal with its progress towards tabling, against the compound's register as it stands now. */
export interface ProposalProgress {
  readonly proposalId: string;
  readonly community: string;
  readonly compoundId: string;
  readonly title: string;
  readonly status: 'submitted' | 'tabled';
  readonly supports: number;
  readonly registeredOwners: number;
  /** The least support that exceeds the threshold of the owners registered now. */
  readonly needed: number;
  /** `supports / needed`, capped at 1 (1 once tabled). */
  readonly progress: number;
  readonly hearings: number;
  readonly ballots: number;
}

/** Filters of the register queries. */
export interface DeliberationFilter {
  readonly community?: string;
  readonly compoundId?: string;
}

const matches = (row: Pick<ProposalRow, 'community' | 'compoundId'>, filter: DeliberationFilter): boolean =>
  (filter.community === undefined || row.community === filter.community) &&
  (filter.compoundId === undefined || row.compoundId === filter.compoundId);

/**
 * The proposal register with support against the threshold (configuration: pass the deployment's own; the
 * default is "more than 10%"), by proposal id.
 */
export const proposalRegister = (
  state: DeliberationState,
  filter: DeliberationFilter = {},
  threshold: Share = DEFAULT_TABLING_THRESHOLD,
): readonly ProposalProgress[] =>
  sortedIds(state.proposals)
    .map((id) => entryOf(state.proposals, id))
    .filter((row): row is ProposalRow => row !== undefined && matches(row, filter))
    .map((row) => {
      const registeredOwners = entryOf(state.owners, compoundKey(row.community, row.compoundId)) ?? 0;
      const needed = neededFor(registeredOwners, threshold);
      const progress = row.status === 'tabled' ? 1 : Math.min(1, needed === 0 ? 1 : row.supports / needed);
      return {
        proposalId: row.proposalId,
        community: row.community,
        compoundId: row.compoundId,
        title: row.title,
        status: row.status,
        supports: row.supports,
        registeredOwners,
        needed,
        progress,
        hearings: row.hearings,
        ballots: Object.keys(row.ballots).length,
      };
    });

/** One option's count with its share over both bases. */
export interface OptionResult {
  readonly option: string;
  readonly votes: number;
  /** Share of the owners who voted (0 when nobody did). */
  readonly ofVoters: number;
  /** Share of every owner on the roll. */
  readonly ofEligible: number;
}

/** A ballot's result: turnout and the tally over both bases, and the verdict once declared. */
export interface BallotResult {
  readonly proposalId: string;
  readonly matterId: string;
  readonly matter: string;
  readonly status: 'open' | 'closed' | 'adopted' | 'defeated';
  readonly eligible: number;
  readonly turnout: number;
  readonly turnoutShare: number;
  readonly tally: readonly OptionResult[];
  readonly adoptedOption?: string;
  readonly defeatReason?: string;
  readonly implemented: boolean;
}

const resultOf = (proposalId: string, ballot: BallotRow): BallotResult => {
  const counts = new Map(ballot.options.map((option) => [option, 0]));
  for (const option of Object.values(ballot.votes)) counts.set(option, (counts.get(option) ?? 0) + 1);
  const turnout = Object.keys(ballot.votes).length;
  return {
    proposalId,
    matterId: ballot.matterId,
    matter: ballot.matter,
    status: ballot.verdict ?? (ballot.closed ? 'closed' : 'open'),
    eligible: ballot.eligible,
    turnout,
    turnoutShare: ballot.eligible === 0 ? 0 : turnout / ballot.eligible,
    tally: [...counts].map(([option, votes]) => ({
      option,
      votes,
      ofVoters: turnout === 0 ? 0 : votes / turnout,
      ofEligible: ballot.eligible === 0 ? 0 : votes / ballot.eligible,
    })),
    ...(ballot.adoptedOption === undefined ? {} : { adoptedOption: ballot.adoptedOption }),
    ...(ballot.defeatReason === undefined ? {} : { defeatReason: ballot.defeatReason }),
    implemented: ballot.implementedRef !== undefined,
  };
};

/** Every ballot's result (one proposal's, or all matching the filter), by proposal and matter id. */
export const ballotResults = (
  state: DeliberationState,
  filter: DeliberationFilter & { readonly proposalId?: string } = {},
): readonly BallotResult[] =>
  sortedIds(state.proposals).flatMap((id) => {
    const row = entryOf(state.proposals, id);
    if (row === undefined || !matches(row, filter)) return [];
    if (filter.proposalId !== undefined && id !== filter.proposalId) return [];
    return sortedIds(row.ballots).flatMap((matterId) => {
      const ballot = entryOf(row.ballots, matterId);
      return ballot === undefined ? [] : [resultOf(id, ballot)];
    });
  });

/** One month's deliberation day for a unit: its meetings on that date and the problems referred to it. */
export interface CalendarDay {
  readonly date: string;
  readonly meetings: readonly { readonly meetingId: string; readonly status: MeetingRow['status'] }[];
  readonly referredProblems: readonly string[];
}

/**
 * The deliberation calendar of a unit (a compound, or the community) for a year: each month's deliberation
 * day (configuration, the 10th by default, Shanghai dates), the deliberation-day meetings scheduled on it,
 * and the community's problems still waiting for it.
 */
export const deliberationCalendar = (
  state: DeliberationState,
  options: {
    readonly community: string;
    readonly unitId?: string;
    readonly year: number;
    readonly day?: number;
  },
): readonly CalendarDay[] => {
  const unitId = options.unitId ?? options.community;
  const meetings = Object.values(state.meetings).filter(
    (m) => m.kind === 'deliberation-day' && m.community === options.community && m.unitId === unitId,
  );
  const waiting = sortedIds(state.problems).filter((id) => {
    const problem = entryOf(state.problems, id);
    return problem?.community === options.community && problem.referredTo !== undefined;
  });
  return deliberationDaysOf(options.year, options.day ?? DEFAULT_DELIBERATION_DAY).map((date) => ({
    date,
    meetings: meetings
      .filter((m) => m.date === date)
      .map((m) => ({ meetingId: m.meetingId, status: m.status }))
      .sort((a, b) => (a.meetingId < b.meetingId ? -1 : 1)),
    referredProblems: waiting.filter((id) => entryOf(state.problems, id)?.referredTo === date),
  }));
};

/** A concluded item whose follow-up is due and whose subject is still unsettled. */
export interface OverdueFollowUp {
  readonly meetingId: string;
  readonly itemId: string;
  readonly item: AgendaItem;
  readonly followUpOwner: string;
  readonly dueBy: string;
}

/** How far a community's meetings have closed the loop from agenda to outcome. */
export interface AgendaClosure {
  readonly meetings: number;
  readonly held: number;
  readonly itemsPlaced: number;
  readonly itemsConcluded: number;
  /** Items of held meetings left without a conclusion. */
  readonly itemsOpen: number;
  readonly overdue: readonly OverdueFollowUp[];
  readonly byKind: Readonly<Record<MeetingKind, number>>;
}

/** True when the item's subject is settled: a problem resolved or closed, a proposal decided and carried out. */
const isSettled = (state: DeliberationState, item: AgendaItem): boolean => {
  if (item.kind === 'problem') return entryOf(state.problems, item.problemId)?.settled === true;
  const proposal = entryOf(state.proposals, item.proposalId);
  const ballots = proposal === undefined ? [] : Object.values(proposal.ballots);
  return (
    ballots.length > 0 &&
    ballots.every(
      (b) => b.verdict === 'defeated' || (b.verdict === 'adopted' && b.implementedRef !== undefined),
    )
  );
};

/**
 * Agenda-to-outcome closure (the "closed loop") of a community's meetings as of an instant: items placed and
 * concluded, items a held meeting left open, and follow-ups past their due date whose subject is unsettled.
 */
export const agendaClosure = (state: DeliberationState, community: string, asOf: string): AgendaClosure => {
  const byKind: Record<MeetingKind, number> = { 'deliberation-day': 0, 'four-party': 0, joint: 0 };
  let held = 0;
  let itemsPlaced = 0;
  let itemsConcluded = 0;
  let itemsOpen = 0;
  const overdue: OverdueFollowUp[] = [];
  const now = Date.parse(asOf);
  const meetings = sortedIds(state.meetings)
    .map((id) => entryOf(state.meetings, id))
    .filter((m): m is MeetingRow => m?.community === community);
  for (const meeting of meetings) {
    byKind[meeting.kind] += 1;
    if (meeting.status === 'held') held += 1;
    for (const id of sortedIds(meeting.items)) {
      const item = entryOf(meeting.items, id);
      if (item === undefined) continue;
      itemsPlaced += 1;
      if (item.dueBy === undefined || item.followUpOwner === undefined) {
        if (meeting.status === 'held') itemsOpen += 1;
        continue;
      }
      itemsConcluded += 1;
      if (Date.parse(item.dueBy) < now && !isSettled(state, item.item)) {
        const { followUpOwner, dueBy } = item;
        overdue.push({
          meetingId: meeting.meetingId,
          itemId: item.itemId,
          item: item.item,
          followUpOwner,
          dueBy,
        });
      }
    }
  }
  return { meetings: meetings.length, held, itemsPlaced, itemsConcluded, itemsOpen, overdue, byKind };
};
