import { isLeft, isRight, right } from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MessageCatalogue } from '../../src/domain/shared/catalogue.js';
import { project, type Projection } from '../../src/projections/projection.js';
import { ProjectionRunner, type EventParser } from '../../src/projections/runner.js';
import { InMemoryCheckpointStore } from '../../src/store/checkpoint-store.js';
import type { RecordedEvent } from '../../src/store/event-store.js';
import { InMemoryEventStore } from '../../src/store/memory.js';
import { testEvent } from '../store/contract.js';
import { counterEventSchemas, type CounterEvent } from '../support/counter.js';

type Parsed = CounterEvent & { position: bigint };
interface Totals {
  readonly byCounter: Record<string, number>;
  readonly events: number;
}

const totals: Projection<Parsed, Totals> = {
  name: 'totals',
  initialState: { byCounter: {}, events: 0 },
  apply: (draft, event) => {
    draft.events += 1;
    if (event.type === 'CounterIncremented') {
      draft.byCounter[event.data.counterId] = (draft.byCounter[event.data.counterId] ?? 0) + event.data.by;
    }
  },
};

const catalogue = new MessageCatalogue(counterEventSchemas);
const parse: EventParser<Parsed> = (raw) => {
  const parsed = catalogue.parse(raw, {
    schemaVersion: raw.metadata.schemaVersion,
    errorCode: 'invalid-event',
  });
  return isLeft(parsed) ? parsed : right({ ...parsed.right, position: raw.position });
};

const history = fc.array(
  fc.record({ counter: fc.constantFrom('a', 'b', 'c'), by: fc.integer({ min: 1, max: 9 }) }),
  { maxLength: 60 },
);

const fill = async (store: InMemoryEventStore, steps: readonly { counter: string; by: number }[]) => {
  for (const { counter, by } of steps) {
    await store.appendToStream(`counter-${counter}`, [
      testEvent('CounterIncremented', { counterId: counter, by }),
    ]);
  }
};

const readAll = async (store: InMemoryEventStore) => {
  const out: RecordedEvent[] = [];
  for await (const e of store.readAll()) out.push(e);
  return out;
};

describe('ProjectionRunner', () => {
  it('gives the same state rebuilt from scratch as applied in any split into batches', async () => {
    await fc.assert(
      fc.asyncProperty(
        history,
        fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 20 }),
        async (steps, cuts) => {
          const store = new InMemoryEventStore();
          await fill(store, steps);
          const rebuilt = new ProjectionRunner(store, totals, { parse, batchSize: 1000 });
          const full = await rebuilt.rebuild();
          const raw = await readAll(store);
          const incremental = new ProjectionRunner(store, totals, { parse });
          let i = 0;
          for (const cut of cuts) {
            await incremental.handle(raw.slice(i, i + cut));
            i += cut;
          }
          await incremental.handle(raw.slice(i));
          expect(isRight(full)).toBe(true);
          expect(incremental.state).toEqual(rebuilt.state);
          // And both equal the pure fold.
          const events = raw
            .map((e) => parse(e))
            .filter(isRight)
            .map((e) => e.right);
          expect(rebuilt.state).toEqual(project(totals, events, 3));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('changes nothing when events are delivered again', async () => {
    await fc.assert(
      fc.asyncProperty(history, fc.array(fc.nat(), { maxLength: 30 }), async (steps, repeats) => {
        const store = new InMemoryEventStore();
        await fill(store, steps);
        const raw = await readAll(store);
        const runner = new ProjectionRunner(store, totals, { parse });
        await runner.handle(raw);
        const once = runner.state;
        // Redeliver arbitrary earlier events, alone and in batches.
        for (const r of repeats) if (raw.length > 0) await runner.handle([raw[r % raw.length]!]);
        await runner.handle(raw);
        expect(runner.state).toEqual(once);
      }),
      { numRuns: 50 },
    );
  });

  it('follows live appends and records its checkpoint', async () => {
    const store = new InMemoryEventStore();
    const checkpoints = new InMemoryCheckpointStore();
    await fill(store, [{ counter: 'a', by: 1 }]);
    const runner = new ProjectionRunner(store, totals, { parse, checkpoints });
    const live = runner.follow();
    await fill(store, [
      { counter: 'a', by: 2 },
      { counter: 'b', by: 5 },
    ]);
    await live.waitFor(2n);
    expect(runner.state.byCounter).toEqual({ a: 3, b: 5 });
    expect(await checkpoints.load('totals')).toBe(2n);
    await live.stop();
    // A new runner resumes after the checkpoint: it applies only what came later.
    await fill(store, [{ counter: 'c', by: 4 }]);
    const resumed = new ProjectionRunner(store, totals, { parse, checkpoints });
    await resumed.catchUp();
    expect(resumed.state.byCounter).toEqual({ c: 4 });
    // A rebuild ignores the checkpoint.
    await resumed.rebuild();
    expect(resumed.state.byCounter).toEqual({ a: 3, b: 5, c: 4 });
  });

  it('stops at an event that does not parse instead of skipping it', async () => {
    const store = new InMemoryEventStore();
    await fill(store, [{ counter: 'a', by: 1 }]);
    await store.appendToStream('counter-a', [testEvent('CounterIncremented', { counterId: 'a', by: 'x' })]);
    await fill(store, [{ counter: 'a', by: 1 }]);
    const runner = new ProjectionRunner(store, totals, { parse });
    const result = await runner.rebuild();
    expect(isLeft(result) && result.left.code).toBe('invalid-event');
    expect(isLeft(result) && result.left.message).toContain('counter-a@1');
    expect(runner.lastPosition).toBeUndefined();
  });
});
