import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { hasRole } from '../shared/actors.js';
import type { CommandContext } from '../shared/context.js';
import type { Decider } from '../shared/decider.js';
import { domainError, type DomainError } from '../shared/errors.js';
import { formatYuan } from '../shared/money.js';
import type { FundProjectCommand } from './commands.js';
import type { FundProjectEvent } from './events.js';
import { evolveFundProject } from './evolve.js';
import { isFundStaffFor, maySolicit, maySupervise } from './permissions.js';
import {
  initialFundProjectState,
  isEnded,
  type FundProjectState,
  type FundStep,
  type SolicitedProject,
} from './state.js';

type Decision = Either<DomainError, readonly FundProjectEvent[]>;

const reject = (code: DomainError['code'], message: string): Decision => left(domainError(code, message));

const accept = (event: FundProjectEvent): Decision => right([event]);

/** Refuses unless the project stands at one of `steps`: the five steps happen in order. */
const atStep = (project: SolicitedProject, steps: readonly FundStep[], what: string): Decision | undefined =>
  steps.includes(project.status)
    ? undefined
    : reject(
        'invalid-transition',
        `${what} is for a project ${steps.join(' or ')}; this one is ${project.status}`,
      );

const solicit = (
  command: Extract<FundProjectCommand, { type: 'SolicitFundProject' }>,
  state: FundProjectState,
  context: CommandContext,
): Decision => {
  const { proposerId, ...data } = command.data;
  if (state.status !== 'unsolicited') return reject('already-exists', `project ${data.projectId} exists`);
  const proposer = proposerId ?? context.actor.id;
  if (!maySolicit(context.actor, data, proposer)) {
    return reject(
      'forbidden',
      'a resident proposes in their own name; fund staff of the community for anyone',
    );
  }
  return accept({ type: 'FundProjectSolicited', data: { ...data, proposerId: proposer } });
};

/** The commands of fund staff, each allowed at the steps listed. */
const staffStep = (project: SolicitedProject, command: FundProjectCommand): Decision => {
  switch (command.type) {
    case 'SolicitFundProject':
      return reject('already-exists', `project ${project.projectId} exists`);
    case 'DecideFundProject':
      return (
        atStep(project, ['solicited'], 'a decision') ??
        accept({ type: 'FundProjectDecided', data: command.data })
      );
    case 'DeclineFundProject':
      return (
        atStep(project, ['solicited'], 'a decision') ??
        accept({ type: 'FundProjectDeclined', data: command.data })
      );
    case 'AmendFundBudget': {
      const wrong = atStep(project, ['decided', 'implementing'], 'an amendment');
      if (wrong !== undefined) return wrong;
      if (command.data.approvedFen < project.spentFen) {
        return reject('limit-exceeded', `${formatYuan(project.spentFen)} is spent already`);
      }
      return accept({ type: 'FundBudgetAmended', data: command.data });
    }
    case 'StartFundImplementation':
      return (
        atStep(project, ['decided'], 'implementation') ??
        accept({ type: 'FundImplementationStarted', data: command.data })
      );
    case 'ReportFundMilestone': {
      const wrong = atStep(project, ['implementing'], 'a milestone');
      if (wrong !== undefined) return wrong;
      if (project.milestones.has(command.data.milestoneId))
        return reject('already-exists', 'milestone reported');
      return accept({ type: 'FundMilestoneReported', data: command.data });
    }
    case 'ReportFundSpending':
      return spend(project, command.data);
    case 'RecordFundContribution': {
      const wrong = atStep(project, ['decided', 'implementing', 'completed'], 'co-funding');
      if (wrong !== undefined) return wrong;
      if (command.data.moneyFen === 0 && command.data.labourHours === 0) {
        return reject('invalid-command', 'a contribution brings money, labour or both');
      }
      if (project.contributions.has(command.data.contributionId)) {
        return reject('already-exists', 'contribution recorded');
      }
      return accept({ type: 'FundContributionRecorded', data: command.data });
    }
    case 'CompleteFundImplementation':
      return (
        atStep(project, ['implementing'], 'completion') ??
        accept({ type: 'FundImplementationCompleted', data: command.data })
      );
    case 'CloseFundProject':
      return (
        atStep(project, ['completed'], 'closing') ?? accept({ type: 'FundProjectClosed', data: command.data })
      );
    case 'EvaluateFundProject':
    case 'RecordFundSupervision':
      // Not staff commands: decideOnProject routes them before reaching here.
      return reject('forbidden', `${command.type} is not fund staff's`);
  }
};

