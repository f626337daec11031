import { isLeft } from 'fp-ts/lib/Either.js';
import type { OrganisationAggregate } from '../domain/organisation/aggregate.js';
import { isMember } from '../domain/organisation/state.js';
import type { CommandContext } from '../domain/shared/context.js';
import { domainError, type DomainError } from '../domain/shared/errors.js';
import { organisationStream, taskStream } from '../domain/shared/ids.js';
import type { TaskAggregate } from '../domain/task/aggregate.js';
import { claimOrganisation } from '../domain/task/events.js';
import type { CommandHandler } from './command-handler.js';

/** A check of a validated command and its context against facts outside its stream. */
export type ContextualCheck = (
  command: { readonly type: string; readonly data: unknown },
  context: CommandContext,
) => Promise<DomainError | undefined>;

/**
 * The check `createGovernance` runs before every `ClaimTask`: a claim made for an organisation (named as
 * `onBehalfOf`, or a directed task's own) is `forbidden` unless the organisation's stream records the acting
 * person as a current member. What the caller's context asserts (`actor.organisations`) no longer counts. A
 * member who leaves between this check and the append is a race the audit reports (`not-a-member`). Pass it
 * to `handler.handle` when using the handler without the facade.
 */
export const organisationMembershipCheck =
  (handler: CommandHandler, task: TaskAggregate, organisation: OrganisationAggregate): ContextualCheck =>
  async (command, context) => {
    if (command.type !== 'ClaimTask') return undefined;
    const data = command.data as { readonly taskId: string; readonly onBehalfOf?: string };
    const state = await handler.stateOf(task, taskStream(data.taskId));
    if (isLeft(state)) return state.left;
    if (state.right.status === 'unpublished') return undefined; // the decider answers not-found
    const organisationId = claimOrganisation(state.right.audience, data.onBehalfOf);
    if (organisationId === undefined) return undefined;
    const register = await handler.stateOf(organisation, organisationStream(organisationId));
    if (isLeft(register)) return register.left;
    return isMember(register.right, context.actor.id)
      ? undefined
      : domainError(
          'forbidden',
          `${context.actor.id} is not a member of ${organisationId} as its history records`,
          { organisationId },
        );
  };

/** Runs checks in turn and answers the first refusal, or undefined when every check passes. */
export const allChecks =
  (...checks: readonly ContextualCheck[]): ContextualCheck =>
  async (command, context) => {
    for (const check of checks) {
      const refused = await check(command, context);
      if (refused !== undefined) return refused;
    }
    return undefined;
  };
