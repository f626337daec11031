import type { Aggregate } from '../../commands/aggregate.js';
import { MessageCatalogue } from '../shared/catalogue.js';
import { problemStream } from '../shared/ids.js';
import { problemCommandSchemas } from './commands.js';
import { createProblemDecider, type ProblemDeciderConfig } from './decider.js';
import { problemEventSchemas } from './events.js';
import type { ProblemState } from './state.js';

/** The Problem aggregate as the command handler sees it. */
export type ProblemAggregate = Aggregate<
  typeof problemCommandSchemas,
  typeof problemEventSchemas,
  ProblemState
>;

/**
 * Builds the Problem aggregate: stream `problem-<problemId>`. Each aggregate gets its own catalogues, so
 * upcasters registered on one deployment's aggregate do not leak into another's.
 */
export const createProblemAggregate = (config: ProblemDeciderConfig = {}): ProblemAggregate => ({
  name: 'Problem',
  commands: new MessageCatalogue(problemCommandSchemas),
  events: new MessageCatalogue(problemEventSchemas),
  decider: createProblemDecider(config),
  streamId: (command) => problemStream(command.data.problemId),
  recordedBy: {
    ProblemReported: 'ReportProblem',
    ProblemTriaged: 'TriageProblem',
    ProblemEscalated: 'EscalateProblem',
    ProblemResolved: 'ResolveProblem',
    ProblemRated: 'RateResolution',
    ProblemReopened: 'ReopenProblem',
    ProblemClosed: 'CloseProblem',
    ProblemRejected: 'RejectProblem',
    ProblemReferredToDeliberation: 'ReferProblemToDeliberation',
    ProblemDeliberated: 'RecordDeliberation',
    ProblemAssigned: 'AssignProblem',
    MeasuresPlanned: 'PlanMeasures',
    ProblemReassigned: 'ReassignProblem',
    DepartmentResponded: 'RespondAsDepartment',
    ProblemFiledWithStreet: 'FileWithStreet',
  },
});

/** The Problem aggregate with the default routing table. */
export const problemAggregate: ProblemAggregate = createProblemAggregate();
