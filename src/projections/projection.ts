import { produce, type Draft } from 'immer';
import { deepFreeze } from '../domain/shared/freeze.js';

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

/** A deep copy that keeps each object's prototype, so null-prototype records stay null-prototype. */
const thaw = <T>(value: T): T => {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(thaw) as T;
  const copy = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  for (const [key, inner] of Object.entries(value)) copy[key] = thaw(inner);
  return copy as T;
};

/**
 * A fold that owns its state until {@link ScratchFold.finish}: events are applied in place to a private copy
 * of the initial state, and the result is frozen once at the end. For rebuilds, where no intermediate state
 * is ever shared: an immer draft per batch would copy every large record the batch touches, so a rebuild
 * would cost more per event the longer the history. The projection's `apply` is the same function either way.
 */
export class ScratchFold<E, S> {
  private state: S;
  private finished = false;

  /** Starts from a private, mutable copy of `start` (the projection's initial state by default). */
  constructor(
    readonly projection: Projection<E, S>,
    start: S = projection.initialState,
  ) {
    this.state = thaw(start);
  }

  /** Applies events in order, in place. */
  apply(events: Iterable<E>): void {
    if (this.finished) throw new Error(`${this.projection.name}: fold already finished`);
    const draft = this.state as Draft<S>;
    for (const event of events) this.projection.apply(draft, event);
  }

  /** Ends the fold: freezes the state and returns it. */
  finish(): S {
    this.finished = true;
    return deepFreeze(this.state);
  }
}
