import {
  initialOrganisationState,
  isMember,
  type OrganisationState,
} from '../../domain/organisation/state.js';
import { organisationStream, taskStream } from '../../domain/shared/ids.js';
import { claimOrganisation, type Audience } from '../../domain/task/events.js';
import { isPlainRecord } from '../../domain/shared/plain-record.js';
import type { AuditCheck, AuditedEvent, ReportViolation } from '../auditor.js';

const TASK_PREFIX = taskStream('');

/**
 * Every `TaskClaimed` made for an organisation (its `onBehalfOf`, or a directed task's own) must be by a
 * person the organisation's history records as a member at the claim's position: the rule the governance
 * facade refuses such a claim by. A claim for an organisation never registered is flagged too, since nobody
 * is recorded as its member. `registers` are the organisation check's, which must run before this one.
 */
export const membershipCheck = (registers: ReadonlyMap<string, OrganisationState>): AuditCheck => {
  const audiences = new Map<string, Audience>();
  return {
    name: 'claim membership',
    observe(audited: AuditedEvent, report: ReportViolation): void {
      const { streamId } = audited.recorded;
      if (!streamId.startsWith(TASK_PREFIX) || !isPlainRecord(audited.data)) return;
      const { data } = audited;
      if (audited.type === 'TaskPublished' && isPlainRecord(data.audience)) {
        if (!audiences.has(streamId)) audiences.set(streamId, data.audience as Audience);
        return;
      }
      if (audited.type !== 'TaskClaimed') return;
      const audience = audiences.get(streamId);
      if (audience === undefined) return; // the task check reports a claim before publication
      const onBehalfOf = typeof data.onBehalfOf === 'string' ? data.onBehalfOf : undefined;
      const organisationId = claimOrganisation(audience, onBehalfOf);
      if (organisationId === undefined) return;
      const register = registers.get(organisationStream(organisationId)) ?? initialOrganisationState;
      const claimant = String(data.residentId);
      if (!isMember(register, claimant)) {
        report(
          'not-a-member',
          register.status === 'unregistered'
            ? `${claimant} claimed for ${organisationId}, which no history registers`
            : `${claimant} claimed for ${organisationId} without being its member at the claim`,
        );
      }
    },
  };
};
