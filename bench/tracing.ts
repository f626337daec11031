/**
 * The cost of the tracing hooks: the task lifecycle's commands through one CommandHandler on the in-memory
 * store, with tracing off (`tracer: false`, the same path as an install without `@opentelemetry/api`) as the
 * same-run baseline, against the default (the global API's tracer, no provider registered: spans recorded
 * nowhere) and a recording SDK tracer (BasicTracerProvider, SimpleSpanProcessor, InMemorySpanExporter).
 * The handler, not the facade: the facade's directory check is the same in every contender.
 */
import { trace } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { isLeft } from 'fp-ts/lib/Either.js';
import { CommandHandler } from '../src/commands/command-handler.js';
import { createLinliAggregates } from '../src/domain/linli.js';
import type { TracerOption } from '../src/observability/tracer.js';
import { InMemoryEventStore } from '../src/store/memory.js';
import { compare, interleave, median, timed, type BenchModule } from './harness.js';
import { lifecycle } from './task-lifecycle.js';

const RESIDENTS = 200;
const COMMANDS = 4;

/** Runs `count` lifecycles (publish, claim, proof, verify) through a fresh handler; returns commands/s. */
const run = async (label: string, count: number, tracer: TracerOption): Promise<number> => {
  const { task } = createLinliAggregates();
  const handler = new CommandHandler(new InMemoryEventStore(), { tracer });
  const steps = Array.from({ length: count }, (_, i) => lifecycle(label, i, RESIDENTS)).flat();
  const seconds = await timed(async () => {
    for (const step of steps) {
      const result = await handler.handle(task, step.command, step.context);
      if (isLeft(result)) throw new Error(`${step.command.type} was refused: ${result.left.message}`);
    }
  });
  return (count * COMMANDS) / seconds;
};

/** The tracing-cost benchmark. */
export const tracingBench: BenchModule = {
  id: 'tracing',
  description: 'command handler throughput with tracing off, default (no provider) and recording',
  async run({ quick, log }) {
    const lifecycles = quick ? 1_000 : 5_000;
    const options = quick ? { warmup: 1, repetitions: 5 } : { warmup: 2, repetitions: 9 };
    log(`tracing: ${lifecycles} lifecycles per run, ${options.repetitions} runs each`);
    trace.disable();
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const recording = provider.getTracer('linli-bench');
    let round = 0;
    const samples = await interleave(
      {
        off: () => run(`off${round}`, lifecycles, false),
        defaultTracer: () => run(`default${round}`, lifecycles, undefined),
        recording: async () => {
          exporter.reset();
          return run(`recording${round++}`, lifecycles, recording);
        },
      },
      options,
    );
    const off = median(samples.off);
    const detail =
      `${lifecycles} task lifecycles (${lifecycles * COMMANDS} commands) through CommandHandler on a fresh ` +
      `in-memory store per run, interleaved; median of ${options.repetitions} runs after ${options.warmup} warm-up`;
    const against = (name: string, value: number, target: number | null) =>
      compare({
        name,
        value: Math.round(value),
        unit: 'commands/s',
        baseline: Math.round(off),
        baselineName: 'the same handler with tracer: false, same run',
        target,
        better: 'higher',
        detail,
      });
    return [
      // Spans recorded nowhere must cost next to nothing: within 5% of no tracing at all.
      against('tracing-default-no-provider', median(samples.defaultTracer), 0.95),
      against('tracing-recording', median(samples.recording), null),
    ];
  },
};
