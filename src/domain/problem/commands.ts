import { z } from 'zod';
import type { MessageInputsOf, MessagesOf } from '../shared/catalogue.js';
import { IdSchema } from '../shared/ids.js';
import { TierSchema } from '../shared/tiers.js';
import { InstantSchema } from '../shared/time.js';
import { UnitPathSchema } from '../shared/units.js';
import { deliberationCommandSchemas } from './deliberation-schemas.js';
import {
  ProblemCategorySchema,
  ReportChannelSchema,
  duplicateOfRule,
  MAX_PROBLEM_MEDIA,
  MAX_PROBLEM_TEXT_LENGTH,
  ProblemMediaRefSchema,
  ProblemPrioritySchema,
  ProblemRejectionReasonSchema,
} from './events.js';
import { responsibilityCommandSchemas } from './responsibility-events.js';

/** Text from a caller, trimmed so that a description of blanks counts as empty (see ProblemTextSchema). */
const CommandTextSchema = z.string().trim().min(1).max(MAX_PROBLEM_TEXT_LENGTH);

/**
 * The data of every problem command. Who acts and when comes from the command context, never from the data:
 * the reporter of `ReportProblem` is `context.actor.id`. Optional deadlines default from the routing table.
 */
export const problemCommandSchemas = {
  /** Reports a problem at a place; any role may report. */
  ReportProblem: z.object({
    problemId: IdSchema,
    path: UnitPathSchema,
    category: ProblemCategorySchema,
    description: CommandTextSchema,
    channel: ReportChannelSchema,
    media: z.array(ProblemMediaRefSchema).max(MAX_PROBLEM_MEDIA).default([]),
  }),
  /** Routes a reported problem to a tier; tier and priority default from the routing table by category. */
  TriageProblem: z.object({
    problemId: IdSchema,
    /** Corrects the reported category; defaults to it. */
    category: ProblemCategorySchema.optional(),
    tier: TierSchema.optional(),
    priority: ProblemPrioritySchema.optional(),
    dueBy: InstantSchema.optional(),
  }),
  /** Hands the problem one step up; `toTier`, when given, must be exactly the next tier. */
  EscalateProblem: z.object({
    problemId: IdSchema,
    reason: CommandTextSchema,
    toTier: TierSchema.optional(),
    dueBy: InstantSchema.optional(),
  }),
  /** Records the problem as solved by the tier holding it. */
  ResolveProblem: z.object({
    problemId: IdSchema,
    resolution: CommandTextSchema,
  }),
  /** The reporter's evaluation of the resolution. */
  RateResolution: z.object({
    problemId: IdSchema,
    satisfied: z.boolean(),
    score: z.number().int().min(1).max(5),
  }),
  /** Takes back a resolution the reporter was not satisfied with. */
  ReopenProblem: z.object({
    problemId: IdSchema,
    reason: CommandTextSchema,
    dueBy: InstantSchema.optional(),
  }),
  /** Closes the file on a resolved problem. */
  CloseProblem: z.object({ problemId: IdSchema }),
  /** Turns a problem away before it is resolved. */
  RejectProblem: z
    .object({
      problemId: IdSchema,
      reason: ProblemRejectionReasonSchema,
      duplicateOf: IdSchema.optional(),
      note: CommandTextSchema.optional(),
    })
    .superRefine(duplicateOfRule),
  ...deliberationCommandSchemas,
  ...responsibilityCommandSchemas,
};

/** A parsed problem command (defaults applied). */
export type ProblemCommand = MessagesOf<typeof problemCommandSchemas>;

/** A problem command as a caller writes it (before defaults). */
export type ProblemCommandInput = MessageInputsOf<typeof problemCommandSchemas>;

/** The type name of a problem command. */
export type ProblemCommandType = ProblemCommand['type'];

/** The parsed problem command of one type. */
export type ProblemCommandOf<T extends ProblemCommandType> = Extract<ProblemCommand, { type: T }>;
