/**
 * The FundProject rules restated for the model-based test, independently of the decider: what each command
 * should do from the state the model holds, and how the model moves on.
 */
import type { FundProjectCommandInput } from '../../../src/domain/fund-project/commands.js';
import type { FundProjectEvent } from '../../../src/domain/fund-project/events.js';
import type { ErrorCode } from '../../../src/domain/shared/errors.js';
import type { FundAction } from '../../../src/testing/arbitraries/fund-basics.js';
import type { FundWorld } from '../../../src/testing/scenarios/fund-world.js';
import type { ActorInput } from '../../../src/testing/scenarios/task-world.js';

type Step = 'solicited' | 'decided' | 'implementing' | 'completed' | 'closed' | 'declined';

/** What the model knows of the project. */
export interface ModelProject {
  step: Step;
  approvedFen: number;
  spentFen: number;
  milestones: Set<string>;
  spendings: Set<string>;
  contributions: Set<string>;
  evaluators: Set<string>;
  findings: Set<string>;
}

/** The model: the time and the project, if solicited. */
export interface FundModel {
  minutes: number;
  project: ModelProject | undefined;
}

/** The outcome the model expects: the one event type a command records, or a rejection. */
export type Expected = { readonly accept: FundProjectEvent['type'] } | { readonly reject: ErrorCode };

const covers = (actor: ActorInput, world: FundWorld): boolean =>
  (actor.scope ?? []).some((unit) => unit === '*' || unit === world.street || unit === world.community);

const isStaff = (actor: ActorInput, world: FundWorld): boolean =>
  (actor.role === 'community-staff' || actor.role === 'administrator') && covers(actor, world);

const isSupervisor = (actor: ActorInput, world: FundWorld): boolean =>
  (actor.role === 'street-official' || actor.role === 'administrator') && covers(actor, world);

/** Accepts `type` when the project stands at one of `steps`, else the step-order refusal. */
const atStep = (p: ModelProject, steps: readonly Step[], type: FundProjectEvent['type']): Expected =>
  steps.includes(p.step) ? { accept: type } : { reject: 'invalid-transition' };

/** The rules of the issue, restated: the five steps in order, spending within the approval. */
export const expectedOutcome = (
  model: FundModel,
  action: FundAction<FundProjectCommandInput>,
  world: FundWorld,
): Expected => {
  const { command, actor } = action;
  if (command.type === 'SolicitFundProject') {
    if (model.project !== undefined) return { reject: 'already-exists' };
    const proposer = command.data.proposerId ?? actor.id;
    const may = (actor.role === 'resident' && proposer === actor.id) || isStaff(actor, world);
    return may ? { accept: 'FundProjectSolicited' } : { reject: 'forbidden' };
  }
  const p = model.project;
  if (p === undefined) return { reject: 'not-found' };
  if (p.step === 'closed' || p.step === 'declined') return { reject: 'invalid-transition' };
  if (command.type === 'EvaluateFundProject') {
    if (actor.role !== 'resident') return { reject: 'forbidden' };
    if (p.step !== 'completed') return { reject: 'invalid-transition' };
    return p.evaluators.has(actor.id) ? { reject: 'already-exists' } : { accept: 'FundProjectEvaluated' };
  }
  if (command.type === 'RecordFundSupervision') {
    if (!isSupervisor(actor, world)) return { reject: 'forbidden' };
    if (!['decided', 'implementing', 'completed'].includes(p.step)) return { reject: 'invalid-transition' };
    return p.findings.has(command.data.findingId)
      ? { reject: 'already-exists' }
      : { accept: 'FundSupervisionRecorded' };
  }
  if (!isStaff(actor, world)) return { reject: 'forbidden' };
  switch (command.type) {
    case 'DecideFundProject':
      return atStep(p, ['solicited'], 'FundProjectDecided');
    case 'DeclineFundProject':
      return atStep(p, ['solicited'], 'FundProjectDeclined');
    case 'AmendFundBudget':
      if (!['decided', 'implementing'].includes(p.step)) return { reject: 'invalid-transition' };
      return command.data.approvedFen < p.spentFen
        ? { reject: 'limit-exceeded' }
        : { accept: 'FundBudgetAmended' };
    case 'StartFundImplementation':
      return atStep(p, ['decided'], 'FundImplementationStarted');
    case 'ReportFundMilestone':
      if (p.step !== 'implementing') return { reject: 'invalid-transition' };
      return p.milestones.has(command.data.milestoneId)
        ? { reject: 'already-exists' }
        : { accept: 'FundMilestoneReported' };
    case 'ReportFundSpending': {
      const { spendingId, milestoneId, amountFen } = command.data;
      if (p.step !== 'implementing') return { reject: 'invalid-transition' };
      if (p.spendings.has(spendingId)) return { reject: 'already-exists' };
      if (milestoneId !== undefined && !p.milestones.has(milestoneId)) return { reject: 'not-found' };
      return p.spentFen + amountFen > p.approvedFen
        ? { reject: 'limit-exceeded' }
        : { accept: 'FundSpendingReported' };
    }
    case 'RecordFundContribution':
      if (!['decided', 'implementing', 'completed'].includes(p.step)) return { reject: 'invalid-transition' };
      if (command.data.moneyFen === 0 && command.data.labourHours === 0) return { reject: 'invalid-command' };
      return p.contributions.has(command.data.contributionId)
        ? { reject: 'already-exists' }
        : { accept: 'FundContributionRecorded' };
    case 'CompleteFundImplementation':
      return atStep(p, ['implementing'], 'FundImplementationCompleted');
    case 'CloseFundProject':
      return atStep(p, ['completed'], 'FundProjectClosed');
  }
};

/** Moves the model on after an accepted command. */
export const applyToModel = (model: FundModel, action: FundAction<FundProjectCommandInput>): void => {
  const { command, actor } = action;
  if (command.type === 'SolicitFundProject') {
    model.project = {
      step: 'solicited',
      approvedFen: 0,
      spentFen: 0,
      milestones: new Set(),
      spendings: new Set(),
      contributions: new Set(),
      evaluators: new Set(),
      findings: new Set(),
    };
    return;
  }
  const p = model.project!;
  switch (command.type) {
    case 'DecideFundProject':
      p.step = 'decided';
      p.approvedFen = command.data.approvedFen;
      return;
    case 'DeclineFundProject':
      p.step = 'declined';
      return;
    case 'AmendFundBudget':
      p.approvedFen = command.data.approvedFen;
      return;
    case 'StartFundImplementation':
      p.step = 'implementing';
      return;
    case 'ReportFundMilestone':
      p.milestones.add(command.data.milestoneId);
      return;
    case 'ReportFundSpending':
      p.spentFen += command.data.amountFen;
      p.spendings.add(command.data.spendingId);
      return;
    case 'RecordFundContribution':
      p.contributions.add(command.data.contributionId);
      return;
    case 'CompleteFundImplementation':
      p.step = 'completed';
      return;
    case 'EvaluateFundProject':
      p.evaluators.add(actor.id);
      return;
    case 'RecordFundSupervision':
      p.findings.add(command.data.findingId);
      return;
    case 'CloseFundProject':
      p.step = 'closed';
      return;
  }
};
