import type { AgendaItem, MeetingKind } from '../../domain/meeting/events.js';
import type { BallotKind, DefeatReason } from '../../domain/proposal/events.js';
import type { VotingRule } from '../../domain/proposal/rules.js';
import { idRecord, type IdRecord } from '../id-record.js';

/** One matter's ballot as the register shows it: live counts while open, the result once declared. */
export interface BallotRow {
  readonly matterId: string;
  readonly matter: string;
  readonly kind: BallotKind;
  readonly options: readonly string[];
  readonly eligible: number;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly rule: VotingRule;
  /** Each voter's current option, by owner id (a changed vote moves the count). */
  readonly votes: IdRecord<string>;
  readonly closed: boolean;
  readonly verdict?: 'adopted' | 'defeated';
  readonly adoptedOption?: string;
  readonly defeatReason?: DefeatReason;
  readonly implementedRef?: string;
}

/** One proposal of the register. */
export interface ProposalRow {
  readonly proposalId: string;
  readonly community: string;
  readonly compoundId: string;
  readonly title: string;
  readonly submittedAt: string;
  readonly supports: number;
  readonly status: 'submitted' | 'tabled';
  readonly tabledAt?: string;
  readonly hearings: number;
  readonly preparatoryGroup: number;
  readonly ballots: IdRecord<BallotRow>;
}

/** One agenda item and its conclusion. */
export interface AgendaRow {
  readonly itemId: string;
  readonly item: AgendaItem;
  readonly title: string;
  readonly outcome?: string;
  readonly followUpOwner?: string;
  readonly dueBy?: string;
}

/** One meeting. `date` is its Shanghai calendar date. */
export interface MeetingRow {
  readonly meetingId: string;
  readonly kind: MeetingKind;
  readonly community: string;
  readonly unitId: string;
  readonly scheduledFor: string;
  readonly date: string;
  readonly status: 'scheduled' | 'held' | 'cancelled';
  readonly attendance?: number;
  readonly parties: number;
  readonly partiesPresent?: number;
  readonly items: IdRecord<AgendaRow>;
}

/** What the read model keeps of a problem: its community, whether it is settled, a pending referral. */
export interface ProblemRow {
  readonly community: string;
  readonly settled: boolean;
  readonly referredTo?: string;
}

/** The deliberation read model: proposals, meetings, the owners' register counts and problems. */
export interface DeliberationState {
  readonly proposals: IdRecord<ProposalRow>;
  readonly meetings: IdRecord<MeetingRow>;
  /** Owners registered in each compound, by `community/compound`. */
  readonly owners: IdRecord<number>;
  readonly problems: IdRecord<ProblemRow>;
}

/** The empty deliberation read model. */
export const initialDeliberationState: DeliberationState = {
  proposals: idRecord(),
  meetings: idRecord(),
  owners: idRecord(),
  problems: idRecord(),
};
