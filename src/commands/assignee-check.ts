import { isLeft } from 'fp-ts/lib/Either.js';
import { organisationAssigneeMismatch } from '../domain/organisation/assignable.js';
import type { OrganisationAggregate } from '../domain/organisation/aggregate.js';
import type { Assignee } from '../domain/problem/responsibility-events.js';
import { domainError } from '../domain/shared/errors.js';
import { organisationStream } from '../domain/shared/ids.js';
import type { CommandHandler } from './command-handler.js';
import type { ContextualCheck } from './membership-check.js';

/**
 * The check `createGovernance` runs before `AssignProblem` and `ReassignProblem`: an organisation named as
 * the responsible body must be registered, and a `department:<id>` or `property-company` role must go to an
 * organisation of that kind, or the command is `not-found` / `invalid-command`. A role left out is checked
 * by the decider, which fills it in from the category. Pass it to `handler.handle` without the facade.
 */
export const organisationAssigneeCheck =
  (handler: CommandHandler, organisation: OrganisationAggregate): ContextualCheck =>
  async (command) => {
    if (command.type !== 'AssignProblem' && command.type !== 'ReassignProblem') return undefined;
    const { assignee, role } = command.data as { readonly assignee: Assignee; readonly role?: string };
    if (assignee.kind !== 'organisation') return undefined;
    const { organisationId } = assignee;
    const register = await handler.stateOf(organisation, organisationStream(organisationId));
    if (isLeft(register)) return register.left;
    const mismatch = organisationAssigneeMismatch(
      register.right,
      organisationId,
      role ?? `department:${organisationId}`,
    );
    if (mismatch === undefined) return undefined;
    if (register.right.status === 'unregistered')
      return domainError('not-found', mismatch, { organisationId });
    // Without a role the decider picks one from the category: only a registered organisation is required here.
    return role === undefined
      ? undefined
      : domainError('invalid-command', mismatch, { organisationId, role });
  };
