import { fundProjectAggregate, type FundProjectAggregate } from '../../domain/fund-project/aggregate.js';
import type { FundProjectEvent } from '../../domain/fund-project/events.js';
import type { FundProjectState, FundStep, SolicitedProject } from '../../domain/fund-project/state.js';
import { isEnded } from '../../domain/fund-project/state.js';
import { fundProjectStream } from '../../domain/shared/ids.js';
import { formatYuan } from '../../domain/shared/money.js';
import type { AuditCheck, AuditedEvent, ReportViolation } from '../auditor.js';
import { replayDecision, trackingReport } from './decision-replay.js';

const PREFIX = fundProjectStream('');

type LaterEvent = Exclude<FundProjectEvent, { type: 'FundProjectSolicited' }>;

/** The steps at which each event may be recorded: the five steps' order, restated for the audit. */
const ALLOWED_AT: Readonly<Record<LaterEvent['type'], readonly FundStep[]>> = {
  FundProjectDecided: ['solicited'],
  FundProjectDeclined: ['solicited'],
  FundBudgetAmended: ['decided', 'implementing'],
  FundImplementationStarted: ['decided'],
  FundMilestoneReported: ['implementing'],
  FundSpendingReported: ['implementing'],
  FundContributionRecorded: ['decided', 'implementing', 'completed'],
  FundImplementationCompleted: ['implementing'],
  FundProjectEvaluated: ['completed'],
  FundSupervisionRecorded: ['decided', 'implementing', 'completed'],
  FundProjectClosed: ['completed'],
};

/** The id an event adds to one of the project's sets, and that set, for events that must not repeat one. */
const repeatedId = (project: SolicitedProject, event: LaterEvent): string | undefined => {
  switch (event.type) {
    case 'FundMilestoneReported':
      return project.milestones.has(event.data.milestoneId)
        ? `milestone ${event.data.milestoneId}`
        : undefined;
    case 'FundSpendingReported':
      return project.spendings.has(event.data.spendingId) ? `spending ${event.data.spendingId}` : undefined;
    case 'FundContributionRecorded':
      return project.contributions.has(event.data.contributionId)
        ? `contribution ${event.data.contributionId}`
        : undefined;
    case 'FundProjectEvaluated':
      return project.evaluators.has(event.data.residentId)
        ? `evaluation by ${event.data.residentId}`
        : undefined;
    case 'FundSupervisionRecorded':
      return project.findings.has(event.data.findingId) ? `finding ${event.data.findingId}` : undefined;
    default:
      return undefined;
  }
};

/** Whether `event` can follow `project`: at its step, not a repeat, within the approved amount. */
const checkOnProject = (project: SolicitedProject, event: LaterEvent, report: ReportViolation): void => {
  if (isEnded(project)) {
    report('event-after-close', `${event.type} after the project was ${project.status}`);
    return;
  }
  const allowed = ALLOWED_AT[event.type];
  if (!allowed.includes(project.status)) {
    report(
      'impossible-transition',
      `${event.type} while the project is ${project.status} (${allowed.join(' or ')} only)`,
    );
    return;
  }
  const repeated = repeatedId(project, event);
  if (repeated !== undefined) report('impossible-transition', `${repeated} recorded twice`);
  if (
    event.type === 'FundSpendingReported' &&
    project.spentFen + event.data.amountFen > project.approvedFen
  ) {
    report(
      'over-approval',
      `${formatYuan(project.spentFen + event.data.amountFen)} spent of ${formatYuan(project.approvedFen)} approved`,
    );
  }
  if (event.type === 'FundBudgetAmended' && event.data.approvedFen < project.spentFen) {
    report(
      'over-approval',
      `approval amended to ${formatYuan(event.data.approvedFen)} after ${formatYuan(project.spentFen)} was spent`,
    );
  }
};

const checkTransition = (state: FundProjectState, event: FundProjectEvent, report: ReportViolation): void => {
  if (event.type === 'FundProjectSolicited') {
    if (state.status !== 'unsolicited') report('impossible-transition', 'the project was already solicited');
    return;
  }
  if (state.status === 'unsolicited') {
    report('impossible-transition', `${event.type} before the project was solicited`);
    return;
  }
  checkOnProject(state, event, report);
};

/**
 * Replays every `fund-project-` stream through the FundProject decider's `evolve`, checking each event
 * against the state before it: the five steps in order (no spending before a decision and the start of
 * implementation, no evaluation before completion), nothing after closing, no id recorded twice, spending
 * never beyond the approved amount (`over-approval`), and that it names the project of its stream. An event
 * the lifecycle allows is decided again (see {@link replayDecision}).
 */
export const fundProjectCheck = (aggregate: FundProjectAggregate = fundProjectAggregate): AuditCheck => {
  const states = new Map<string, FundProjectState>();
  const { evolve, initialState } = aggregate.decider;
  return {
    name: 'fund project lifecycle',
    observe(audited: AuditedEvent, report: ReportViolation): void {
      const { recorded } = audited;
      if (!recorded.streamId.startsWith(PREFIX) || !aggregate.events.has(audited.type)) return;
      const event = { type: audited.type, data: audited.data } as FundProjectEvent;
      const tracked = trackingReport(report);
      if (fundProjectStream(event.data.projectId) !== recorded.streamId) {
        tracked.report(
          'wrong-stream',
          `${event.type} of project ${event.data.projectId} in ${recorded.streamId}`,
        );
      }
      const before = states.get(recorded.streamId) ?? initialState;
      checkTransition(before, event, tracked.report);
      if (!tracked.found()) replayDecision(aggregate, before, audited, report);
      states.set(recorded.streamId, evolve(before, event));
    },
  };
};