/** Spending: only while implementing (so never before a decision), never beyond the approved amount. */
const spend = (
  project: SolicitedProject,
  data: Extract<FundProjectCommand, { type: 'ReportFundSpending' }>['data'],
): Decision => {
  const wrong = atStep(project, ['implementing'], 'spending');
  if (wrong !== undefined) return wrong;
  if (project.spendings.has(data.spendingId)) return reject('already-exists', 'spending reported');
  if (data.milestoneId !== undefined && !project.milestones.has(data.milestoneId)) {
    return reject('not-found', `no milestone ${data.milestoneId}`);
  }
  const after = project.spentFen + data.amountFen;
  if (after > project.approvedFen) {
    return reject(
      'limit-exceeded',
      `${formatYuan(after)} would be spent of ${formatYuan(project.approvedFen)} approved: amend the budget first`,
    );
  }
  return accept({ type: 'FundSpendingReported', data });
};

const decideOnProject = (
  project: SolicitedProject,
  command: FundProjectCommand,
  context: CommandContext,
): Decision => {
  const { actor } = context;
  if (command.type === 'SolicitFundProject')
    return reject('already-exists', `project ${project.projectId} exists`);
  if (isEnded(project)) return reject('invalid-transition', `the project is ${project.status}`);
  if (command.type === 'EvaluateFundProject') {
    if (!hasRole(actor, ['resident'])) return reject('forbidden', 'residents evaluate a fund project');
    const wrong = atStep(project, ['completed'], 'evaluation');
    if (wrong !== undefined) return wrong;
    if (project.evaluators.has(actor.id))
      return reject('already-exists', 'the resident evaluated it already');
    const { score } = command.data;
    return accept({
      type: 'FundProjectEvaluated',
      data: { projectId: project.projectId, residentId: actor.id, score },
    });
  }
  if (command.type === 'RecordFundSupervision') {
    if (!maySupervise(actor, project)) {
      return reject(
        'forbidden',
        "a street official or administrator over the project's community supervises",
      );
    }
    const wrong = atStep(project, ['decided', 'implementing', 'completed'], 'supervision');
    if (wrong !== undefined) return wrong;
    if (project.findings.has(command.data.findingId)) return reject('already-exists', 'finding recorded');
    return accept({ type: 'FundSupervisionRecorded', data: { ...command.data, supervisorId: actor.id } });
  }
  if (!isFundStaffFor(actor, project)) {
    return reject('forbidden', 'only community staff or an administrator of the community keep its fund');
  }
  return staffStep(project, command);
};

/**
 * The FundProject decider: the five steps in order (no spending before a decision and the start of
 * implementation, no evaluation before the work is completed), spending never beyond the approved amount
 * without an amendment, co-funding recorded as contributions. Fund staff (community staff or an
 * administrator over the community) keep the project; residents propose and evaluate; the street supervises.
 */
export const fundProjectDecider: Decider<FundProjectCommand, FundProjectEvent, FundProjectState> = {
  initialState: initialFundProjectState,
  evolve: evolveFundProject,
  decide: (command, state, context) => {
    if (command.type === 'SolicitFundProject') return solicit(command, state, context);
    if (state.status === 'unsolicited') return reject('not-found', 'no such fund project');
    return decideOnProject(state, command, context);
  },
};
