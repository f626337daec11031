import type { Either } from 'fp-ts/lib/Either.js';
import type { CommandContext } from './context.js';
import type { DomainError } from './errors.js';
import type { DomainCommand, DomainEvent } from './events.js';

/**
 * A decider is the whole behaviour of one aggregate as three pure functions: the state before anything
 * happened, how an event changes the state, and which events a command produces from a state (or why not).
 */
export interface Decider<C extends DomainCommand, E extends DomainEvent, S> {
  readonly initialState: S;
  readonly evolve: (state: S, event: E) => S;
  readonly decide: (command: C, state: S, context: CommandContext) => Either<DomainError, readonly E[]>;
}

/** Folds a history of events into the state it leads to. */
export const fold = <E extends DomainEvent, S>(
  decider: Pick<Decider<DomainCommand, E, S>, 'initialState' | 'evolve'>,
  events: Iterable<E>,
): S => {
  let state = decider.initialState;
  for (const event of events) state = decider.evolve(state, event);
  return state;
};
