import { isLeft } from 'fp-ts/lib/Either.js';
import { isDeepStrictEqual } from 'node:util';
import type { AnyAggregate } from '../../commands/aggregate.js';
import { ALL_UNITS, RoleSchema } from '../../domain/shared/actors.js';
import type { CommandContext } from '../../domain/shared/context.js';
import type { DomainEvent } from '../../domain/shared/events.js';
import { isPlainRecord } from '../../domain/shared/plain-record.js';
import type { AuditedEvent, ReportViolation } from '../auditor.js';

/** What the audit grants the recorded actor beyond the history: see {@link replayDecision}. */
export interface ReplayAssumptions {
  /** Organisations the actor is taken to belong to (a directed task's own, until membership is recorded). */
  readonly organisations?: readonly string[];
}

/** The context a recorded event was decided in, as far as its metadata tells; undefined if it cannot tell. */
const recordedContext = (metadata: unknown, assume: ReplayAssumptions): CommandContext | undefined => {
  if (!isPlainRecord(metadata) || !isPlainRecord(metadata.actor)) return undefined;
  const { id } = metadata.actor;
  const role = RoleSchema.safeParse(metadata.actor.role);
  const { occurredAt, commandId } = metadata;
  if (typeof id !== 'string' || !role.success || typeof occurredAt !== 'string') return undefined;
  if (typeof commandId !== 'string') return undefined;
  return {
    // Reach is not recorded (the host asserts an actor's scope), so the replay grants every unit and judges
    // role, identity, time and content; the places an event names are judged against the directory instead.
    actor: { id, role: role.data, scope: [ALL_UNITS], organisations: [...(assume.organisations ?? [])] },
    now: occurredAt,
    commandId,
  };
};

/**
 * Decides a recorded event again, with the one decider the command handler used: the event read as the
 * command that records it (its aggregate's `recordedBy`), the state its stream was in, and the actor and
 * time of its metadata. A refusal is `unauthorised` when the decider said `forbidden` and `not-as-decided`
 * otherwise; a decision that records a different event (another reporter, verifier, points, field) is
 * `not-as-decided`. Events whose metadata the schema refused are left to that violation.
 */
export const replayDecision = <S>(
  aggregate: AnyAggregate,
  before: S,
  audited: AuditedEvent,
  report: ReportViolation,
  assume: ReplayAssumptions = {},
): void => {
  const commandType = (aggregate.recordedBy as Readonly<Record<string, string>> | undefined)?.[audited.type];
  if (commandType === undefined) return;
  const context = recordedContext(audited.recorded.metadata, assume);
  if (context === undefined) return;
  const command = aggregate.commands.parse({ type: commandType, data: audited.data });
  if (isLeft(command)) {
    report('not-as-decided', `no ${commandType} records this ${audited.type}: ${command.left.message}`);
    return;
  }
  const decision = aggregate.decider.decide(command.right, before, context);
  const who = `${context.actor.role} ${context.actor.id}`;
  if (isLeft(decision)) {
    const { code, message } = decision.left;
    if (code === 'forbidden') report('unauthorised', `${audited.type} by ${who}: ${message}`);
    else
      report('not-as-decided', `${commandType} by ${who} at ${context.now} is refused (${code}): ${message}`);
    return;
  }
  const decided = (decision.right as readonly DomainEvent[]).find((event) => event.type === audited.type);
  if (decided === undefined) {
    report('not-as-decided', `${commandType} by ${who} records nothing of the kind here: a repeat`);
  } else if (!isDeepStrictEqual(decided.data, audited.data)) {
    report(
      'not-as-decided',
      `${audited.type} records ${JSON.stringify(audited.data)}; by ${who} the decider records ${JSON.stringify(decided.data)}`,
    );
  }
};

/**
 * A report that remembers whether it was called: the replay runs only where the lifecycle checks found
 * nothing, so that one wrong event is reported once, under its most specific code.
 */
export const trackingReport = (
  report: ReportViolation,
): { readonly report: ReportViolation; readonly found: () => boolean } => {
  let found = false;
  return {
    report: (code, message, at) => {
      found = true;
      report(code, message, at);
    },
    found: () => found,
  };
};
