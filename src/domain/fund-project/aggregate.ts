import type { Aggregate } from '../../commands/aggregate.js';
import { fundProjectStream } from '../shared/ids.js';
import { fundProjectCommands, type fundProjectCommandSchemas } from './commands.js';
import { fundProjectDecider } from './decider.js';
import { fundProjectEvents, type fundProjectEventSchemas } from './events.js';
import type { FundProjectState } from './state.js';

/** The FundProject aggregate as the command handler runs it. */
export type FundProjectAggregate = Aggregate<
  typeof fundProjectCommandSchemas,
  typeof fundProjectEventSchemas,
  FundProjectState
>;

/** The FundProject configuration; nothing is configurable yet (kept so LinliConfig has a slot for it). */
export type FundProjectConfig = Readonly<Record<never, never>>;

/** Builds the FundProject aggregate (stream `fund-project-<projectId>`). */
export const createFundProjectAggregate = (_config: FundProjectConfig = {}): FundProjectAggregate => ({
  name: 'FundProject',
  commands: fundProjectCommands,
  events: fundProjectEvents,
  decider: fundProjectDecider,
  streamId: (command) => fundProjectStream(command.data.projectId),
  recordedBy: {
    FundProjectSolicited: 'SolicitFundProject',
    FundProjectDecided: 'DecideFundProject',
    FundProjectDeclined: 'DeclineFundProject',
    FundBudgetAmended: 'AmendFundBudget',
    FundImplementationStarted: 'StartFundImplementation',
    FundMilestoneReported: 'ReportFundMilestone',
    FundSpendingReported: 'ReportFundSpending',
    FundContributionRecorded: 'RecordFundContribution',
    FundImplementationCompleted: 'CompleteFundImplementation',
    FundProjectEvaluated: 'EvaluateFundProject',
    FundSupervisionRecorded: 'RecordFundSupervision',
    FundProjectClosed: 'CloseFundProject',
  },
});

/** The FundProject aggregate. */
export const fundProjectAggregate: FundProjectAggregate = createFundProjectAggregate();
