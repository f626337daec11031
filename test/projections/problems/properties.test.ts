import fc from 'fast-check';
import { isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { Recorded } from '../../../src/commands/aggregate.js';
import type { ProblemEvent } from '../../../src/domain/problem/events.js';
import { GENESIS_HASH } from '../../../src/domain/shared/events.js';
import { serviceRequests } from '../../../src/projections/open311/index.js';
import {
  monthlyLedgerReport,
  problemLedgerProjection,
} from '../../../src/projections/problem-ledger/index.js';
import { project, type Projection } from '../../../src/projections/projection.js';
import {
  query721,
  rates12345,
  report721,
  resolutionStatsProjection,
  type Period,
} from '../../../src/projections/resolution-stats/index.js';
import { ProjectionRunner } from '../../../src/projections/runner.js';
import { problemEventArbitrary } from '../../../src/testing/arbitraries/problem.js';
import { keyAtOffset, recount12345, recount721, type RecountDefinitions } from './recount.js';
import { historyArbitrary, parseProblemEvent, recordSteps, type RecordedHistory } from './support.js';

// Both folds must meet the same laws; the type parameter is erased once the pair is built.
const projections: [string, Projection<Recorded<ProblemEvent>, unknown>][] = [
  ['resolution-stats', resolutionStatsProjection as Projection<Recorded<ProblemEvent>, unknown>],
  ['problem-ledger', problemLedgerProjection as Projection<Recorded<ProblemEvent>, unknown>],
];

describe.each(projections)('the %s projection', (_name, projection) => {
  it('(1) rebuilt from scratch equals the result applied incrementally, for any split into batches', async () => {
    await fc.assert(
      fc.asyncProperty(
        historyArbitrary,
        fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 25 }),
        fc.integer({ min: 1, max: 50 }),
        async (steps, cuts, batchSize) => {
          const { store, raw, events } = await recordSteps(steps);
          const rebuilt = new ProjectionRunner(store, projection, { parse: parseProblemEvent });
          expect(isRight(await rebuilt.rebuild())).toBe(true);
          const incremental = new ProjectionRunner(store, projection, { parse: parseProblemEvent });
          let at = 0;
          for (const cut of cuts) {
            await incremental.handle(raw.slice(at, at + cut));
            at += cut;
          }
          await incremental.handle(raw.slice(at));
          expect(incremental.state).toEqual(rebuilt.state);
          expect(project(projection, events, batchSize)).toEqual(rebuilt.state);
          // Plain JSON: it serialises and comes back equal.
          expect(JSON.parse(JSON.stringify(rebuilt.state))).toEqual(rebuilt.state);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('(2) changes nothing when events are delivered again, through the runner or straight to the fold', async () => {
    await fc.assert(
      fc.asyncProperty(
        historyArbitrary,
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 40 }),
        async (steps, repeats) => {
          const { store, raw, events } = await recordSteps(steps);
          const runner = new ProjectionRunner(store, projection, { parse: parseProblemEvent });
          await runner.handle(raw);
          const once = runner.state;
          for (const [from, length] of repeats) {
            if (raw.length === 0) break;
            const start = from % raw.length;
            await runner.handle(raw.slice(start, start + (length % 5) + 1));
          }
          await runner.handle(raw);
          expect(runner.state).toEqual(once);
          // Without the runner's position check, the fold's own revision check still ignores redeliveries:
          // after each event, redeliver some earlier one.
          const redelivered: Recorded<ProblemEvent>[] = [];
          events.forEach((event, i) => {
            redelivered.push(event);
            const repeat = repeats[i];
            if (repeat !== undefined) redelivered.push(events[repeat[0] % (i + 1)]!);
          });
          expect(project(projection, redelivered, 7)).toEqual(once);
        },
      ),
      { numRuns: 60 },
    );
  });
});

const ZONES = [
  { timeZone: 'Asia/Shanghai', offsetHours: 8 },
  { timeZone: 'UTC', offsetHours: 0 },
] as const;

/** Query parameters drawn from the history itself, so that cohorts are seldom empty. */
const queryArbitrary = (events: readonly Recorded<ProblemEvent>[]) =>
  fc.record({
    zone: fc.constantFrom(...ZONES),
    kind: fc.constantFrom('month' as const, 'quarter' as const, 'year' as const),
    periodFrom: fc.constantFrom(...events.filter((e) => e.type === 'ProblemReported')),
    asOf: fc.oneof(
      fc.nat({ max: Math.max(0, events.length - 1) }).map((i) => events[i]?.metadata.occurredAt),
      fc
        .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 6, 1) })
        .map((ms) => new Date(ms).toISOString()),
    ),
    scopeFrom: fc.nat({ max: Math.max(0, events.length - 1) }),
    scopeLevel: fc.constantFrom('none' as const, 'street' as const, 'community' as const, 'grid' as const),
  });

