import { toMillis } from '../../domain/shared/time.js';
import { compareIds, entryOf } from '../id-record.js';
import type { TaskBoardState, TaskCard } from './state.js';

/**
 * Who a listing is for: `'public'` lists the tasks any resident may claim; `{ organisationId }` lists the
 * tasks directed to that organisation (a host showing a member everything they may claim asks twice).
 */
export type TaskAudienceFilter = 'public' | { readonly organisationId: string };

/** What {@link openTasks} lists. Every criterion left out lists everything. */
export interface OpenTasksQuery {
  /** Only this community's tasks. */
  readonly community?: string;
  /** Only tasks published for exactly this grid or lane (community-wide tasks have no unit). */
  readonly unit?: string;
  readonly audience?: TaskAudienceFilter;
  /** Leaves out tasks whose deadline is at or before this instant: nobody may claim them any more. */
  readonly asOf?: string;
}

const matchesAudience = (card: TaskCard, audience: TaskAudienceFilter | undefined): boolean => {
  if (audience === undefined) return true;
  if (audience === 'public') return card.audience.kind === 'public';
  return card.audience.kind === 'directed' && card.audience.organisationId === audience.organisationId;
};

/** Earlier deadline first; equal deadlines by task id, so the order never depends on the history's order. */
const byDeadlineThenId = (a: TaskCard, b: TaskCard): number =>
  toMillis(a.deadline) - toMillis(b.deadline) || compareIds(a.taskId, b.taskId);

/**
 * The tasks a resident could claim now: open (not full, cancelled, expired or completed), with at least one
 * free slot, matching the query, sorted by deadline then task id. Walks only the tasks still taking claims,
 * never the board's closed history.
 * @throws RangeError when `asOf` is not an instant.
 */
export const openTasks = (state: TaskBoardState, query: OpenTasksQuery = {}): readonly TaskCard[] => {
  const asOf = query.asOf === undefined ? undefined : toMillis(query.asOf);
  if (asOf !== undefined && Number.isNaN(asOf)) throw new RangeError(`asOf is not an instant: ${query.asOf}`);
  const communities = query.community === undefined ? Object.keys(state.live) : [query.community];
  const cards: TaskCard[] = [];
  for (const community of communities) {
    for (const taskId of Object.keys(entryOf(state.live, community) ?? {})) {
      const card = entryOf(state.tasks, taskId);
      if (card === undefined || card.status !== 'open' || card.freeSlots <= 0) continue;
      if (query.unit !== undefined && card.unit !== query.unit) continue;
      if (!matchesAudience(card, query.audience)) continue;
      if (asOf !== undefined && toMillis(card.deadline) <= asOf) continue;
      cards.push(card);
    }
  }
  return cards.sort(byDeadlineThenId);
};

/** One task's card, or undefined for a task never published. */
export const taskCard = (state: TaskBoardState, taskId: string): TaskCard | undefined =>
  entryOf(state.tasks, taskId);
