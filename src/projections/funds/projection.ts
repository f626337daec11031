import type { Draft } from 'immer';
import type { Recorded } from '../../commands/aggregate.js';
import type { FundProjectEvent } from '../../domain/fund-project/events.js';
import type { LinliEvent } from '../../domain/linli.js';
import type { PartnershipEvent } from '../../domain/partnership/events.js';
import { entryOf, idRecord } from '../id-record.js';
import type { Projection } from '../projection.js';
import { emptyFundLedgerRow, initialFundsState, type FundLedgerRow, type FundsState } from './state.js';

type FundsDraft = Draft<FundsState>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The ledger row of a community's year, created empty on first use. */
const rowOf = (draft: FundsDraft, community: string, year: number): Mutable<FundLedgerRow> => {
  let years = entryOf(draft.ledger, community);
  if (years === undefined) {
    years = idRecord<FundLedgerRow>();
    draft.ledger[community] = years;
  }
  const key = String(year);
  const existing = entryOf(years, key);
  if (existing !== undefined) return existing;
  const row: Mutable<FundLedgerRow> = emptyFundLedgerRow(community, year);
  years[key] = row;
  return row;
};

const applyProject = (draft: FundsDraft, event: Recorded<FundProjectEvent>): void => {
  const { data } = event;
  const at = event.metadata.occurredAt;
  if (event.type === 'FundProjectSolicited') {
    if (entryOf(draft.projects, data.projectId) !== undefined) return;
    const d = event.data;
    draft.projects[d.projectId] = {
      projectId: d.projectId,
      street: d.street,
      community: d.community,
      fundYear: d.fundYear,
      title: d.title,
      proposerId: d.proposerId,
      step: 'solicited',
      requestedFen: d.requestedFen,
      approvedFen: 0,
      spentFen: 0,
      ...(d.beneficiaries === undefined ? {} : { beneficiaries: d.beneficiaries }),
      ...(d.areaM2 === undefined ? {} : { areaM2: d.areaM2 }),
      milestones: 0,
      evaluations: 0,
      scoreTotal: 0,
      findings: 0,
      breaches: 0,
      partnerFen: 0,
      residentFen: 0,
      labourHours: 0,
      participants: 0,
      solicitedAt: at,
      updatedAt: at,
      revision: Number(event.revision),
    };
    rowOf(draft, d.community, d.fundYear).projects += 1;
    return;
  }
  const card = entryOf(draft.projects, data.projectId);
  const revision = Number(event.revision);
  if (card === undefined || revision <= card.revision) return;
  card.revision = revision;
  card.updatedAt = at;
  const row = rowOf(draft, card.community, card.fundYear);
  switch (event.type) {
    case 'FundProjectDecided':
      card.step = 'decided';
      card.approvedFen = event.data.approvedFen;
      card.decision = event.data.decision;
      row.decided += 1;
      row.allocatedFen += event.data.approvedFen;
      row.beneficiaries += card.beneficiaries ?? 0;
      return;
    case 'FundProjectDeclined':
      card.step = 'declined';
      card.decision = event.data.decision;
      return;
    case 'FundBudgetAmended':
      row.allocatedFen += event.data.approvedFen - card.approvedFen;
      card.approvedFen = event.data.approvedFen;
      return;
    case 'FundImplementationStarted':
      card.step = 'implementing';
      return;
    case 'FundMilestoneReported':
      card.milestones += 1;
      return;
    case 'FundSpendingReported':
      card.spentFen += event.data.amountFen;
      row.spentFen += event.data.amountFen;
      return;
    case 'FundContributionRecorded': {
      const { contributor, moneyFen, labourHours } = event.data;
      const money = contributor.kind === 'organisation' ? 'partnerFen' : 'residentFen';
      const participants = contributor.kind === 'residents' ? contributor.participants : 0;
      for (const target of [card, row]) {
        target[money] += moneyFen;
        target.labourHours += labourHours;
        target.participants += participants;
      }
      return;
    }
    case 'FundImplementationCompleted':
      card.step = 'completed';
      return;
    case 'FundProjectEvaluated':
      card.evaluations += 1;
      card.scoreTotal += event.data.score;
      return;
    case 'FundSupervisionRecorded':
      card.findings += 1;
      if (event.data.severity === 'breach') card.breaches += 1;
      return;
    case 'FundProjectClosed':
      card.step = 'closed';
      return;
  }
};

const applyPartnership = (draft: FundsDraft, event: Recorded<PartnershipEvent>): void => {
  if (event.type === 'PartnershipAgreed') {
    const d = event.data;
    if (entryOf(draft.partnerships, d.partnershipId) !== undefined) return;
    const promisedFen = d.partnerGives.reduce((sum, g) => sum + (g.kind === 'money' ? g.amountFen : 0), 0);
    draft.partnerships[d.partnershipId] = {
      partnershipId: d.partnershipId,
      street: d.street,
      community: d.community,
      partnerId: d.partnerId,
      status: 'agreed',
      termStart: d.termStart,
      termEnd: d.termEnd,
      ...(d.revenueSharePercent === undefined ? {} : { revenueSharePercent: d.revenueSharePercent }),
      promisedFen,
      receivedFen: 0,
      assetsReceived: [],
      revision: Number(event.revision),
    };
    return;
  }
  const card = entryOf(draft.partnerships, event.data.partnershipId);
  const revision = Number(event.revision);
  if (card === undefined || revision <= card.revision) return;
  card.revision = revision;
  switch (event.type) {
    case 'PartnerContributionRecorded': {
      card.receivedFen += event.data.moneyFen;
      for (const { description, quantity } of event.data.assets)
        card.assetsReceived.push({ description, quantity });
      const year = Number(event.data.receivedOn.slice(0, 4));
      rowOf(draft, card.community, year).partnerFen += event.data.moneyFen;
      return;
    }
    case 'RevenueShareStarted':
      card.status = 'sharing';
      card.revenueSharePercent = event.data.compoundSharePercent;
      card.sharingSince = event.metadata.occurredAt;
      return;
    case 'PartnershipEnded':
      card.status = 'ended';
      return;
  }
};

const FUND_PROJECT_TYPES: ReadonlySet<string> = new Set<FundProjectEvent['type']>([
  'FundProjectSolicited',
  'FundProjectDecided',
  'FundProjectDeclined',
  'FundBudgetAmended',
  'FundImplementationStarted',
  'FundMilestoneReported',
  'FundSpendingReported',
  'FundContributionRecorded',
  'FundImplementationCompleted',
  'FundProjectEvaluated',
  'FundSupervisionRecorded',
  'FundProjectClosed',
]);

const PARTNERSHIP_TYPES: ReadonlySet<string> = new Set<PartnershipEvent['type']>([
  'PartnershipAgreed',
  'PartnerContributionRecorded',
  'RevenueShareStarted',
  'PartnershipEnded',
]);

/**
 * The funds read model (see {@link FundsState}): the project board, the partnerships, and the fund ledger
 * by community and year. An event of a project or partnership never started, or at or below the revision
 * already applied (a redelivery), changes nothing.
 */
export const fundsProjection: Projection<Recorded<LinliEvent>, FundsState> = {
  name: 'funds',
  initialState: initialFundsState,
  apply: (draft, event) => {
    if (FUND_PROJECT_TYPES.has(event.type)) applyProject(draft, event as Recorded<FundProjectEvent>);
    else if (PARTNERSHIP_TYPES.has(event.type)) applyPartnership(draft, event as Recorded<PartnershipEvent>);
  },
};