const withQuery = (history: RecordedHistory) =>
  fc.tuple(fc.constant(history.events), queryArbitrary(history.events));

describe('the 721 figures', () => {
  it('(3) equal a brute-force recount from the raw events, and the resolved shares sum to 100%', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary, async (steps) => {
        const history = await recordSteps(steps);
        const state = project(resolutionStatsProjection, history.events);
        fc.assert(
          fc.property(withQuery(history), ([events, q]) => {
            const asOf = q.asOf ?? '2030-01-01T00:00:00.000Z';
            const key = keyAtOffset(q.periodFrom.metadata.occurredAt, q.kind, q.zone.offsetHours);
            const reported = events[q.scopeFrom];
            const path = reported?.type === 'ProblemReported' ? reported.data.path : undefined;
            const scope =
              path === undefined || q.scopeLevel === 'none' ? {} : { [q.scopeLevel]: path[q.scopeLevel] };
            const period = { kind: q.kind, key } as Period;
            const figures = query721(state, { scope, period, asOf, timeZone: q.zone.timeZone });
            expect(figures).toEqual(
              recount721(events, { scope, kind: q.kind, key, asOf, offsetHours: q.zone.offsetHours }),
            );
            const { grid, community, streetAndAbove } = figures.shares;
            if (figures.resolved > 0) {
              expect(grid.share! + community.share! + streetAndAbove.share!).toBeCloseTo(1, 12);
              expect(grid.deviation! + community.deviation! + streetAndAbove.deviation!).toBeCloseTo(0, 12);
            } else {
              expect([grid.share, community.share, streetAndAbove.share]).toEqual([null, null, null]);
            }
            const byTier = figures.resolvedByTier;
            expect(byTier.grid + byTier.community + byTier.street + byTier.department).toBe(figures.resolved);
            expect(figures.rejected + figures.resolved + figures.open).toBe(figures.reported);
          }),
          { numRuns: 15 },
        );
      }),
      { numRuns: 40 },
    );
  });

  it('are the same computed from the whole history or from the history up to asOf', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary, fc.nat(), fc.constantFrom(...ZONES), async (steps, pick, zone) => {
        const { events } = await recordSteps(steps);
        const asOf = events[pick % events.length]!.metadata.occurredAt;
        const full = project(resolutionStatsProjection, events);
        const upToAsOf = project(
          resolutionStatsProjection,
          events.filter((e) => Date.parse(e.metadata.occurredAt) <= Date.parse(asOf)),
        );
        for (const kind of ['month', 'quarter', 'year'] as const) {
          const period = { kind, key: keyAtOffset(asOf, kind, zone.offsetHours) } as Period;
          const query = { period, asOf, timeZone: zone.timeZone };
          expect(query721(full, query)).toEqual(query721(upToAsOf, query));
          expect(rates12345(full, query)).toEqual(rates12345(upToAsOf, query));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('broken down by unit, add up to the figures of the whole scope', async () => {
    await fc.assert(
      fc.asyncProperty(
        historyArbitrary,
        fc.constantFrom('street' as const, 'community' as const, 'grid' as const),
        fc.constantFrom('month' as const, 'quarter' as const, 'year' as const),
        async (steps, by, kind) => {
          const { events } = await recordSteps(steps);
          const state = project(resolutionStatsProjection, events);
          const first = events[0]!.metadata.occurredAt;
          const period = { kind, key: keyAtOffset(first, kind, 8) } as Period;
          const report = report721(state, { by, period, asOf: '2030-01-01T00:00:00.000Z' });
          const sum = (pick: (f: (typeof report)['total']) => number) =>
            report.rows.reduce((n, row) => n + pick(row.figures), 0);
          expect(sum((f) => f.reported)).toBe(report.total.reported);
          expect(sum((f) => f.resolved)).toBe(report.total.resolved);
          expect(sum((f) => f.open)).toBe(report.total.open);
          expect(sum((f) => f.overdue)).toBe(report.total.overdue);
          expect(report.total.reported).toBeGreaterThan(0);
          expect(report.rows.map((row) => row.unit)).toEqual([...report.rows.map((row) => row.unit)].sort());
        },
      ),
      { numRuns: 40 },
    );
  });
});

const definitionsArbitrary: fc.Arbitrary<RecountDefinitions> = fc.record({
  responseHours: fc.integer({ min: 1, max: 72 }),
  responseOver: fc.constantFrom('reported' as const, 'accepted' as const),
  resolvedWhen: fc.constantFrom('resolved' as const, 'closed' as const),
  resolutionOver: fc.constantFrom('accepted' as const, 'reported' as const),
  satisfiedWhen: fc.oneof(
    fc.constant('flag' as const),
    fc.integer({ min: 1, max: 5 }).map((minScore) => ({ minScore })),
  ),
});

describe("Beijing's 12345 rates", () => {
  it('equal a brute-force recount for any definitions', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary, async (steps) => {
        const history = await recordSteps(steps);
        const state = project(resolutionStatsProjection, history.events);
        fc.assert(
          fc.property(withQuery(history), definitionsArbitrary, ([events, q], definitions) => {
            const asOf = q.asOf ?? '2030-01-01T00:00:00.000Z';
            const key = keyAtOffset(q.periodFrom.metadata.occurredAt, q.kind, q.zone.offsetHours);
            const period = { kind: q.kind, key } as Period;
            const rates = rates12345(state, { period, asOf, timeZone: q.zone.timeZone, definitions });
            expect(rates).toEqual(
              recount12345(
                events,
                { scope: {}, kind: q.kind, key, asOf, offsetHours: q.zone.offsetHours },
                definitions,
              ),
            );
            for (const r of [rates.response, rates.resolution, rates.satisfaction]) {
              expect(r.numerator).toBeLessThanOrEqual(r.denominator);
            }
          }),
          { numRuns: 15 },
        );
      }),
      { numRuns: 30 },
    );
  });
});

