import type { DecisionRef } from '../../domain/fund-project/events.js';
import type { FundStep } from '../../domain/fund-project/state.js';
import type { PartnershipStatus } from '../../domain/partnership/state.js';
import { idRecord, type IdRecord } from '../id-record.js';

/** Co-funding of a project: money from partners and from residents (owners' committee included), labour. */
export interface CoFunding {
  readonly partnerFen: number;
  readonly residentFen: number;
  readonly labourHours: number;
  /** Residents who took part, summed over the residents' contributions. */
  readonly participants: number;
}

/** One fund project as the project board shows it. */
export interface FundProjectCard extends CoFunding {
  readonly projectId: string;
  readonly street: string;
  readonly community: string;
  readonly fundYear: number;
  readonly title: string;
  readonly proposerId: string;
  readonly step: FundStep;
  readonly requestedFen: number;
  /** The approved total, amendments included; 0 until decided. */
  readonly approvedFen: number;
  readonly spentFen: number;
  readonly decision?: DecisionRef;
  readonly beneficiaries?: number;
  readonly areaM2?: number;
  readonly milestones: number;
  readonly evaluations: number;
  /** The sum of the residents' scores (1-5): the mean is `scoreTotal / evaluations`. */
  readonly scoreTotal: number;
  readonly findings: number;
  /** Findings of severity `breach`. */
  readonly breaches: number;
  readonly solicitedAt: string;
  readonly updatedAt: string;
  /** The revision of the last event of the project's stream applied; a redelivery at or below it is ignored. */
  readonly revision: number;
}

/** One partnership as the funds read model keeps it. */
export interface PartnershipCard {
  readonly partnershipId: string;
  readonly street: string;
  readonly community: string;
  readonly partnerId: string;
  readonly status: PartnershipStatus;
  readonly termStart: string;
  readonly termEnd: string;
  readonly revenueSharePercent?: number;
  /** Money promised in the agreement, and money recorded as received. */
  readonly promisedFen: number;
  readonly receivedFen: number;
  /** Assets recorded as handed over, in the order received (a kind received twice appears twice). */
  readonly assetsReceived: readonly { readonly description: string; readonly quantity: number }[];
  readonly sharingSince?: string;
  readonly revision: number;
}

/**
 * One row of the fund ledger: a community's fund year. Projects count under the year they were solicited
 * for (their `fundYear`, so that a project's spending always meets its approval in the same row); money a
 * partnership records counts under the year of its receipt date.
 */
export interface FundLedgerRow extends CoFunding {
  readonly community: string;
  readonly year: number;
  /** Projects solicited for the year, and those decided (not declined). */
  readonly projects: number;
  readonly decided: number;
  readonly allocatedFen: number;
  readonly spentFen: number;
  /** Beneficiaries of the decided projects that say how many they serve. */
  readonly beneficiaries: number;
}

/** The funds read model: project cards, partnership cards, and the ledger by community and year. */
export interface FundsState {
  readonly projects: Readonly<IdRecord<FundProjectCard>>;
  readonly partnerships: Readonly<IdRecord<PartnershipCard>>;
  /** Ledger rows by community, then by year (as a string key). */
  readonly ledger: Readonly<IdRecord<Readonly<IdRecord<FundLedgerRow>>>>;
}

/** The funds read model before any event. */
export const initialFundsState: FundsState = {
  projects: idRecord(),
  partnerships: idRecord(),
  ledger: idRecord(),
};

/** A community's fund ledger row for a year with nothing recorded yet. */
export const emptyFundLedgerRow = (community: string, year: number): FundLedgerRow => ({
  community,
  year,
  projects: 0,
  decided: 0,
  allocatedFen: 0,
  spentFen: 0,
  beneficiaries: 0,
  partnerFen: 0,
  residentFen: 0,
  labourHours: 0,
  participants: 0,
});
