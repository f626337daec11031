import { z } from 'zod';
import { IdSchema } from '../shared/ids.js';
import { LocalDateSchema } from '../meeting/calendar.js';

/** An outcome as minuted at the deliberation day; never personal data. */
const OutcomeSchema = z.string().trim().min(1).max(2000);

/**
 * The problem events of deliberation: a problem that cannot be settled simply goes to the monthly
 * deliberation day and comes back with its outcome, keeping the tier that holds it throughout.
 */
export const deliberationEventSchemas = {
  /** The problem was referred to the deliberation day `deliberationDay` (Shanghai date), at `meetingId` if set. */
  ProblemReferredToDeliberation: z.object({
    problemId: IdSchema,
    deliberationDay: LocalDateSchema,
    meetingId: IdSchema.optional(),
  }),
  /** The deliberation day discussed the problem at `meetingId`: its outcome. */
  ProblemDeliberated: z.object({ problemId: IdSchema, meetingId: IdSchema, outcome: OutcomeSchema }),
};

/** The problem commands of deliberation; the day is the decider's, from the time of the referral. */
export const deliberationCommandSchemas = {
  ReferProblemToDeliberation: z.object({ problemId: IdSchema, meetingId: IdSchema.optional() }),
  RecordDeliberation: deliberationEventSchemas.ProblemDeliberated,
};
