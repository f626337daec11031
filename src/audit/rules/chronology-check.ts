import { outOfOrderInTime } from '../../domain/shared/time.js';
import type { AuditCheck, AuditedEvent, ReportViolation } from '../auditor.js';

/**
 * Every stream moves forward in time: an event dated before the previous event of its stream is flagged, by
 * the same rule the command handler refuses such a command with. Keeps one instant per stream.
 */
export const chronologyCheck = (): AuditCheck => {
  const lastAt = new Map<string, string>();
  return {
    name: 'chronology',
    observe({ recorded }: AuditedEvent, report: ReportViolation): void {
      const at = (recorded.metadata as { occurredAt?: unknown }).occurredAt;
      if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) return; // the metadata schema reports it
      const late = outOfOrderInTime(lastAt.get(recorded.streamId), at);
      if (late !== undefined) report('out-of-order-time', `${recorded.type} is ${late}`);
      else lastAt.set(recorded.streamId, at);
    },
  };
};
