/**
 * The command handler's spans, recorded by the real OpenTelemetry SDK: `linli.command` around each command
 * with its outcome, and a `linli.append` child for each append it attempts.
 */
import { SpanStatusCode } from '@opentelemetry/api';
import { isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { CommandHandler } from '../../src/commands/command-handler.js';
import { createGovernance } from '../../src/commands/governance.js';
import { taskAggregate } from '../../src/domain/task/aggregate.js';
import { InMemoryEventStore } from '../../src/store/memory.js';
import { testContext } from '../../src/testing/context.js';
import { InstrumentedStore } from '../support/instrumented-store.js';
import { recordingTracer, spansNamed } from './support.js';

const publish = (taskId: string) => ({
  type: 'PublishTask',
  data: {
    taskId,
    community: 'bairuijing',
    unit: 'grid-3',
    title: 'Replace the stairwell light bulb',
    difficulty: 'easy',
    deadline: '2026-12-31T00:00:00+08:00',
  },
});

describe('command spans', () => {
  it('wraps an appended command in linli.command with a linli.append child', async () => {
    const { exporter, tracer } = recordingTracer();
    const handler = new CommandHandler(new InMemoryEventStore(), { tracer });
    const result = await handler.handle(taskAggregate, publish('t-1'), testContext());
    expect(isRight(result)).toBe(true);

    const [command] = spansNamed(exporter, 'linli.command');
    const [append] = spansNamed(exporter, 'linli.append');
    expect(exporter.getFinishedSpans()).toHaveLength(2);
    expect(command?.attributes).toEqual({
      'linli.command.type': 'PublishTask',
      'linli.stream.id': 'task-t-1',
      'linli.retries': 0,
      'linli.command.outcome': 'appended',
      'linli.command.events': 1,
    });
    expect(command?.status.code).toBe(SpanStatusCode.UNSET);
    expect(append?.attributes).toEqual({
      'linli.stream.id': 'task-t-1',
      'linli.append.events': 1,
      'linli.append.expected_revision': 'no-stream',
    });
    expect(append?.parentSpanContext?.spanId).toBe(command?.spanContext().spanId);
    expect(append?.spanContext().traceId).toBe(command?.spanContext().traceId);
  });

  it('marks a refused command with the error status and its code, and appends nothing', async () => {
    const { exporter, tracer } = recordingTracer();
    const handler = new CommandHandler(new InMemoryEventStore(), { tracer });
    const claim = { type: 'ClaimTask', data: { taskId: 'nobody-published-it' } };
    const refused = await handler.handle(
      taskAggregate,
      claim,
      testContext({ actor: { id: 'r-1', role: 'resident' } }),
    );
    if (isRight(refused)) throw new Error('a claim of a task nobody published was accepted');

    const [command] = exporter.getFinishedSpans();
    expect(exporter.getFinishedSpans()).toHaveLength(1);
    expect(command?.name).toBe('linli.command');
    expect(command?.attributes['linli.command.outcome']).toBe('refused');
    expect(command?.attributes['linli.error.code']).toBe('not-found');
    expect(command?.status.code).toBe(SpanStatusCode.ERROR);
    expect(command?.status.message).toBe(refused.left.message);
  });

  it('marks an invalid command refused before it has a stream', async () => {
    const { exporter, tracer } = recordingTracer();
    const handler = new CommandHandler(new InMemoryEventStore(), { tracer });
    await handler.handle(taskAggregate, { type: 'PublishTask', data: {} }, testContext());
    const [command] = exporter.getFinishedSpans();
    expect(command?.attributes).toMatchObject({
      'linli.command.type': 'PublishTask',
      'linli.command.outcome': 'refused',
      'linli.error.code': 'invalid-command',
    });
    expect(command?.attributes['linli.stream.id']).toBeUndefined();
  });

  it('says duplicate for a retried command id, which appends nothing', async () => {
    const { exporter, tracer } = recordingTracer();
    const handler = new CommandHandler(new InMemoryEventStore(), { tracer });
    const context = testContext();
    await handler.handle(taskAggregate, publish('t-2'), context);
    exporter.reset();
    await handler.handle(taskAggregate, publish('t-2'), context);
    expect(exporter.getFinishedSpans().map((span) => span.name)).toEqual(['linli.command']);
    expect(spansNamed(exporter, 'linli.command')[0]?.attributes).toMatchObject({
      'linli.command.outcome': 'duplicate',
      'linli.command.events': 1,
    });
  });

  it('counts retries after a conflict, the failed append span carrying the error', async () => {
    const { exporter, tracer } = recordingTracer();
    const store = new InstrumentedStore();
    const handler = new CommandHandler(store, { tracer, retryBaseDelayMs: 0 });
    const staff = { id: 'staff-1', role: 'community-staff' as const, scope: ['bairuijing'] };
    await handler.handle(taskAggregate, publish('t-3'), testContext({ actor: staff }));
    // A rival claims the task between this command's decision and its append.
    store.beforeNextAppend = async () => {
      const rival = testContext({ actor: { id: 'r-rival', role: 'resident' } });
      await new CommandHandler(store).handle(
        taskAggregate,
        { type: 'ClaimTask', data: { taskId: 't-3' } },
        rival,
      );
    };
    exporter.reset();
    const resident = { id: 'r-1', role: 'resident' as const };
    const late = await handler.handle(
      taskAggregate,
      { type: 'ClaimTask', data: { taskId: 't-3' } },
      testContext({ actor: resident }),
    );
    expect(isRight(late)).toBe(false);

    const [command] = spansNamed(exporter, 'linli.command');
    const appends = spansNamed(exporter, 'linli.append');
    // One append, refused by the store; decided again on the rival's claim, the command is refused.
    expect(appends).toHaveLength(1);
    expect(appends[0]?.status.code).toBe(SpanStatusCode.ERROR);
    expect(appends[0]?.events.map((event) => event.name)).toEqual(['exception']);
    expect(appends[0]?.attributes['linli.append.expected_revision']).toBe('0');
    expect(command?.attributes['linli.retries']).toBe(1);
    expect(command?.attributes['linli.command.outcome']).toBe('refused');
  });

  it('traces the facade commands and read-model batches with createGovernance({ tracer })', async () => {
    const { exporter, tracer } = recordingTracer();
    const governance = createGovernance({ tracer });
    const established = await governance.execute(
      {
        type: 'EstablishNeighbourhood',
        data: { neighbourhoodId: 'bairuijing', streetId: 'wuhou-st', name: 'Bairuijing' },
      },
      testContext(),
    );
    expect(isRight(established)).toBe(true);
    const models = await governance.readModels();
    expect(isRight(models)).toBe(true);
    expect(
      spansNamed(exporter, 'linli.command').map((span) => span.attributes['linli.command.type']),
    ).toEqual(['EstablishNeighbourhood']);
    const [batch] = spansNamed(exporter, 'linli.projection.batch');
    expect(batch?.attributes).toMatchObject({
      'linli.projection.events': 1,
      'linli.projection.from_position': '0',
      'linli.projection.to_position': '0',
    });
  });
});
