/**
 * What every read model must satisfy, whatever it folds: rebuilt from scratch it equals the state applied
 * batch by batch in any split, and delivering events again (through the runner, or straight into the fold)
 * changes nothing. Shared by the points ledger, task board, honour roll and directory tests.
 */
import fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { expect } from 'vitest';
import type { Recorded } from '../../../src/commands/aggregate.js';
import { linliEventParser, type LinliEvent } from '../../../src/domain/linli.js';
import { project, type Projection } from '../../../src/projections/projection.js';
import { ProjectionRunner } from '../../../src/projections/runner.js';
import type { EventStore, RecordedEvent } from '../../../src/store/event-store.js';
import { collect } from '../../store/contract.js';

/** The parser a host's runner uses: every event checked against its stream's aggregate. */
export const parseLinli = linliEventParser();

/** Every event of a store, in log order. */
export const readAll = (store: EventStore): Promise<RecordedEvent[]> => collect(store.readAll());

/** Parses stored events, failing loudly: histories written by the facade always parse. */
export const parseAll = (raw: readonly RecordedEvent[]): Recorded<LinliEvent>[] =>
  raw.map((event) => {
    const parsed = parseLinli(event);
    if (isLeft(parsed)) throw new Error(parsed.left.message);
    return parsed.right;
  });

/** Sizes of consecutive batches a history is cut into (what is left over goes in a last batch). */
export const cutsArb: fc.Arbitrary<number[]> = fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 25 });

/** Redeliveries: each picks an event already delivered (by its index modulo how many were). */
export const repeatsArb: fc.Arbitrary<number[]> = fc.array(fc.nat(), { maxLength: 30 });

type LinliProjection<S> = Projection<Recorded<LinliEvent>, S>;

/**
 * Rebuilds the projection from the store, applies the same log through a second runner in the batches
 * `cuts` gives, and folds it with {@link project} in batches of `batchSize`: all three must agree.
 */
export const expectRebuildEqualsIncremental = async <S>(
  store: EventStore,
  projection: LinliProjection<S>,
  cuts: readonly number[],
  batchSize: number,
): Promise<S> => {
  const rebuilt = new ProjectionRunner(store, projection, { parse: parseLinli });
  expect(isRight(await rebuilt.rebuild())).toBe(true);
  const raw = await readAll(store);
  const incremental = new ProjectionRunner(store, projection, { parse: parseLinli });
  let at = 0;
  for (const cut of cuts) {
    expect(isRight(await incremental.handle(raw.slice(at, at + cut)))).toBe(true);
    at += cut;
  }
  expect(isRight(await incremental.handle(raw.slice(at)))).toBe(true);
  expect(incremental.state).toEqual(rebuilt.state);
  expect(project(projection, parseAll(raw), batchSize)).toEqual(rebuilt.state);
  return rebuilt.state;
};

/**
 * Delivers the log, then delivers earlier events again, alone, in overlapping batches and all at once:
 * the runner's state must not move. Then feeds the fold itself a history in which every redelivered event
 * comes again right after a later one (bypassing the runner's position check): the projection's own
 * revision guards must give the state of the clean history.
 */
export const expectRedeliveryChangesNothing = async <S>(
  store: EventStore,
  projection: LinliProjection<S>,
  repeats: readonly number[],
): Promise<void> => {
  const raw = await readAll(store);
  const runner = new ProjectionRunner(store, projection, { parse: parseLinli });
  await runner.handle(raw);
  const once = runner.state;
  for (const r of repeats) {
    if (raw.length === 0) break;
    const i = r % raw.length;
    await runner.handle([raw[i]!]);
    await runner.handle(raw.slice(i, i + 3));
  }
  await runner.handle(raw);
  expect(runner.state).toEqual(once);

  const events = parseAll(raw);
  const noisy: Recorded<LinliEvent>[] = [];
  events.forEach((event, i) => {
    noisy.push(event);
    const r = repeats[i];
    if (r !== undefined) noisy.push(events[r % (i + 1)]!);
  });
  expect(project(projection, noisy, 7)).toEqual(once);
};
