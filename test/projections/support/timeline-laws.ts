/**
 * The replay laws of {@link expectRebuildEqualsIncremental} and {@link expectRedeliveryChangesNothing} as
 * two tests over generated task-and-points timelines, for the read models those timelines feed (points
 * ledger, task board, honour roll).
 */
import fc from 'fast-check';
import { it } from 'vitest';
import type { Recorded } from '../../../src/commands/aggregate.js';
import type { LinliEvent } from '../../../src/domain/linli.js';
import type { Projection } from '../../../src/projections/projection.js';
import {
  cutsArb,
  expectRebuildEqualsIncremental,
  expectRedeliveryChangesNothing,
  parseAll,
  readAll,
  repeatsArb,
} from './replay.js';
import { record, timelineArb } from './timeline.js';

/** How a read model's laws are tested. */
export interface TimelineLawOptions<S> {
  /** The rebuild test's title. */
  readonly rebuildTitle: string;
  /** Runs of the rebuild property. */
  readonly rebuildRuns: number;
  /** Checks the rebuilt state against a recount of the raw events, when the model has one. */
  readonly recount?: (state: S, events: readonly Recorded<LinliEvent>[]) => void;
}

/** Declares the rebuild and redelivery tests of a read model over generated timelines. */
export const itKeepsTheReplayLaws = <S>(
  projection: Projection<Recorded<LinliEvent>, S>,
  options: TimelineLawOptions<S>,
): void => {
  it(options.rebuildTitle, async () => {
    await fc.assert(
      fc.asyncProperty(timelineArb, cutsArb, fc.integer({ min: 1, max: 50 }), async (steps, cuts, batch) => {
        const { store } = await record(steps);
        const state = await expectRebuildEqualsIncremental(store, projection, cuts, batch);
        options.recount?.(state, parseAll(await readAll(store)));
      }),
      { numRuns: options.rebuildRuns },
    );
  });

  it('changes nothing when events are delivered again', async () => {
    await fc.assert(
      fc.asyncProperty(timelineArb, repeatsArb, async (steps, repeats) => {
        const { store } = await record(steps);
        await expectRedeliveryChangesNothing(store, projection, repeats);
      }),
      { numRuns: 30 },
    );
  });
};
