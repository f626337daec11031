import type { Audience, Difficulty } from '../../domain/task/events.js';
import type { ClaimStatus } from '../../domain/task/state.js';
import { idRecord, type IdRecord } from '../id-record.js';

/**
 * Where a task stands on the board. `cancelled` and `expired` come from their events; `completed` (every slot
 * verified), `full` (every slot held by a claim) and `open` are read off the claims. A task whose deadline
 * has passed without a `TaskExpired` is still `open` here: the board cannot know the time, so queries take
 * an `asOf` instant instead.
 */
export type BoardStatus = 'open' | 'full' | 'completed' | 'cancelled' | 'expired';

/** One task as the board shows it. */
export interface TaskCard {
  readonly taskId: string;
  readonly community: string;
  /** The grid or lane the task belongs to, when it belongs to one. */
  readonly unit?: string;
  readonly title: string;
  readonly difficulty: Difficulty;
  readonly points: number;
  readonly audience: Audience;
  readonly slots: number;
  readonly deadline: string;
  readonly sourceProblemId?: string;
  readonly media: readonly string[];
  readonly publishedAt: string;
  readonly status: BoardStatus;
  /** Claims holding a slot, by resident id; released claims, and unverified ones on a closed task, are gone. */
  readonly claims: Readonly<IdRecord<ClaimStatus>>;
  /** How many claims hold a slot (claimed, proof submitted or verified). */
  readonly activeClaims: number;
  readonly verifiedClaims: number;
  /** `slots - activeClaims` while the task takes claims; 0 once it is cancelled, expired or completed. */
  readonly freeSlots: number;
  /** When the task last changed. */
  readonly updatedAt: string;
  /** The revision of the last event of the task's stream applied; a redelivery at or below it is ignored. */
  readonly revision: number;
}

/**
 * The task board: every task ever published, and an index of the tasks still taking claims (open or full)
 * by community, so that listing a community's open tasks never walks its closed history.
 */
export interface TaskBoardState {
  readonly tasks: Readonly<IdRecord<TaskCard>>;
  /** Community id -> ids of its tasks that are neither closed nor completed. */
  readonly live: Readonly<IdRecord<Readonly<IdRecord<true>>>>;
}

/** The board before any task is published. */
export const initialTaskBoardState: TaskBoardState = { tasks: idRecord(), live: idRecord() };
