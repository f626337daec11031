import { isRight } from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineProjections, type ProjectionsOf } from '../../src/projections/combine.js';
import { project, ScratchFold, type Projection } from '../../src/projections/projection.js';

type Event = { readonly kind: 'a' | 'b'; readonly n: number };
interface Sum {
  total: number;
  count: number;
}
interface Last {
  last: number | null;
}
const sumOf = (kind: Event['kind']): Projection<Event, Sum> => ({
  name: `sum-${kind}`,
  initialState: { total: 0, count: 0 },
  apply: (draft, event) => {
    if (event.kind !== kind) return;
    draft.total += event.n;
    draft.count += 1;
  },
});
const lastSeen: Projection<Event, Last> = {
  name: 'last',
  initialState: { last: null },
  apply: (draft, event) => {
    draft.last = event.n;
  },
};

describe('combineProjections', () => {
  it('keeps each member exactly as it would keep itself, in one pass', () => {
    const members: ProjectionsOf<Event, { a: Sum; b: Sum; last: Last }> = {
      a: sumOf('a'),
      b: sumOf('b'),
      last: lastSeen,
    };
    const combined = combineProjections('all', members);
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.constantFrom<Event['kind']>('a', 'b'), n: fc.integer() })),
        fc.integer({ min: 1, max: 10 }),
        (events, batch) => {
          expect(project(combined, events, batch)).toEqual({
            a: project(sumOf('a'), events),
            b: project(sumOf('b'), events),
            last: project(lastSeen, events),
          });
        },
      ),
    );
  });

  it('serves the facade: every command recorded before readModels() is in the models', async () => {
    const { createGovernance } = await import('../../src/commands/governance.js');
    const { query721 } = await import('../../src/projections/resolution-stats/index.js');
    const { recordDirectory } = await import('../../src/testing/directory.js');
    const gov = createGovernance();
    const path = { street: 's1', community: 'c1', grid: 'g1' };
    await recordDirectory(gov, [{ street: path.street, community: path.community, grids: [path.grid] }]);
    const worker = { id: 'gw-1', role: 'grid-worker' as const, scope: ['g1'] };
    const run = async (
      command: Parameters<typeof gov.execute>[0],
      actor: typeof worker | { id: string; role: 'resident' },
      now: string,
      id: string,
    ) => expect(isRight(await gov.execute(command, { actor, now, commandId: id }))).toBe(true);
    for (const [i, resolveAt] of ['2026-03-02T10:00:00+08:00', '2026-03-03T10:00:00+08:00'].entries()) {
      const problemId = `p-${i}`;
      await run(
        {
          type: 'ReportProblem',
          data: {
            problemId,
            path,
            category: 'garbage-collection',
            description: 'Bins overflowing',
            channel: 'app',
          },
        },
        { id: `r-${i}`, role: 'resident' },
        '2026-03-02T08:00:00+08:00',
        `report-${i}`,
      );
      await run(
        { type: 'TriageProblem', data: { problemId } },
        worker,
        '2026-03-02T09:00:00+08:00',
        `triage-${i}`,
      );
      await run(
        { type: 'ResolveProblem', data: { problemId, resolution: 'Collected' } },
        worker,
        resolveAt,
        `resolve-${i}`,
      );
    }
    const models = await gov.readModels();
    if (!isRight(models)) throw new Error(models.left.message);
    const figures = query721(models.right.resolutionStats, {
      period: { kind: 'month', key: '2026-03' },
      asOf: '2026-04-01T00:00:00+08:00',
    });
    expect(figures.reported).toBe(2);
    expect(figures.resolvedByTier.grid).toBe(2);
    expect(Object.keys(models.right.problemLedger.rows).sort()).toEqual(['p-0', 'p-1']);
  });
});

describe('ScratchFold', () => {
  it('folds in place to the state the immer path gives, frozen, leaving the initial state untouched', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.constantFrom<Event['kind']>('a', 'b'), n: fc.integer() })),
        fc.array(fc.nat({ max: 5 }), { maxLength: 10 }),
        (events, cuts) => {
          const projection = sumOf('a');
          const fold = new ScratchFold(projection);
          let i = 0;
          for (const cut of cuts) {
            fold.apply(events.slice(i, i + cut));
            i += cut;
          }
          fold.apply(events.slice(i));
          const state = fold.finish();
          expect(state).toEqual(project(sumOf('a'), events, 4));
          expect(Object.isFrozen(state)).toBe(true);
          expect(projection.initialState).toEqual({ total: 0, count: 0 });
          expect(() => fold.apply([])).toThrow();
        },
      ),
    );
  });
});
