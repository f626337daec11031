import { assigneeId, departmentOfRole, type Assignee } from '../../domain/problem/responsibility-events.js';
import { toMillis } from '../../domain/shared/time.js';
import { sortedIds } from '../id-record.js';
import type { ResponsibilityRow, ResponsibilityState } from './state.js';

/** Which problems a query looks at: one community, one street, or all. */
export interface ResponsibilityScope {
  readonly community?: string;
  readonly street?: string;
}

const rowsIn = (state: ResponsibilityState, scope: ResponsibilityScope = {}): ResponsibilityRow[] =>
  sortedIds(state.problems)
    .map((id) => state.problems[id] as ResponsibilityRow)
    .filter(
      (row) =>
        (scope.community === undefined || row.community === scope.community) &&
        (scope.street === undefined || row.street === scope.street),
    );

/** True when the problem is open past its time limit at `asOf` (the measures' limit if set, else the tier's). */
export const isPastTimeLimit = (row: ResponsibilityRow, asOf: string): boolean => {
  const limit = row.measuresDueBy ?? row.dueBy;
  return row.status === 'open' && limit !== undefined && toMillis(limit) < toMillis(asOf);
};

/** The load of one responsible body: what it holds open, how much of it is overdue, what it resolved. */
export interface AssigneeLoad {
  readonly assignee: Assignee;
  readonly role: string;
  readonly open: number;
  readonly overdue: number;
  readonly resolved: number;
}

/** Load and overdue per assignee (as currently assigned), busiest first, then by id. */
export const assigneeLoads = (
  state: ResponsibilityState,
  asOf: string,
  scope?: ResponsibilityScope,
): AssigneeLoad[] => {
  const loads = new Map<
    string,
    { assignee: Assignee; role: string; open: number; overdue: number; resolved: number }
  >();
  for (const row of rowsIn(state, scope)) {
    if (row.assignee === undefined || row.role === undefined || row.status === 'rejected') continue;
    const key = `${row.assignee.kind}:${assigneeId(row.assignee)}:${row.role}`;
    const load = loads.get(key) ?? {
      assignee: row.assignee,
      role: row.role,
      open: 0,
      overdue: 0,
      resolved: 0,
    };
    if (row.status === 'open') load.open += 1;
    else load.resolved += 1;
    if (isPastTimeLimit(row, asOf)) load.overdue += 1;
    loads.set(key, load);
  }
  return [...loads.values()].sort(
    (a, b) => b.open - a.open || (assigneeId(a.assignee) < assigneeId(b.assignee) ? -1 : 1),
  );
};

/** What one department did with what the street assigned to it. */
export interface DepartmentFigures {
  readonly departmentId: string;
  /** Problems assigned to it now. */
  readonly assigned: number;
  /** `DepartmentResponded` events recorded for it (报到), across reassignments. */
  readonly responses: number;
  /** Hours from assignment to response, median over its responses; undefined before any. */
  readonly medianResponseHours?: number;
  /** Assigned to it, open, and past the time limit. */
  readonly overdue: number;
  /** Assigned to it, open and not yet responded to. */
  readonly awaitingResponse: number;
}

const median = (values: readonly number[]): number | undefined => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** Response counts, median response time and overdue per department, by department id. */
export const departmentFigures = (
  state: ResponsibilityState,
  asOf: string,
  scope?: ResponsibilityScope,
): DepartmentFigures[] => {
  const byDepartment = new Map<
    string,
    { assigned: number; hours: number[]; overdue: number; awaiting: number }
  >();
  const entry = (id: string) => {
    let found = byDepartment.get(id);
    if (found === undefined)
      byDepartment.set(id, (found = { assigned: 0, hours: [], overdue: 0, awaiting: 0 }));
    return found;
  };
  for (const row of rowsIn(state, scope)) {
    for (const response of row.responses) {
      entry(response.departmentId).hours.push(
        (toMillis(response.respondedAt) - toMillis(response.assignedAt)) / 3_600_000,
      );
    }
    const department = row.role === undefined ? undefined : departmentOfRole(row.role);
    if (department === undefined || row.status === 'rejected') continue;
    const figures = entry(department);
    figures.assigned += 1;
    if (isPastTimeLimit(row, asOf)) figures.overdue += 1;
    const answered = row.responses.some(
      (r) => r.departmentId === department && r.assignedAt === row.assignedAt,
    );
    if (row.status === 'open' && !answered) figures.awaiting += 1;
  }
  return [...byDepartment.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([departmentId, { assigned, hours, overdue, awaiting }]) => {
      const medianHours = median(hours);
      return {
        departmentId,
        assigned,
        responses: hours.length,
        ...(medianHours === undefined ? {} : { medianResponseHours: medianHours }),
        overdue,
        awaitingResponse: awaiting,
      };
    });
};

/** A row of the problem list as the seeds keep it: nature, measures, time limit and responsible body. */
export interface ResponsibleLedgerRow {
  readonly problemId: string;
  readonly nature: string;
  readonly measures?: string;
  readonly timeLimit?: string;
  readonly responsibleBody?: { readonly assignee: Assignee; readonly role: string };
  readonly filedWithStreet: boolean;
  readonly status: ResponsibilityRow['status'];
}

/** The problem list (性质、措施、时限、责任主体) of a community or street, by problem id. */
export const responsibleLedger = (
  state: ResponsibilityState,
  scope?: ResponsibilityScope,
): ResponsibleLedgerRow[] =>
  rowsIn(state, scope).map((row) => {
    const timeLimit = row.measuresDueBy ?? row.dueBy;
    return {
      problemId: row.problemId,
      nature: row.category,
      ...(row.measures === undefined ? {} : { measures: row.measures }),
      ...(timeLimit === undefined ? {} : { timeLimit }),
      ...(row.assignee === undefined || row.role === undefined
        ? {}
        : { responsibleBody: { assignee: row.assignee, role: row.role } }),
      filedWithStreet: row.filedWithStreetAt !== undefined,
      status: row.status,
    };
  });
