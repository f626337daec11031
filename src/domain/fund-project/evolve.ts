import type { FundProjectEvent } from './events.js';
import type { FundProjectState, FundStep, SolicitedProject } from './state.js';

const withId = (set: ReadonlySet<string>, id: string): ReadonlySet<string> => new Set(set).add(id);

const at = (project: SolicitedProject, status: FundStep): SolicitedProject => ({ ...project, status });

/** Folds one FundProject event; total: an event that cannot apply to the state leaves it unchanged. */
export const evolveFundProject = (state: FundProjectState, event: FundProjectEvent): FundProjectState => {
  if (event.type === 'FundProjectSolicited') {
    if (state.status !== 'unsolicited') return state;
    const { data } = event;
    return {
      status: 'solicited',
      projectId: data.projectId,
      street: data.street,
      community: data.community,
      fundYear: data.fundYear,
      requestedFen: data.requestedFen,
      approvedFen: 0,
      spentFen: 0,
      milestones: new Set(),
      spendings: new Set(),
      contributions: new Set(),
      evaluators: new Set(),
      findings: new Set(),
    };
  }
  if (state.status === 'unsolicited') return state;
  switch (event.type) {
    case 'FundProjectDecided':
      return { ...state, status: 'decided', approvedFen: event.data.approvedFen };
    case 'FundProjectDeclined':
      return at(state, 'declined');
    case 'FundBudgetAmended':
      return { ...state, approvedFen: event.data.approvedFen };
    case 'FundImplementationStarted':
      return at(state, 'implementing');
    case 'FundMilestoneReported':
      return { ...state, milestones: withId(state.milestones, event.data.milestoneId) };
    case 'FundSpendingReported':
      return {
        ...state,
        spentFen: state.spentFen + event.data.amountFen,
        spendings: withId(state.spendings, event.data.spendingId),
      };
    case 'FundContributionRecorded':
      return { ...state, contributions: withId(state.contributions, event.data.contributionId) };
    case 'FundImplementationCompleted':
      return at(state, 'completed');
    case 'FundProjectEvaluated':
      return { ...state, evaluators: withId(state.evaluators, event.data.residentId) };
    case 'FundSupervisionRecorded':
      return { ...state, findings: withId(state.findings, event.data.findingId) };
    case 'FundProjectClosed':
      return at(state, 'closed');
  }
};
