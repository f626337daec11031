import { z } from 'zod';
import { MessageCatalogue, type MessagesOf } from '../shared/catalogue.js';
import { IdSchema } from '../shared/ids.js';
import { InstantSchema } from '../shared/time.js';

/** How hard a task is; the default points of a task follow from it. */
export const DIFFICULTIES = ['easy', 'medium', 'hard', 'expert'] as const;

/** One step of the difficulty scale. */
export type Difficulty = (typeof DIFFICULTIES)[number];

/** Zod schema of a {@link Difficulty}. */
export const DifficultySchema = z.enum(DIFFICULTIES);

/**
 * A reference to a stored picture or video (a URL or a storage key chosen by the host). The library keeps
 * only the reference: the media itself, which may show people, stays in the host's storage.
 */
export const MediaRefSchema = z.string().min(1).max(2048);

/** Who may claim a task: any resident, or only the members of one organisation (a unit, a company). */
export const AudienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('public') }),
  z.object({ kind: z.literal('directed'), organisationId: IdSchema }),
]);

/** The audience of a task (see {@link AudienceSchema}). */
export type Audience = z.infer<typeof AudienceSchema>;

/** One piece of proof that a task was done: a photo or a short video. */
export const ProofSchema = z.object({ kind: z.enum(['photo', 'video']), ref: MediaRefSchema });

/** A piece of proof (see {@link ProofSchema}). */
export type Proof = z.infer<typeof ProofSchema>;

/** A short reason given by staff or a resident; free text, so hosts must keep personal data out of it. */
export const ReasonSchema = z.string().min(1).max(500);

/** Points are whole, positive and bounded, so that no sum of them can lose precision. */
export const TaskPointsSchema = z.number().int().min(1).max(100_000);

/** The most claim slots one task may offer. */
export const MAX_SLOTS = 1_000;

/** Data of `TaskPublished`: the task as the community offers it. */
export const TaskPublishedSchema = z.object({
  taskId: IdSchema,
  /** The neighbourhood (社区) that publishes the task. */
  community: IdSchema,
  /** The grid or lane the task belongs to, for a per-unit task board. */
  unit: IdSchema.optional(),
  /** A short description; never personal data. */
  title: z.string().min(1).max(200),
  difficulty: DifficultySchema,
  /** The points a verified claim earns. */
  points: TaskPointsSchema,
  audience: AudienceSchema,
  slots: z.number().int().min(1).max(MAX_SLOTS),
  deadline: InstantSchema,
  /** The problem this task was created to solve, if any. */
  sourceProblemId: IdSchema.optional(),
  media: z.array(MediaRefSchema).max(20),
});

/**
 * Data of `TaskClaimed`. `onBehalfOf` (added after the first release, optional so that earlier claims read as
 * they were written) names the organisation the claimant acts for; the claimant must be a member of it, and of
 * a directed task's organisation, as the organisation's history records at the claim (see
 * {@link claimOrganisation}).
 */
export const TaskClaimedSchema = z.object({
  taskId: IdSchema,
  residentId: IdSchema,
  onBehalfOf: IdSchema.optional(),
});

/**
 * The organisation a claim is made for, whose member the claimant must be: the one it names, else a directed
 * task's own; undefined for a resident claiming a public task for themselves.
 */
export const claimOrganisation = (audience: Audience, onBehalfOf: string | undefined): string | undefined =>
  onBehalfOf ?? (audience.kind === 'directed' ? audience.organisationId : undefined);

/** Data of `TaskProofSubmitted`. */
export const TaskProofSubmittedSchema = z.object({
  taskId: IdSchema,
  residentId: IdSchema,
  proof: z.array(ProofSchema).min(1).max(20),
});

/** Data of `TaskVerified`: carries the community and the points so the points policy needs no lookup. */
export const TaskVerifiedSchema = z.object({
  taskId: IdSchema,
  residentId: IdSchema,
  community: IdSchema,
  points: TaskPointsSchema,
  verifiedBy: IdSchema,
});

/** Data of `TaskProofRejected`. */
export const TaskProofRejectedSchema = z.object({
  taskId: IdSchema,
  residentId: IdSchema,
  reason: ReasonSchema,
});

/** Data of `TaskClaimReleased`. */
export const TaskClaimReleasedSchema = z.object({
  taskId: IdSchema,
  residentId: IdSchema,
  reason: ReasonSchema.optional(),
});

/** Data of `TaskCancelled`. */
export const TaskCancelledSchema = z.object({ taskId: IdSchema, reason: ReasonSchema });

/** Data of `TaskExpired`. */
export const TaskExpiredSchema = z.object({ taskId: IdSchema });

/** The Task event schemas by type: the integration contract of the `task-<id>` streams. */
export const taskEventSchemas = {
  TaskPublished: TaskPublishedSchema,
  TaskClaimed: TaskClaimedSchema,
  TaskProofSubmitted: TaskProofSubmittedSchema,
  TaskVerified: TaskVerifiedSchema,
  TaskProofRejected: TaskProofRejectedSchema,
  TaskClaimReleased: TaskClaimReleasedSchema,
  TaskCancelled: TaskCancelledSchema,
  TaskExpired: TaskExpiredSchema,
} as const;

/** The catalogue that parses Task events read from a store. */
export const taskEvents = new MessageCatalogue(taskEventSchemas);

/** Any Task event. */
export type TaskEvent = MessagesOf<typeof taskEventSchemas>;

/** The Task event of one type. */
export type TaskEventOf<T extends TaskEvent['type']> = Extract<TaskEvent, { readonly type: T }>;
