import type { OrganisationKind } from './events.js';
import type { OrganisationState } from './state.js';

/** The kind an organisation must be to answer in a role (a department's role wants a department). */
const kindForRole = (role: string): OrganisationKind | undefined =>
  role.startsWith('department:')
    ? 'department'
    : role === 'property-company'
      ? 'property-company'
      : undefined;

/**
 * Why an organisation's register does not bear out its assignment in `role`, or undefined when it does: it
 * must be registered, and a department's or property company's role must go to one of that kind. The
 * governance facade refuses such an assignment and the audit flags it, both by this rule.
 */
export const organisationAssigneeMismatch = (
  register: OrganisationState,
  organisationId: string,
  role: string,
): string | undefined => {
  if (register.status === 'unregistered') return `no organisation ${organisationId} is registered`;
  const kind = kindForRole(role);
  return kind === undefined || register.kind === kind
    ? undefined
    : `${organisationId} is a ${register.kind}, not a ${kind}, so it cannot answer as ${role}`;
};
