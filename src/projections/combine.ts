import type { Draft } from 'immer';
import type { Projection } from './projection.js';

/** One projection per key, each keeping the state found under the same key of `S`. */
export type ProjectionsOf<E, S> = { readonly [K in keyof S]: Projection<E, S[K]> };

/**
 * Combines projections over the same events into one, so that a single pass over the log (and a single
 * immer draft per batch) keeps them all. Each member applies the event to its own part of the draft.
 */
export const combineProjections = <E, S extends object>(
  name: string,
  members: ProjectionsOf<E, S>,
): Projection<E, S> => {
  const entries = Object.entries(members) as [string, Projection<E, unknown>][];
  return {
    name,
    initialState: Object.fromEntries(entries.map(([key, member]) => [key, member.initialState])) as S,
    apply: (draft, event) => {
      const parts = draft as Record<string, Draft<unknown>>;
      for (const [key, member] of entries) member.apply(parts[key] as Draft<unknown>, event);
    },
  };
};
