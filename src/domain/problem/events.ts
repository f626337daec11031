import { z } from 'zod';
import type { MessagesOf } from '../shared/catalogue.js';
import { IdSchema } from '../shared/ids.js';
import { TierSchema } from '../shared/tiers.js';
import { InstantSchema } from '../shared/time.js';
import { UnitPathSchema } from '../shared/units.js';
import { deliberationEventSchemas } from './deliberation-schemas.js';
import { responsibilityEventSchemas } from './responsibility-events.js';

/**
 * A problem category: a lowercase slug (`missing-manhole-cover`). Any slug is accepted, not only those of the
 * routing table, so a host can add categories without a library release; unknown ones route to the table's
 * fallback tier. Slugs rather than free ids keep `Noise` and `noise` from becoming two categories.
 */
export const ProblemCategorySchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a category is a lowercase slug such as missing-manhole-cover');

/** A problem category slug (see {@link ProblemCategorySchema}). */
export type ProblemCategory = z.infer<typeof ProblemCategorySchema>;

/** How a problem reached the system; `rider` marks outside contributors such as delivery riders. */
export const REPORT_CHANNELS = ['app', 'hotline', 'visit', 'patrol', 'rider', 'other'] as const;

/** Zod schema of a {@link ReportChannel}. */
export const ReportChannelSchema = z.enum(REPORT_CHANNELS);

/** How a problem reached the system. */
export type ReportChannel = z.infer<typeof ReportChannelSchema>;

/** How soon a problem needs attention. */
export const PROBLEM_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** Zod schema of a {@link ProblemPriority}. */
export const ProblemPrioritySchema = z.enum(PROBLEM_PRIORITIES);

/** How soon a problem needs attention. */
export type ProblemPriority = z.infer<typeof ProblemPrioritySchema>;

/** Why a problem was turned away instead of handled. */
export const PROBLEM_REJECTION_REASONS = ['duplicate', 'out-of-scope', 'invalid'] as const;

/** Zod schema of a {@link ProblemRejectionReason}. */
export const ProblemRejectionReasonSchema = z.enum(PROBLEM_REJECTION_REASONS);

/** Why a problem was turned away instead of handled. */
export type ProblemRejectionReason = z.infer<typeof ProblemRejectionReasonSchema>;

/** The longest description, resolution or reason text the library stores. */
export const MAX_PROBLEM_TEXT_LENGTH = 2000;

/**
 * Free text about the problem (a description, a resolution, a reason). It is stored for good in an
 * append-only, hash-chained log, so the host must keep personal data (names, phone numbers, door numbers)
 * out of it; the library cannot tell a name from a word.
 */
export const ProblemTextSchema = z.string().min(1).max(MAX_PROBLEM_TEXT_LENGTH);

/** At most this many media references per report. */
export const MAX_PROBLEM_MEDIA = 20;

/**
 * A reference to a photo or short video held by the host (a media id or a URL), never the media itself:
 * events stay small, and media holding faces can be deleted without touching the history.
 */
export const ProblemMediaRefSchema = z
  .string()
  .min(1)
  .max(2048)
  .regex(/^\S+$/, 'a media reference is an id or URL without spaces');

/**
 * A duplicate names its original, and only a duplicate does; a problem is never a duplicate of itself.
 * Shared by the event and the command so both boundaries enforce it.
 */
export const duplicateOfRule = (
  value: { problemId: string; reason: ProblemRejectionReason; duplicateOf?: string | undefined },
  ctx: z.RefinementCtx,
): void => {
  if (value.reason === 'duplicate' && value.duplicateOf === undefined) {
    ctx.addIssue({ code: 'custom', path: ['duplicateOf'], message: 'a duplicate names its original' });
  }
  if (value.reason !== 'duplicate' && value.duplicateOf !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['duplicateOf'], message: 'only a duplicate names an original' });
  }
  if (value.duplicateOf === value.problemId) {
    ctx.addIssue({ code: 'custom', path: ['duplicateOf'], message: 'a problem cannot duplicate itself' });
  }
};

/** The data of every problem event. */
export const problemEventSchemas = {
  /** A problem was reported at a place; the reporter is the acting person's id. */
  ProblemReported: z.object({
    problemId: IdSchema,
    path: UnitPathSchema,
    category: ProblemCategorySchema,
    description: ProblemTextSchema,
    reporterId: IdSchema,
    channel: ReportChannelSchema,
    media: z.array(ProblemMediaRefSchema).max(MAX_PROBLEM_MEDIA),
  }),
  /** Triage confirmed the category and handed the problem to a tier, with a deadline. */
  ProblemTriaged: z.object({
    problemId: IdSchema,
    category: ProblemCategorySchema,
    tier: TierSchema,
    priority: ProblemPrioritySchema,
    dueBy: InstantSchema,
  }),
  /** The tier holding the problem handed it one step up the ladder, with a new deadline. */
  ProblemEscalated: z.object({
    problemId: IdSchema,
    fromTier: TierSchema,
    toTier: TierSchema,
    reason: ProblemTextSchema,
    dueBy: InstantSchema,
  }),
  /** The tier holding the problem solved it; `tier` is what the 721 statistics count. */
  ProblemResolved: z.object({
    problemId: IdSchema,
    tier: TierSchema,
    resolution: ProblemTextSchema,
  }),
  /** The reporter evaluated the resolution. */
  ProblemRated: z.object({
    problemId: IdSchema,
    satisfied: z.boolean(),
    score: z.number().int().min(1).max(5),
  }),
  /**
   * An unsatisfying resolution was taken back: the problem is open again at the tier that resolved it.
   * `dueBy` is the new deadline (the old one has usually passed), so overdue statistics stay meaningful.
   */
  ProblemReopened: z.object({
    problemId: IdSchema,
    tier: TierSchema,
    reason: ProblemTextSchema,
    dueBy: InstantSchema,
  }),
  /** The file on a resolved problem was closed; nothing happens to it afterwards. */
  ProblemClosed: z.object({ problemId: IdSchema }),
  /** The problem was turned away before resolution; `duplicateOf` names the original of a duplicate. */
  ProblemRejected: z
    .object({
      problemId: IdSchema,
      reason: ProblemRejectionReasonSchema,
      duplicateOf: IdSchema.optional(),
      note: ProblemTextSchema.optional(),
    })
    .superRefine(duplicateOfRule),
  ...deliberationEventSchemas,
  ...responsibilityEventSchemas,
};

/** The problem events as `{ type, data }` messages. */
export type ProblemEvent = MessagesOf<typeof problemEventSchemas>;

/** The type name of a problem event. */
export type ProblemEventType = ProblemEvent['type'];

/** The problem event of one type. */
export type ProblemEventOf<T extends ProblemEventType> = Extract<ProblemEvent, { type: T }>;
