import type { MessagesOf } from '../shared/catalogue.js';
import type { Assignee, responsibilityEventSchemas } from './responsibility-events.js';
import type { ReportedProblem } from './state.js';

/** A responsibility event of a problem. */
export type ResponsibilityEvent = MessagesOf<typeof responsibilityEventSchemas>;

/** Who answers for a problem now, with what measures, and what the department and the community did about it. */
export interface ProblemResponsibility {
  readonly assignee?: Assignee | undefined;
  readonly role?: string | undefined;
  readonly measures?: string | undefined;
  readonly measuresDueBy?: string | undefined;
  /** True once the department of the current assignment has responded (a reassignment clears it). */
  readonly responded: boolean;
  readonly filedWithStreet: boolean;
}

/** The responsibility of a problem nobody has been assigned. */
export const NO_RESPONSIBILITY: ProblemResponsibility = Object.freeze({
  responded: false,
  filedWithStreet: false,
});

/** The responsibility recorded for a problem (none before its first assignment). */
export const responsibilityOf = (state: ReportedProblem): ProblemResponsibility =>
  state.responsibility ?? NO_RESPONSIBILITY;

const withResponsibility = (
  state: ReportedProblem,
  responsibility: ProblemResponsibility,
): ReportedProblem => ({
  ...state,
  responsibility,
});

/** How a responsibility event changes a reported problem: only its responsibility, never its tier or status. */
export const evolveResponsibility = (state: ReportedProblem, event: ResponsibilityEvent): ReportedProblem => {
  const current = responsibilityOf(state);
  switch (event.type) {
    case 'ProblemAssigned':
    case 'ProblemReassigned':
      return withResponsibility(state, {
        ...current,
        assignee: event.data.assignee,
        role: event.data.role,
        responded: false,
      });
    case 'MeasuresPlanned':
      return withResponsibility(state, {
        ...current,
        measures: event.data.measures,
        measuresDueBy: event.data.dueBy,
      });
    case 'DepartmentResponded':
      return withResponsibility(state, { ...current, responded: true });
    case 'ProblemFiledWithStreet':
      return withResponsibility(state, { ...current, filedWithStreet: true });
  }
};
