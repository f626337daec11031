import type { Draft } from 'immer';
import type { Recorded } from '../../commands/aggregate.js';
import type { LinliEvent } from '../../domain/linli.js';
import { entryOf, idRecord } from '../id-record.js';
import type { Projection } from '../projection.js';
import type { ResponsibilityRow, ResponsibilityState } from './state.js';

type Row = Draft<ResponsibilityRow>;

/** Applies one event of a reported problem to its row. */
const update = (row: Row, event: Recorded<LinliEvent>, at: string): void => {
  switch (event.type) {
    case 'ProblemTriaged':
    case 'ProblemReopened':
      row.status = 'open';
      row.tier = event.data.tier;
      row.dueBy = event.data.dueBy;
      delete row.resolvedAt;
      return;
    case 'ProblemEscalated':
      row.tier = event.data.toTier;
      row.dueBy = event.data.dueBy;
      return;
    case 'ProblemResolved':
      row.status = 'resolved';
      row.resolvedAt = at;
      return;
    case 'ProblemClosed':
      row.status = 'closed';
      return;
    case 'ProblemRejected':
      row.status = 'rejected';
      return;
    case 'ProblemAssigned':
    case 'ProblemReassigned':
      row.assignee = event.data.assignee;
      row.role = event.data.role;
      row.assignedAt = at;
      if (event.type === 'ProblemReassigned') row.reassignments += 1;
      return;
    case 'MeasuresPlanned':
      row.measures = event.data.measures;
      row.measuresDueBy = event.data.dueBy;
      return;
    case 'DepartmentResponded':
      row.responses.push({
        departmentId: event.data.departmentId,
        assignedAt: row.assignedAt ?? event.data.respondedAt,
        respondedAt: event.data.respondedAt,
      });
      return;
    case 'ProblemFiledWithStreet':
      row.filedWithStreetAt = at;
      return;
    default:
      return;
  }
};

/**
 * Who answers for each problem, as a fold: the report adds a row, the lifecycle keeps its tier, deadline
 * and status, the responsibility events its assignee, measures, department responses and filing. Events of
 * other types pass through, so the input can be every linli event.
 */
export const responsibilityProjection: Projection<Recorded<LinliEvent>, ResponsibilityState> = {
  name: 'responsibility',
  initialState: { problems: idRecord<ResponsibilityRow>() },
  apply: (draft, event) => {
    if (
      !event.type.startsWith('Problem') &&
      event.type !== 'MeasuresPlanned' &&
      event.type !== 'DepartmentResponded'
    ) {
      return;
    }
    if (event.type === 'ProblemReported') {
      const { problemId, path, category } = event.data;
      if (entryOf(draft.problems, problemId) !== undefined) return;
      draft.problems[problemId] = {
        problemId,
        street: path.street,
        community: path.community,
        category,
        status: 'open',
        reassignments: 0,
        responses: [],
      };
      return;
    }
    const row = entryOf(draft.problems, (event.data as { problemId: string }).problemId);
    if (row !== undefined) update(row, event, event.metadata.occurredAt);
  },
};