describe('the problem read models', () => {
  it('never throw and lose no problem, whatever valid events arrive in whatever order, even with ids that name Object members', () => {
    const id = fc.constantFrom('p-1', 'p-2', 'constructor', 'toString', '__proto__', 'hasOwnProperty');
    const recorded = fc
      .array(
        fc.tuple(
          problemEventArbitrary(id),
          fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }),
          fc.nat({ max: 20 }),
        ),
        { maxLength: 40 },
      )
      .map((items) =>
        items.map(([event, ms, revision], position): Recorded<ProblemEvent> => ({
          ...event,
          streamId: `problem-${event.data.problemId}`,
          revision: BigInt(revision),
          position: BigInt(position),
          metadata: {
            eventId: `e-${position}`,
            occurredAt: new Date(ms).toISOString(),
            actor: { id: 'admin-city', role: 'administrator' },
            commandId: `c-${position}`,
            correlationId: `c-${position}`,
            causationId: `c-${position}`,
            schemaVersion: 1,
            previousHash: GENESIS_HASH,
            hash: GENESIS_HASH,
          },
        })),
      );
    fc.assert(
      fc.property(recorded, (events) => {
        const stats = project(resolutionStatsProjection, events, 5);
        const ledger = project(problemLedgerProjection, events, 5);
        const asOf = '2026-06-01T00:00:00.000Z';
        for (const kind of ['month', 'quarter', 'year'] as const) {
          const period = { kind, key: keyAtOffset(asOf, kind, 8) } as Period;
          const figures = query721(stats, { period, asOf });
          expect(figures.rejected + figures.resolved + figures.open).toBe(figures.reported);
          rates12345(stats, { period, asOf });
        }
        for (const row of Object.values(ledger.rows)) {
          monthlyLedgerReport(ledger, { community: row.path.community, month: '2026-03', asOf });
        }
        expect(serviceRequests(ledger)).toHaveLength(Object.keys(ledger.rows).length);
        // Every reported problem has its row, whatever its id.
        const reported = new Set(
          events.filter((e) => e.type === 'ProblemReported').map((e) => e.data.problemId),
        );
        expect(Object.keys(stats.problems).sort()).toEqual([...reported].sort());
        expect(Object.keys(ledger.rows).sort()).toEqual([...reported].sort());
      }),
      { numRuns: 200 },
    );
  });
});
