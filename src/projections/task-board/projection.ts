import type { Draft } from 'immer';
import type { Recorded } from '../../commands/aggregate.js';
import type { LinliEvent } from '../../domain/linli.js';
import type { TaskEvent, TaskEventOf } from '../../domain/task/events.js';
import type { ClaimStatus } from '../../domain/task/state.js';
import { entryOf, idRecord, removeEntry } from '../id-record.js';
import type { Projection } from '../projection.js';
import { initialTaskBoardState, type BoardStatus, type TaskBoardState, type TaskCard } from './state.js';

type BoardDraft = Draft<TaskBoardState>;
type CardDraft = Draft<TaskCard>;

/** The status the claims give a task that has not been cancelled or expired. */
const claimStatus = (card: CardDraft): BoardStatus => {
  if (card.verifiedClaims >= card.slots) return 'completed';
  return card.activeClaims >= card.slots ? 'full' : 'open';
};

const isClosed = (status: BoardStatus): boolean =>
  status === 'cancelled' || status === 'expired' || status === 'completed';

/** Recounts a card's claims and status, and keeps the live index in step. Claims per task are few. */
const settle = (draft: BoardDraft, card: CardDraft, closedAs?: 'cancelled' | 'expired'): void => {
  const statuses = Object.values(card.claims);
  card.activeClaims = statuses.length;
  card.verifiedClaims = statuses.filter((status) => status === 'verified').length;
  // Like the aggregate, a cancelled or expired task stays closed whatever happens to its claims later.
  const closedBefore = card.status === 'cancelled' || card.status === 'expired' ? card.status : undefined;
  card.status = closedAs ?? closedBefore ?? claimStatus(card);
  card.freeSlots = isClosed(card.status) ? 0 : Math.max(0, card.slots - card.activeClaims);
  const live = entryOf(draft.live, card.community);
  if (isClosed(card.status)) {
    if (live !== undefined && entryOf(live, card.taskId) !== undefined) {
      removeEntry(live, card.taskId);
      if (Object.keys(live).length === 0) removeEntry(draft.live, card.community);
    }
  } else if (live === undefined) {
    const ids = idRecord<true>();
    ids[card.taskId] = true;
    draft.live[card.community] = ids;
  } else {
    live[card.taskId] = true;
  }
};

const publish = (draft: BoardDraft, event: Recorded<TaskEventOf<'TaskPublished'>>): void => {
  const { data } = event;
  if (entryOf(draft.tasks, data.taskId) !== undefined) return;
  const card: CardDraft = {
    taskId: data.taskId,
    community: data.community,
    ...(data.unit === undefined ? {} : { unit: data.unit }),
    title: data.title,
    difficulty: data.difficulty,
    points: data.points,
    audience: { ...data.audience },
    slots: data.slots,
    deadline: data.deadline,
    ...(data.sourceProblemId === undefined ? {} : { sourceProblemId: data.sourceProblemId }),
    media: [...data.media],
    publishedAt: event.metadata.occurredAt,
    status: 'open',
    claims: idRecord<ClaimStatus>(),
    activeClaims: 0,
    verifiedClaims: 0,
    freeSlots: data.slots,
    updatedAt: event.metadata.occurredAt,
    revision: Number(event.revision),
  };
  draft.tasks[data.taskId] = card;
  settle(draft, card);
};

/** Closing a task ends every claim that was not verified, as the Task aggregate does. */
const close = (draft: BoardDraft, card: CardDraft, as: 'cancelled' | 'expired'): void => {
  for (const [residentId, status] of Object.entries(card.claims)) {
    if (status !== 'verified') removeEntry(card.claims, residentId);
  }
  settle(draft, card, as);
};

/** Applies a claim-level or closing event to a card the board already holds. */
const update = (draft: BoardDraft, card: CardDraft, event: Recorded<TaskEvent>): void => {
  switch (event.type) {
    case 'TaskPublished':
      return;
    case 'TaskClaimed':
      card.claims[event.data.residentId] = 'claimed';
      return settle(draft, card);
    case 'TaskProofSubmitted':
      card.claims[event.data.residentId] = 'proof-submitted';
      return settle(draft, card);
    case 'TaskVerified':
      card.claims[event.data.residentId] = 'verified';
      return settle(draft, card);
    case 'TaskProofRejected':
      card.claims[event.data.residentId] = 'claimed';
      return settle(draft, card);
    case 'TaskClaimReleased':
      removeEntry(card.claims, event.data.residentId);
      return settle(draft, card);
    case 'TaskCancelled':
      return close(draft, card, 'cancelled');
    case 'TaskExpired':
      return close(draft, card, 'expired');
  }
};

/**
 * The task board (see {@link TaskBoardState}): folds the Task events the way the Task aggregate does, so
 * its free slots are the aggregate's. An event of a task never published, or at or below the revision
 * already applied to its card (a redelivery), changes nothing.
 */
export const taskBoardProjection: Projection<Recorded<LinliEvent>, TaskBoardState> = {
  name: 'task-board',
  initialState: initialTaskBoardState,
  apply: (draft, event) => {
    switch (event.type) {
      case 'TaskPublished':
        publish(draft, event);
        break;
      case 'TaskClaimed':
      case 'TaskProofSubmitted':
      case 'TaskVerified':
      case 'TaskProofRejected':
      case 'TaskClaimReleased':
      case 'TaskCancelled':
      case 'TaskExpired': {
        const card = entryOf(draft.tasks, event.data.taskId);
        const revision = Number(event.revision);
        if (card === undefined || revision <= card.revision) break;
        card.revision = revision;
        card.updatedAt = event.metadata.occurredAt;
        update(draft, card, event);
        break;
      }
      default:
        break;
    }
  },
};
