import {
  assigneeLoads,
  departmentFigures,
  type AssigneeLoad,
  type DepartmentFigures,
} from '../projections/responsibility/queries.js';
import type { ResponsibilityState } from '../projections/responsibility/state.js';

/** How many responsible bodies the report lists, the busiest first (a default of the report). */
export const REPORT_ASSIGNEES = 15;

/** Who answers for the problems, and how the departments answered the street's whistle. */
export interface ResponsibilityFigures {
  /** Per department, in department-id order: assigned, responses (报到), median response time, overdue. */
  readonly departments: readonly DepartmentFigures[];
  /** The busiest responsible bodies (open load first), at most {@link REPORT_ASSIGNEES}. */
  readonly assignees: readonly AssigneeLoad[];
  /** How many responsible bodies there are in all. */
  readonly assigneeCount: number;
  /** Problems filed with the street (备案) and kept by the community. */
  readonly filedWithStreet: number;
}

/** The responsibility figures of a history judged at `asOf` (nothing for a history without events). */
export const responsibilityFigures = (
  state: ResponsibilityState | undefined,
  asOf: string | undefined,
): ResponsibilityFigures => {
  if (state === undefined || asOf === undefined) {
    return { departments: [], assignees: [], assigneeCount: 0, filedWithStreet: 0 };
  }
  const loads = assigneeLoads(state, asOf);
  const filedWithStreet = Object.values(state.problems).filter(
    (row) => row.filedWithStreetAt !== undefined,
  ).length;
  return {
    departments: departmentFigures(state, asOf),
    assignees: loads.slice(0, REPORT_ASSIGNEES),
    assigneeCount: loads.length,
    filedWithStreet,
  };
};
