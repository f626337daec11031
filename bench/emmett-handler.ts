import { CommandHandler, type Event, type EventStore } from '@event-driven-io/emmett';
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import type { Aggregate } from '../src/commands/aggregate.js';
import type { MessagesOf, SchemaMap } from '../src/domain/shared/catalogue.js';
import { parseCommandContext } from '../src/domain/shared/command-context.js';
import { domainError, type DomainError } from '../src/domain/shared/errors.js';

/** A linli event as Emmett stores it: a type and a data record. */
export type EmmettEvent = Event<string, Record<string, unknown>>;

/** A decider's rejection, carried through Emmett's handler (which expects a throw) back to the caller. */
class Rejected extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
  }
}

/** Executes one linli command through Emmett; the same contract as linli's handler: Left or the events. */
export type EmmettCommandHandler = (
  store: EventStore,
  command: unknown,
  context: unknown,
) => Promise<Either<DomainError, readonly EmmettEvent[]>>;

/**
 * Wires one of our aggregates into Emmett's `CommandHandler`, the way an Emmett user would: Emmett reads the
 * stream, folds it with our `evolve`, runs our `decide`, and appends with its expected version. Validation is
 * the same as linli's: the command and its context are parsed by our zod schemas before anything else, and
 * every event Emmett reads back is parsed by our event catalogue (as its upcaster), never trusted.
 */
export const emmettHandlerFor = <CM extends SchemaMap, EM extends SchemaMap, S>(
  aggregate: Aggregate<CM, EM, S>,
): EmmettCommandHandler => {
  const handle = CommandHandler<S, EmmettEvent>({
    evolve: (state, event) => aggregate.decider.evolve(state, event as unknown as MessagesOf<EM>),
    initialState: () => aggregate.decider.initialState,
    schema: {
      versioning: {
        upcast: (stored: EmmettEvent): EmmettEvent => {
          const parsed = aggregate.events.parse(stored, { errorCode: 'invalid-event' });
          if (isLeft(parsed)) throw new Error(`unreadable event: ${parsed.left.message}`);
          return parsed.right as unknown as EmmettEvent;
        },
      },
    },
  });
  return async (store, commandInput, contextInput) => {
    const command = aggregate.commands.parse(commandInput, { errorCode: 'invalid-command' });
    if (isLeft(command)) return command;
    const context = parseCommandContext(contextInput);
    if (!context.success) {
      return left(domainError('invalid-command', 'invalid command context', context.error.issues));
    }
    try {
      const result = await handle(store, aggregate.streamId(command.right), (state) => {
        const decision = aggregate.decider.decide(command.right, state, context.data);
        if (isLeft(decision)) throw new Rejected(decision.left);
        return decision.right as unknown as EmmettEvent[];
      });
      return right(result.newEvents);
    } catch (error) {
      if (error instanceof Rejected) return left(error.error);
      throw error;
    }
  };
};
