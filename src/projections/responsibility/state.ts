import type { Assignee } from '../../domain/problem/responsibility-events.js';
import type { Tier } from '../../domain/shared/tiers.js';
import type { IdRecord } from '../id-record.js';

/** One department response: when the department was assigned and when it reported (报到). */
export interface DepartmentResponse {
  readonly departmentId: string;
  readonly assignedAt: string;
  readonly respondedAt: string;
}

/** What the responsibility read model keeps of one problem. */
export interface ResponsibilityRow {
  readonly problemId: string;
  readonly street: string;
  readonly community: string;
  /** The nature of the problem (性质): its category. */
  readonly category: string;
  readonly status: 'open' | 'resolved' | 'closed' | 'rejected';
  readonly tier?: Tier;
  /** The deadline of the tier holding it. */
  readonly dueBy?: string;
  readonly assignee?: Assignee;
  readonly role?: string;
  readonly assignedAt?: string;
  readonly measures?: string;
  readonly measuresDueBy?: string;
  readonly reassignments: number;
  readonly responses: readonly DepartmentResponse[];
  readonly filedWithStreetAt?: string;
  readonly resolvedAt?: string;
}

/** The responsibility read model: a row per reported problem. */
export interface ResponsibilityState {
  readonly problems: IdRecord<ResponsibilityRow>;
}
