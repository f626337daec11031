import { z } from 'zod';
import { MessageCatalogue, type MessageInputsOf, type MessagesOf } from '../shared/catalogue.js';
import { IdSchema } from '../shared/ids.js';
import {
  FINDING_SEVERITIES,
  FundBudgetAmendedSchema,
  FundContributionRecordedSchema,
  FundImplementationCompletedSchema,
  FundImplementationStartedSchema,
  FundMilestoneReportedSchema,
  FundProjectClosedSchema,
  FundProjectDecidedSchema,
  FundProjectDeclinedSchema,
  FundProjectSolicitedSchema,
  FundSpendingReportedSchema,
  FundTextSchema,
} from './events.js';

/** `SolicitFundProject`: `proposerId` defaults to the acting person (a resident proposes in their own name). */
export const SolicitFundProjectSchema = FundProjectSolicitedSchema.extend({
  proposerId: IdSchema.optional(),
});

/** `EvaluateFundProject`: the acting resident scores the finished project. */
export const EvaluateFundProjectSchema = z.object({
  projectId: IdSchema,
  score: z.number().int().min(1).max(5),
});

/** `RecordFundSupervision`: the acting supervisor records a finding. */
export const RecordFundSupervisionSchema = z.object({
  projectId: IdSchema,
  findingId: IdSchema,
  severity: z.enum(FINDING_SEVERITIES),
  finding: FundTextSchema,
});

/** The FundProject command schemas by type; most carry exactly what their event records. */
export const fundProjectCommandSchemas = {
  SolicitFundProject: SolicitFundProjectSchema,
  DecideFundProject: FundProjectDecidedSchema,
  DeclineFundProject: FundProjectDeclinedSchema,
  AmendFundBudget: FundBudgetAmendedSchema,
  StartFundImplementation: FundImplementationStartedSchema,
  ReportFundMilestone: FundMilestoneReportedSchema,
  ReportFundSpending: FundSpendingReportedSchema,
  RecordFundContribution: FundContributionRecordedSchema,
  CompleteFundImplementation: FundImplementationCompletedSchema,
  EvaluateFundProject: EvaluateFundProjectSchema,
  RecordFundSupervision: RecordFundSupervisionSchema,
  CloseFundProject: FundProjectClosedSchema,
} as const;

/** The catalogue that parses FundProject commands from callers. */
export const fundProjectCommands = new MessageCatalogue(fundProjectCommandSchemas);

/** Any FundProject command, as parsed. */
export type FundProjectCommand = MessagesOf<typeof fundProjectCommandSchemas>;

/** Any FundProject command as a caller may write it. */
export type FundProjectCommandInput = MessageInputsOf<typeof fundProjectCommandSchemas>;
