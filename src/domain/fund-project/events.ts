import { z } from 'zod';
import { MessageCatalogue, type MessagesOf } from '../shared/catalogue.js';
import { IdSchema } from '../shared/ids.js';
import { FenSchema, PositiveFenSchema } from '../shared/money.js';

/** A short text (a need, a purpose, a finding); free text, so hosts must keep personal data out of it. */
export const FundTextSchema = z.string().min(1).max(1_000);

/** The fund's budget year a project is counted under in the ledger (a calendar year). */
export const FundYearSchema = z.number().int().min(2000).max(2200);

/**
 * What authorised a decision: a residents' ballot on a proposal, an item of a deliberation meeting, or a
 * recorded decision of the fund committee. Ids only: the proposal and meeting streams are other aggregates'.
 */
export const DecisionRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ballot'), proposalId: IdSchema, matter: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('meeting'), meetingId: IdSchema, item: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('committee'), reference: z.string().min(1).max(200) }),
]);

/** The reference of a decision (see {@link DecisionRefSchema}). */
export type DecisionRef = z.infer<typeof DecisionRefSchema>;

/**
 * Who co-funds a project: the owners' committee, residents (how many took part), or an organisation (a
 * partner, a social enterprise, by id).
 */
export const ContributorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('owners-committee') }),
  z.object({ kind: z.literal('residents'), participants: z.number().int().min(1).max(1_000_000) }),
  z.object({ kind: z.literal('organisation'), organisationId: IdSchema }),
]);

/** A co-funder (see {@link ContributorSchema}). */
export type Contributor = z.infer<typeof ContributorSchema>;

/** Labour in whole hours, bounded so that sums stay exact. */
export const LabourHoursSchema = z.number().int().min(0).max(10_000_000);

/** How serious a supervision finding is. */
export const FINDING_SEVERITIES = ['note', 'concern', 'breach'] as const;

/** Data of `FundProjectSolicited` (项目征集): a need put forward, with the amount asked for. */
export const FundProjectSolicitedSchema = z.object({
  projectId: IdSchema,
  street: IdSchema,
  community: IdSchema,
  fundYear: FundYearSchema,
  title: z.string().min(1).max(200),
  need: FundTextSchema,
  proposerId: IdSchema,
  requestedFen: PositiveFenSchema,
  /** How many people the project is expected to serve, if the proposal says. */
  beneficiaries: z.number().int().min(1).max(10_000_000).optional(),
  /** The area the project works on in square metres (a garden, a room), if any. */
  areaM2: z.number().int().min(1).max(10_000_000).optional(),
});

/** Data of `FundProjectDecided` (项目确定): the amount approved and what decided it. */
export const FundProjectDecidedSchema = z.object({
  projectId: IdSchema,
  approvedFen: PositiveFenSchema,
  decision: DecisionRefSchema,
});

/** Data of `FundProjectDeclined`: the decision not to fund; the project ends. */
export const FundProjectDeclinedSchema = z.object({
  projectId: IdSchema,
  decision: DecisionRefSchema,
  reason: FundTextSchema,
});

/** Data of `FundBudgetAmended`: a new approved total, decided as the first was. */
export const FundBudgetAmendedSchema = z.object({
  projectId: IdSchema,
  approvedFen: PositiveFenSchema,
  decision: DecisionRefSchema,
  reason: FundTextSchema,
});

/** Data of `FundImplementationStarted` (项目实施); the implementing organisation, if not the community. */
export const FundImplementationStartedSchema = z.object({
  projectId: IdSchema,
  organisationId: IdSchema.optional(),
});

/** Data of `FundMilestoneReported`. */
export const FundMilestoneReportedSchema = z.object({
  projectId: IdSchema,
  milestoneId: IdSchema,
  description: FundTextSchema,
});

/** Data of `FundSpendingReported`: fund money paid out, never beyond the approved amount. */
export const FundSpendingReportedSchema = z.object({
  projectId: IdSchema,
  spendingId: IdSchema,
  amountFen: PositiveFenSchema,
  purpose: FundTextSchema,
  milestoneId: IdSchema.optional(),
});

/** Data of `FundContributionRecorded`: co-funding in money, labour or both (never neither). */
export const FundContributionRecordedSchema = z.object({
  projectId: IdSchema,
  contributionId: IdSchema,
  contributor: ContributorSchema,
  moneyFen: FenSchema,
  labourHours: LabourHoursSchema,
  description: FundTextSchema,
});

/** Data of `FundImplementationCompleted`: the work is done; residents may now evaluate it. */
export const FundImplementationCompletedSchema = z.object({ projectId: IdSchema });

/** Data of `FundProjectEvaluated` (项目评议): one resident's score, 1 to 5. */
export const FundProjectEvaluatedSchema = z.object({
  projectId: IdSchema,
  residentId: IdSchema,
  score: z.number().int().min(1).max(5),
});

/** Data of `FundSupervisionRecorded` (项目监督): a finding and who made it. */
export const FundSupervisionRecordedSchema = z.object({
  projectId: IdSchema,
  findingId: IdSchema,
  severity: z.enum(FINDING_SEVERITIES),
  finding: FundTextSchema,
  supervisorId: IdSchema,
});

/** Data of `FundProjectClosed`. */
export const FundProjectClosedSchema = z.object({ projectId: IdSchema });

/** The FundProject event schemas by type: the integration contract of the `fund-project-<id>` streams. */
export const fundProjectEventSchemas = {
  FundProjectSolicited: FundProjectSolicitedSchema,
  FundProjectDecided: FundProjectDecidedSchema,
  FundProjectDeclined: FundProjectDeclinedSchema,
  FundBudgetAmended: FundBudgetAmendedSchema,
  FundImplementationStarted: FundImplementationStartedSchema,
  FundMilestoneReported: FundMilestoneReportedSchema,
  FundSpendingReported: FundSpendingReportedSchema,
  FundContributionRecorded: FundContributionRecordedSchema,
  FundImplementationCompleted: FundImplementationCompletedSchema,
  FundProjectEvaluated: FundProjectEvaluatedSchema,
  FundSupervisionRecorded: FundSupervisionRecordedSchema,
  FundProjectClosed: FundProjectClosedSchema,
} as const;

/** The catalogue that parses FundProject events read from a store. */
export const fundProjectEvents = new MessageCatalogue(fundProjectEventSchemas);

/** Any FundProject event. */
export type FundProjectEvent = MessagesOf<typeof fundProjectEventSchemas>;

/** The FundProject event of one type. */
export type FundProjectEventOf<T extends FundProjectEvent['type']> = Extract<
  FundProjectEvent,
  { readonly type: T }
>;
