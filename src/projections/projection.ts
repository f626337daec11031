import { produce, type Draft } from 'immer';

/**
 * A read model as a pure fold over events: its state before any event, and how one event changes a draft
 * of the state. `apply` mutates the immer draft it is given; the runner applies a whole batch of events
 * inside one draft, so a rebuild costs one copy-on-write per batch, not one per event.
 */
export interface Projection<E, S> {
  readonly name: string;
  readonly initialState: S;
  readonly apply: (draft: Draft<S>, event: E) => void;
}

/** Applies a batch of events to a state inside one immer draft, returning the next (frozen) state. */
export const applyBatch = <E, S>(projection: Projection<E, S>, state: S, events: readonly E[]): S =>
  events.length === 0
    ? state
    : produce(state, (draft) => {
        for (const event of events) projection.apply(draft, event);
      });

/** Folds a whole history into a projection's state, `batchSize` events per draft. */
export const project = <E, S>(projection: Projection<E, S>, events: Iterable<E>, batchSize = 1_000): S => {
  let state = projection.initialState;
  let batch: E[] = [];
  for (const event of events) {
    batch.push(event);
    if (batch.length >= batchSize) {
      state = applyBatch(projection, state, batch);
      batch = [];
    }
  }
  return applyBatch(projection, state, batch);
};
