/** The projection runner's `linli.projection.batch` spans, recorded by the real OpenTelemetry SDK. */
import { SpanStatusCode } from '@opentelemetry/api';
import { isLeft, isRight, left, right } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { domainError } from '../../src/domain/shared/errors.js';
import type { Projection } from '../../src/projections/projection.js';
import { ProjectionRunner, type EventParser } from '../../src/projections/runner.js';
import { InMemoryEventStore } from '../../src/store/memory.js';
import { testEvent } from '../store/contract.js';
import { recordingTracer, spansNamed } from './support.js';

const count: Projection<string, { events: number }> = {
  name: 'count',
  initialState: { events: 0 },
  apply: (draft) => {
    draft.events += 1;
  },
};
const parse: EventParser<string> = (raw) =>
  raw.type === 'Broken' ? left(domainError('invalid-event', 'cannot read it')) : right(raw.type);

const storeWith = async (events: number): Promise<InMemoryEventStore> => {
  const store = new InMemoryEventStore();
  for (let i = 0; i < events; i++) {
    await store.appendToStream(`counter-${i % 2}`, [
      testEvent('CounterIncremented', { counterId: 'a', by: 1 }),
    ]);
  }
  return store;
};

const batchAttributes = (spans: ReturnType<typeof spansNamed>) =>
  spans.map((span) => ({
    events: span.attributes['linli.projection.events'],
    from: span.attributes['linli.projection.from_position'],
    to: span.attributes['linli.projection.to_position'],
  }));

describe('projection batch spans', () => {
  it('records one span per batch of a catch-up, naming the projection and the positions it applied', async () => {
    const { exporter, tracer } = recordingTracer();
    const runner = new ProjectionRunner(await storeWith(5), count, { parse, batchSize: 2, tracer });
    const caught = await runner.catchUp();
    expect(isRight(caught) && caught.right.events).toBe(5);

    const spans = spansNamed(exporter, 'linli.projection.batch');
    expect(batchAttributes(spans)).toEqual([
      { events: 2, from: '0', to: '1' },
      { events: 2, from: '2', to: '3' },
      { events: 1, from: '4', to: '4' },
    ]);
    expect(spans.every((span) => span.attributes['linli.projection.name'] === 'count')).toBe(true);
    expect(spans.every((span) => span.status.code === SpanStatusCode.UNSET)).toBe(true);
  });

  it('records nothing for a catch-up with nothing new, and only the new events after an append', async () => {
    const { exporter, tracer } = recordingTracer();
    const store = await storeWith(3);
    const runner = new ProjectionRunner(store, count, { parse, tracer });
    await runner.catchUp();
    exporter.reset();
    await runner.catchUp();
    expect(exporter.getFinishedSpans()).toEqual([]);
    await store.appendToStream('counter-9', [testEvent('CounterIncremented', { counterId: 'a', by: 1 })]);
    await runner.catchUp();
    expect(batchAttributes(spansNamed(exporter, 'linli.projection.batch'))).toEqual([
      { events: 1, from: '3', to: '3' },
    ]);
  });

  it('sets the error status and code on the batch holding an event that cannot be applied', async () => {
    const { exporter, tracer } = recordingTracer();
    const store = await storeWith(2);
    await store.appendToStream('broken', [testEvent('Broken', {})]);
    const runner = new ProjectionRunner(store, count, { parse, tracer });
    expect(isLeft(await runner.catchUp())).toBe(true);
    const [batch] = spansNamed(exporter, 'linli.projection.batch');
    expect(batch?.status.code).toBe(SpanStatusCode.ERROR);
    expect(batch?.attributes['linli.error.code']).toBe('invalid-event');
  });

  it('records the batches a live projection applies', async () => {
    const { exporter, tracer } = recordingTracer();
    const store = await storeWith(1);
    const runner = new ProjectionRunner(store, count, { parse, tracer });
    const live = runner.follow();
    const { position } = await store.appendToStream('counter-7', [
      testEvent('CounterIncremented', { counterId: 'a', by: 1 }),
    ]);
    await live.waitFor(position);
    await live.stop();
    const spans = spansNamed(exporter, 'linli.projection.batch');
    expect(spans.reduce((sum, span) => sum + Number(span.attributes['linli.projection.events']), 0)).toBe(2);
    expect(spans.at(-1)?.attributes['linli.projection.to_position']).toBe(String(position));
  });
});
