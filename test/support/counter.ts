/**
 * A tiny aggregate for testing the kernel itself (handler, catalogue, spec helper) without depending on the
 * governance aggregates: a counter that can be opened, incremented up to a limit, and renamed.
 */
import { left, right } from 'fp-ts/lib/Either.js';
import { z } from 'zod';
import type { Aggregate } from '../../src/commands/aggregate.js';
import { MessageCatalogue, type MessagesOf } from '../../src/domain/shared/catalogue.js';
import { domainError } from '../../src/domain/shared/errors.js';

export const counterEventSchemas = {
  CounterOpened: z.object({ counterId: z.string(), limit: z.number().int().positive() }),
  CounterIncremented: z.object({ counterId: z.string(), by: z.number().int().positive() }),
};
export const counterCommandSchemas = {
  OpenCounter: z.object({ counterId: z.string().min(1), limit: z.number().int().positive() }),
  Increment: z.object({ counterId: z.string().min(1), by: z.number().int().positive().default(1) }),
};

export type CounterEvent = MessagesOf<typeof counterEventSchemas>;
export interface CounterState {
  readonly open: boolean;
  readonly limit: number;
  readonly value: number;
}

export const counterAggregate = (
  events = new MessageCatalogue(counterEventSchemas),
): Aggregate<typeof counterCommandSchemas, typeof counterEventSchemas, CounterState> => ({
  name: 'Counter',
  commands: new MessageCatalogue(counterCommandSchemas),
  events,
  streamId: (command) => `counter-${command.data.counterId}`,
  decider: {
    initialState: { open: false, limit: 0, value: 0 },
    evolve: (state, event) =>
      event.type === 'CounterOpened'
        ? { open: true, limit: event.data.limit, value: 0 }
        : { ...state, value: state.value + event.data.by },
    decide: (command, state) => {
      switch (command.type) {
        case 'OpenCounter':
          return state.open
            ? left(domainError('already-exists', 'counter already open'))
            : right([{ type: 'CounterOpened', data: command.data }]);
        case 'Increment':
          if (!state.open) return left(domainError('not-found', 'no such counter'));
          if (state.value + command.data.by > state.limit) {
            return left(domainError('limit-exceeded', 'counter would pass its limit'));
          }
          return right([{ type: 'CounterIncremented', data: command.data }]);
      }
    },
  },
});
