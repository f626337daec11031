import type { Audience, Difficulty } from './events.js';

/**
 * Where one resident's claim stands. A released claim and, once the task expired, an unverified claim are
 * removed from the state: they no longer hold a slot.
 */
export type ClaimStatus = 'claimed' | 'proof-submitted' | 'verified';

/** The lifecycle of a published task. Completion (every slot verified) is derived, see {@link isComplete}. */
export type TaskStatus = 'open' | 'cancelled' | 'expired';

/** A task that was never published. */
export interface UnpublishedTask {
  readonly status: 'unpublished';
}

/** A published task and the claims on it. */
export interface PublishedTask {
  readonly status: TaskStatus;
  readonly taskId: string;
  readonly community: string;
  readonly unit?: string | undefined;
  readonly difficulty: Difficulty;
  readonly points: number;
  readonly audience: Audience;
  readonly slots: number;
  readonly deadline: string;
  /** Active claims by resident id: each holds one slot. */
  readonly claims: ReadonlyMap<string, ClaimStatus>;
}

/** The state of a Task aggregate. */
export type TaskState = UnpublishedTask | PublishedTask;

/** The state before `TaskPublished`. */
export const initialTaskState: TaskState = { status: 'unpublished' };

/** How many claims hold a slot (claimed, proof submitted or verified). */
export const activeClaims = (task: PublishedTask): number => task.claims.size;

/** How many claims were verified. */
export const verifiedClaims = (task: PublishedTask): number =>
  [...task.claims.values()].filter((status) => status === 'verified').length;

/** True when every slot of the task holds a verified claim: the work is done. */
export const isComplete = (task: PublishedTask): boolean => verifiedClaims(task) >= task.slots;

/** The units on which a staff member's scope must lie to act on the task: its community and its unit. */
export const taskPath = (task: Pick<PublishedTask, 'community' | 'unit'>): readonly string[] =>
  task.unit === undefined ? [task.community] : [task.community, task.unit];
