/**
 * The replay laws of {@link expectRebuildEqualsIncremental} and {@link expectRedeliveryChangesNothing} as
 * two tests over generated worlds recorded through the facade: task-and-points timelines for the points
 * ledger, task board and honour roll, random neighbourhoods for the directory.
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
import { record, timelineArb, type TimelineStep } from './timeline.js';

/** A generated world: the commands that make it, in order. */
export interface RecordedWorld {
  readonly steps: readonly TimelineStep[];
}

/** Generated task-and-points timelines, as worlds. */
export const timelineWorlds: fc.Arbitrary<RecordedWorld> = timelineArb.map((steps) => ({ steps }));

/** How a read model's laws are tested. */
export interface ReplayLawOptions<S, W extends RecordedWorld> {
  /** The worlds the laws are tested over. */
  readonly worlds: fc.Arbitrary<W>;
  /** The rebuild test's title. */
  readonly rebuildTitle: string;
  /** Runs of the rebuild property. */
  readonly rebuildRuns: number;
  /** Checks the rebuilt state against a recount of the raw events (or the world), when the model has one. */
  readonly recount?: (state: S, events: readonly Recorded<LinliEvent>[], world: W) => void;
}

/** Declares the rebuild and redelivery tests of a read model over generated worlds. */
export const itKeepsTheReplayLaws = <S, W extends RecordedWorld>(
  projection: Projection<Recorded<LinliEvent>, S>,
  options: ReplayLawOptions<S, W>,
): void => {
  it(options.rebuildTitle, async () => {
    await fc.assert(
      fc.asyncProperty(
        options.worlds,
        cutsArb,
        fc.integer({ min: 1, max: 50 }),
        async (world, cuts, batch) => {
          const { store } = await record(world.steps);
          const state = await expectRebuildEqualsIncremental(store, projection, cuts, batch);
          options.recount?.(state, parseAll(await readAll(store)), world);
        },
      ),
      { numRuns: options.rebuildRuns },
    );
  });

  it('changes nothing when events are delivered again', async () => {
    await fc.assert(
      fc.asyncProperty(options.worlds, repeatsArb, async (world, repeats) => {
        const { store } = await record(world.steps);
        await expectRedeliveryChangesNothing(store, projection, repeats);
      }),
      { numRuns: 30 },
    );
  });
};
