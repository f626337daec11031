import type { ProblemPriority, ProblemRejectionReason, ReportChannel } from '../../domain/problem/events.js';
import type { ProblemStatus } from '../../domain/problem/state.js';
import type { Tier } from '../../domain/shared/tiers.js';
import { toMillis } from '../../domain/shared/time.js';
import type { UnitPath } from '../../domain/shared/units.js';

/**
 * One line of the problem ledger (台账): the problem as the events folded so far leave it. Times are the
 * events' `occurredAt`. Free text (description, resolution, notes) is the host's text as recorded, which the
 * host keeps free of personal data.
 */
export interface LedgerRow {
  readonly problemId: string;
  readonly path: UnitPath;
  /** The category triage confirmed, or the reported one before triage. */
  readonly category: string;
  /** The category the reporter chose, kept when triage corrected it. */
  readonly reportedCategory: string;
  readonly channel: ReportChannel;
  readonly description: string;
  /** References to the report's photos or videos, held by the host. */
  readonly media: readonly string[];
  readonly reportedAt: string;
  readonly status: ProblemStatus;
  readonly priority?: ProblemPriority;
  /** When the problem was first triaged (or undefined while it waits for triage). */
  readonly triagedAt?: string;
  /** The tier holding the problem; for a resolved problem, the tier that resolved it. */
  readonly tier?: Tier;
  /** The deadline of the tier holding it. */
  readonly dueBy?: string;
  /** How many times it was handed one step up the ladder. */
  readonly escalations: number;
  /** The tier of the resolution standing now (cleared by a reopening). */
  readonly resolvedTier?: Tier;
  readonly resolvedAt?: string;
  /** The resolution text standing now. */
  readonly resolution?: string;
  /** Whether the standing resolution came at or before the deadline in force. */
  readonly resolvedOnTime?: boolean;
  /** The latest rating the reporter gave; kept through a reopening (it is why it was reopened). */
  readonly rating?: { readonly satisfied: boolean; readonly score: number };
  readonly reopenings: number;
  readonly closedAt?: string;
  readonly rejection?: {
    readonly at: string;
    readonly reason: ProblemRejectionReason;
    readonly duplicateOf?: string;
  };
  /** The latest explanation recorded: a resolution, an escalation, reopening or rejection reason. */
  readonly statusNote?: string;
  /** When the latest event about the problem happened. */
  readonly updatedAt: string;
  /** The stream revision of the latest event applied; a redelivered event at or below it changes nothing. */
  readonly revision: number;
}

/** True while a problem still needs handling: waiting for triage, held by a tier, or reopened. */
export const isOpenRow = (row: Pick<LedgerRow, 'status'>): boolean =>
  row.status === 'reported' || row.status === 'triaged';

/**
 * True when an open problem's deadline has passed at `asOf`. A problem waiting for triage has no deadline
 * yet, so it is never overdue; a resolved one is judged by `resolvedOnTime` instead.
 */
export const isOverdue = (row: Pick<LedgerRow, 'status' | 'dueBy'>, asOf: string): boolean =>
  isOpenRow(row) && row.dueBy !== undefined && toMillis(row.dueBy) < toMillis(asOf);

/**
 * When a problem stopped needing handling: its standing resolution or its rejection; undefined while open.
 * A closed problem settled when it was resolved, not when the file was closed.
 */
export const settledAt = (row: LedgerRow): string | undefined =>
  row.status === 'rejected' ? row.rejection?.at : isOpenRow(row) ? undefined : row.resolvedAt;
