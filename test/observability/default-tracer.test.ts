/**
 * Where the spans go when no tracer is given: to the global `@opentelemetry/api`'s provider, as the `linli`
 * instrumentation scope; nowhere with `tracer: false`. (Without the API installed, the lean install in
 * test/package.test.ts runs the facade.)
 */
import { trace } from '@opentelemetry/api';
import { isRight } from 'fp-ts/lib/Either.js';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { createGovernance } from '../../src/commands/governance.js';
import { loadOptional } from '../../src/store/load-driver.js';
import { testContext } from '../../src/testing/context.js';
import { recordingTracer } from './support.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

const establish = {
  type: 'EstablishNeighbourhood',
  data: { neighbourhoodId: 'bairuijing', streetId: 'wuhou-st', name: 'Bairuijing' },
} as const;

describe('the default tracer', () => {
  afterEach(() => {
    trace.disable();
  });

  it("uses the global provider's tracer 'linli' at linli's version, even one registered later", async () => {
    const governance = createGovernance();
    const { exporter, provider } = recordingTracer();
    trace.setGlobalTracerProvider(provider);
    expect(isRight(await governance.execute(establish, testContext()))).toBe(true);
    expect(isRight(await governance.readModels())).toBe(true);
    const spans = exporter.getFinishedSpans();
    expect(spans.map((span) => span.name).sort()).toEqual([
      'linli.append',
      'linli.command',
      'linli.projection.batch',
    ]);
    for (const span of spans) expect(span.instrumentationScope).toEqual({ name: 'linli', version });
  });

  it('records nothing with tracer: false, and commands still run', async () => {
    const { exporter, provider } = recordingTracer();
    trace.setGlobalTracerProvider(provider);
    const governance = createGovernance({ tracer: false });
    expect(isRight(await governance.execute(establish, testContext()))).toBe(true);
    expect(isRight(await governance.readModels())).toBe(true);
    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it('runs without a registered provider, its spans recorded nowhere', async () => {
    const governance = createGovernance();
    const executed = await governance.execute(establish, testContext());
    expect(isRight(executed) && executed.right.map((event) => event.type)).toEqual([
      'NeighbourhoodEstablished',
    ]);
    const models = await governance.readModels();
    expect(isRight(models) && Object.keys(models.right.directory).length).toBeGreaterThan(0);
  });

  it('treats a package that is not installed as absent, not as an error', () => {
    expect(loadOptional('linli-no-such-package')).toBeUndefined();
    expect(loadOptional<{ trace: unknown }>('@opentelemetry/api')?.trace).toBe(trace);
  });
});
