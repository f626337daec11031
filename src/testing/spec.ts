import { deepStrictEqual, fail } from 'node:assert/strict';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Aggregate } from '../commands/aggregate.js';
import type { MessageInputsOf, MessagesOf, SchemaMap } from '../domain/shared/catalogue.js';
import { fold } from '../domain/shared/decider.js';
import { parseCommandContext } from '../domain/shared/command-context.js';
import type { CommandContextInput } from '../domain/shared/context.js';
import type { ErrorCode } from '../domain/shared/errors.js';

/** The outcome of a `when`: assert on it with `then` or `thenError`. */
export interface SpecOutcome<E> {
  /** Asserts the command was accepted and produced exactly `events`. */
  then(events: readonly E[]): void;
  /** Asserts the command was rejected with `code`. */
  thenError(code: ErrorCode): void;
}

/** A history to decide on: `when` runs one command against it. */
export interface SpecGiven<CM extends SchemaMap, E> {
  when(command: MessageInputsOf<CM>, context: CommandContextInput): SpecOutcome<E>;
}

/**
 * Given/when/then for an aggregate's decider, usable with any test runner (failures throw node's
 * AssertionError). The command and context are parsed with their schemas first, exactly as the command
 * handler parses them, so a spec can also pin `invalid-command`.
 *
 * @example
 * spec(problemAggregate).given([reported]).when(triage, ctx).then([triaged]);
 */
export const spec = <CM extends SchemaMap, EM extends SchemaMap, S>(aggregate: Aggregate<CM, EM, S>) => ({
  /** Starts a spec from a history of events (oldest first). */
  given(history: readonly MessagesOf<EM>[]): SpecGiven<CM, MessagesOf<EM>> {
    return {
      when(command, context) {
        const parsedContext = parseCommandContext(context);
        if (!parsedContext.success) fail(`invalid context: ${parsedContext.error.message}`);
        const parsed = aggregate.commands.parse(command);
        const outcome = isLeft(parsed)
          ? parsed
          : aggregate.decider.decide(parsed.right, fold(aggregate.decider, history), parsedContext.data);
        return {
          then(events) {
            if (isLeft(outcome)) {
              fail(`expected events, got rejection ${outcome.left.code}: ${outcome.left.message}`);
            }
            deepStrictEqual(outcome.right, events);
          },
          thenError(code) {
            if (!isLeft(outcome)) {
              fail(`expected rejection ${code}, got events ${JSON.stringify(outcome.right)}`);
            }
            deepStrictEqual(outcome.left.code, code, outcome.left.message);
          },
        };
      },
    };
  },
});
