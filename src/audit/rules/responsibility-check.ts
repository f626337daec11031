import { organisationAssigneeMismatch } from '../../domain/organisation/assignable.js';
import { initialOrganisationState, type OrganisationState } from '../../domain/organisation/state.js';
import type { Assignee } from '../../domain/problem/responsibility-events.js';
import { organisationStream, problemStream } from '../../domain/shared/ids.js';
import type { AuditCheck, AuditedEvent, ReportViolation } from '../auditor.js';

const PREFIX = problemStream('');

/**
 * Every `ProblemAssigned` and `ProblemReassigned` that names an organisation must name one the organisation
 * register records at that position, of the kind its role wants (a department for `department:<id>`): the
 * rule the governance facade refuses such an assignment by. The Problem decider sees only the problem, so
 * this is the audit's cross-stream half. `registers` are the organisation check's, which must run before it.
 */
export const responsibilityCheck = (registers: ReadonlyMap<string, OrganisationState>): AuditCheck => ({
  name: 'responsible bodies',
  observe(audited: AuditedEvent, report: ReportViolation): void {
    if (!audited.recorded.streamId.startsWith(PREFIX)) return;
    if (audited.type !== 'ProblemAssigned' && audited.type !== 'ProblemReassigned') return;
    const { assignee, role } = audited.data as { readonly assignee: Assignee; readonly role: string };
    if (assignee.kind !== 'organisation') return;
    const register = registers.get(organisationStream(assignee.organisationId)) ?? initialOrganisationState;
    const mismatch = organisationAssigneeMismatch(register, assignee.organisationId, role);
    if (mismatch !== undefined)
      report('unknown-assignee', `${audited.type} to ${assignee.organisationId}: ${mismatch}`);
  },
});
