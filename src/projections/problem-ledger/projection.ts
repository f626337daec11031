import type { Draft } from 'immer';
import type { Recorded } from '../../commands/aggregate.js';
import type { LinliEvent } from '../../domain/linli.js';
import type { ProblemEvent, ProblemEventOf } from '../../domain/problem/events.js';
import { toMillis } from '../../domain/shared/time.js';
import { idRecord } from '../id-record.js';
import type { Projection } from '../projection.js';
import type { LedgerRow } from './row.js';
import { copyUnitPath } from '../../domain/shared/units.js';

/** The problem ledger's state: one {@link LedgerRow} per problem id. */
export interface ProblemLedgerState {
  readonly rows: Readonly<Record<string, LedgerRow>>;
}

type Rows = Draft<ProblemLedgerState>['rows'];

/**
 * The row an event updates, or undefined when it must change nothing: the problem was never reported, or
 * the event is at or below the revision already applied (a redelivery). The row's revision and update time
 * move on here, so every case below only says what the event changes.
 */
const rowToUpdate = (rows: Rows, event: Recorded<ProblemEvent>): Draft<LedgerRow> | undefined => {
  const { problemId } = event.data;
  const revision = Number(event.revision);
  if (!Object.hasOwn(rows, problemId)) return undefined;
  const row = rows[problemId];
  if (row === undefined || revision <= row.revision) return undefined;
  row.revision = revision;
  row.updatedAt = event.metadata.occurredAt;
  return row;
};

const report = (rows: Rows, event: Recorded<ProblemEventOf<'ProblemReported'>>): void => {
  const { problemId, path, category, channel, description, media } = event.data;
  if (Object.hasOwn(rows, problemId)) return;
  rows[problemId] = {
    problemId,
    path: copyUnitPath(path),
    category,
    reportedCategory: category,
    channel,
    description,
    media: [...media],
    reportedAt: event.metadata.occurredAt,
    status: 'reported',
    escalations: 0,
    reopenings: 0,
    updatedAt: event.metadata.occurredAt,
    revision: Number(event.revision),
  };
};

const update = (row: Draft<LedgerRow>, event: Recorded<ProblemEvent>): void => {
  const at = event.metadata.occurredAt;
  switch (event.type) {
    case 'ProblemTriaged':
      row.status = 'triaged';
      row.category = event.data.category;
      row.priority = event.data.priority;
      row.tier = event.data.tier;
      row.dueBy = event.data.dueBy;
      row.triagedAt ??= at;
      return;
    case 'ProblemEscalated':
      row.tier = event.data.toTier;
      row.dueBy = event.data.dueBy;
      row.escalations += 1;
      row.statusNote = event.data.reason;
      return;
    case 'ProblemResolved':
      row.status = 'resolved';
      row.tier = event.data.tier;
      row.resolvedTier = event.data.tier;
      row.resolvedAt = at;
      row.resolution = event.data.resolution;
      row.resolvedOnTime = row.dueBy !== undefined && toMillis(at) <= toMillis(row.dueBy);
      row.statusNote = event.data.resolution;
      return;
    case 'ProblemRated':
      row.rating = { satisfied: event.data.satisfied, score: event.data.score };
      return;
    case 'ProblemReopened':
      row.status = 'triaged';
      row.tier = event.data.tier;
      row.dueBy = event.data.dueBy;
      row.reopenings += 1;
      row.statusNote = event.data.reason;
      delete row.resolvedTier;
      delete row.resolvedAt;
      delete row.resolution;
      delete row.resolvedOnTime;
      return;
    case 'ProblemClosed':
      row.status = 'closed';
      row.closedAt = at;
      return;
    case 'ProblemRejected': {
      const { reason, duplicateOf, note } = event.data;
      row.status = 'rejected';
      row.rejection = duplicateOf === undefined ? { at, reason } : { at, reason, duplicateOf };
      row.statusNote = note ?? reason;
      return;
    }
    default:
      break;
  }
};

/**
 * The problem ledger (台账) as a fold: a report adds a row, every later event of the problem updates it.
 * Events of other types pass through untouched, so the input can widen to every linli event.
 */
export const problemLedgerProjection: Projection<Recorded<LinliEvent>, ProblemLedgerState> = {
  name: 'problem-ledger',
  // No prototype: `__proto__`, `constructor` and `toString` are valid problem ids, and as keys of an ordinary
  // object the first would set the prototype (immer refuses) and the others would read inherited members.
  initialState: { rows: idRecord<LedgerRow>() },
  apply: (draft, event) => {
    switch (event.type) {
      case 'ProblemReported':
        return report(draft.rows, event);
      case 'ProblemTriaged':
      case 'ProblemEscalated':
      case 'ProblemResolved':
      case 'ProblemRated':
      case 'ProblemReopened':
      case 'ProblemClosed':
      case 'ProblemRejected': {
        const row = rowToUpdate(draft.rows, event);
        if (row !== undefined) update(row, event);
        return;
      }
      default:
        break;
    }
  },
};
