import { z } from 'zod';

/** The longest id {@link IdSchema} accepts. */
export const ID_MAX_LENGTH = 128;

/** The characters {@link IdSchema} accepts (at least one). */
export const ID_PATTERN = /^[A-Za-z0-9._:-]+$/;

/**
 * Identifiers are opaque strings chosen by the host system. They must be safe inside a stream name
 * (`problem-<id>`), so they are restricted to letters, digits and `._:-`, and never carry personal data.
 */
export const IdSchema = z
  .string()
  .min(1)
  .max(ID_MAX_LENGTH)
  .regex(ID_PATTERN, 'ids may contain only letters, digits and . _ : -');

/** An opaque identifier (see {@link IdSchema}). */
export type Id = z.infer<typeof IdSchema>;

/** Stream name of a Neighbourhood aggregate. */
export const neighbourhoodStream = (neighbourhoodId: string): string => `neighbourhood-${neighbourhoodId}`;
/** Stream name of a Problem aggregate. */
export const problemStream = (problemId: string): string => `problem-${problemId}`;
/** Stream name of a Task aggregate. */
export const taskStream = (taskId: string): string => `task-${taskId}`;
/** Stream name of a ResidentPoints aggregate. */
export const pointsStream = (residentId: string): string => `points-${residentId}`;
/** Stream name of a Proposal aggregate. */
export const proposalStream = (proposalId: string): string => `proposal-${proposalId}`;
/** Stream name of a Meeting aggregate. */
export const meetingStream = (meetingId: string): string => `meeting-${meetingId}`;
/** Stream name of a FundProject aggregate. */
export const fundProjectStream = (projectId: string): string => `fund-project-${projectId}`;
/** Stream name of a Partnership aggregate. */
export const partnershipStream = (partnershipId: string): string => `partnership-${partnershipId}`;
/** Stream name of an Organisation aggregate. */
export const organisationStream = (organisationId: string): string => `organisation-${organisationId}`;
/** Stream name of an Honours aggregate: a community's honours of a year, `honours-<community>-<year>`. */
export const honoursStream = (honoursId: string): string => `honours-${honoursId}`;
/** Stream name of a HistoryAnchors aggregate: the checkpoints of one ledger, `anchor-<ledger>`. */
export const anchorStream = (ledger: string): string => `anchor-${ledger}`;
