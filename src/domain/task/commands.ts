import { z } from 'zod';
import { MessageCatalogue, type MessageInputsOf, type MessagesOf } from '../shared/catalogue.js';
import { IdSchema } from '../shared/ids.js';
import { InstantSchema } from '../shared/time.js';
import {
  AudienceSchema,
  DifficultySchema,
  MAX_SLOTS,
  MediaRefSchema,
  ProofSchema,
  ReasonSchema,
  TaskPointsSchema,
} from './events.js';

/**
 * `PublishTask`. `points` is optional: left out, the task is worth what the decider's difficulty table says;
 * given, it overrides the table (a community may price one particular task above its difficulty).
 */
export const PublishTaskSchema = z.object({
  taskId: IdSchema,
  community: IdSchema,
  unit: IdSchema.optional(),
  title: z.string().min(1).max(200),
  difficulty: DifficultySchema,
  points: TaskPointsSchema.optional(),
  audience: AudienceSchema.default({ kind: 'public' }),
  slots: z.number().int().min(1).max(MAX_SLOTS).default(1),
  deadline: InstantSchema,
  sourceProblemId: IdSchema.optional(),
  media: z.array(MediaRefSchema).max(20).default([]),
});

/**
 * `ClaimTask`: the acting person claims one slot, for themselves or on behalf of an organisation they belong
 * to (`onBehalfOf`; a directed task's claim is always for its organisation, named or not).
 */
export const ClaimTaskSchema = z.object({ taskId: IdSchema, onBehalfOf: IdSchema.optional() });

/** `SubmitProof`: the acting resident shows their work. */
export const SubmitProofSchema = z.object({
  taskId: IdSchema,
  proof: z.array(ProofSchema).min(1).max(20),
});

/** `VerifyTask`: staff accept a resident's proof. */
export const VerifyTaskSchema = z.object({ taskId: IdSchema, residentId: IdSchema });

/** `RejectProof`: staff send a resident's proof back. */
export const RejectProofSchema = z.object({ taskId: IdSchema, residentId: IdSchema, reason: ReasonSchema });

/** `ReleaseClaim`: a claim is given up; `residentId` defaults to the acting resident. */
export const ReleaseClaimSchema = z.object({
  taskId: IdSchema,
  residentId: IdSchema.optional(),
  reason: ReasonSchema.optional(),
});

/** `CancelTask`: staff withdraw the task. */
export const CancelTaskSchema = z.object({ taskId: IdSchema, reason: ReasonSchema });

/** `ExpireTask`: the deadline has passed (anyone may say so, usually a scheduler acting as `system`). */
export const ExpireTaskSchema = z.object({ taskId: IdSchema });

/** The Task command schemas by type. */
export const taskCommandSchemas = {
  PublishTask: PublishTaskSchema,
  ClaimTask: ClaimTaskSchema,
  SubmitProof: SubmitProofSchema,
  VerifyTask: VerifyTaskSchema,
  RejectProof: RejectProofSchema,
  ReleaseClaim: ReleaseClaimSchema,
  CancelTask: CancelTaskSchema,
  ExpireTask: ExpireTaskSchema,
} as const;

/** The catalogue that parses Task commands from callers. */
export const taskCommands = new MessageCatalogue(taskCommandSchemas);

/** Any Task command, as parsed (defaults applied). */
export type TaskCommand = MessagesOf<typeof taskCommandSchemas>;

/** Any Task command as a caller may write it (defaults not yet applied). */
export type TaskCommandInput = MessageInputsOf<typeof taskCommandSchemas>;
