import type { Recorded } from '../../commands/aggregate.js';
import type { DomainEvent } from '../../domain/shared/events.js';
import { applyBatch, type Projection } from '../../projections/projection.js';
import type { AuditCheck, AuditedEvent, ReportViolation } from '../auditor.js';
import type { EventLocation } from '../violation.js';

/** Options of {@link projectionReplay}. */
export interface ProjectionReplayOptions {
  /** Only events of streams whose name starts with this reach the projection (`problem-`). */
  readonly streamPrefix: string;
  /** Events per immer draft, as the projection runner batches them. Default 1,000. */
  readonly batchSize?: number;
}

/** A projection rebuilt during an audit: a check, and the state it rebuilt once the audit is over. */
export interface ProjectionReplay<S> extends AuditCheck {
  /** The projection's state after the events observed so far (complete once the audit has finished). */
  readonly state: S;
}

interface Pending<E> {
  readonly event: E;
  readonly at: EventLocation;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Rebuilds a read model from the audited history, in batches as the projection runner would, and reports
 * `replay-failed` at every event the projection cannot apply: a history the read models cannot be rebuilt
 * from is not fit to prove anything. A failing batch is replayed event by event to find the culprit,
 * which is then skipped. Memory is whatever the read model keeps.
 */
export const projectionReplay = <E, S>(
  projection: Projection<E, S>,
  options: ProjectionReplayOptions,
): ProjectionReplay<S> => {
  const batchSize = options.batchSize ?? 1_000;
  let state = projection.initialState;
  let pending: Pending<E>[] = [];

  const flush = (report: ReportViolation): void => {
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    try {
      state = applyBatch(
        projection,
        state,
        batch.map((item) => item.event),
      );
      return;
    } catch {
      // Find which event of the batch the projection refuses: apply them one at a time.
    }
    for (const item of batch) {
      try {
        state = applyBatch(projection, state, [item.event]);
      } catch (error) {
        report(
          'replay-failed',
          `the ${projection.name} projection cannot apply this event: ${messageOf(error)}`,
          item.at,
        );
      }
    }
  };

  return {
    name: `${projection.name} projection`,
    get state(): S {
      return state;
    },
    observe(audited: AuditedEvent, report: ReportViolation): void {
      const { recorded } = audited;
      if (!recorded.streamId.startsWith(options.streamPrefix)) return;
      const event: Recorded<DomainEvent> = {
        type: audited.type,
        data: audited.data,
        streamId: recorded.streamId,
        revision: recorded.revision,
        position: recorded.position,
        metadata: recorded.metadata,
      };
      // The stream prefix selects the events of the family the projection is written for.
      pending.push({ event: event as E, at: audited.at });
      if (pending.length >= batchSize) flush(report);
    },
    finish(report: ReportViolation): void {
      flush(report);
    },
  };
};
