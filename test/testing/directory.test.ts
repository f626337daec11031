/**
 * The directory helpers of `linli/testing`: what they derive from problem paths, and that what they record
 * through the facade is exactly the directory the facade then judges places by.
 */
import fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createGovernance } from '../../src/commands/governance.js';
import { unitPathArbitrary } from '../../src/testing/arbitraries/problem.js';
import { testContext } from '../../src/testing/context.js';
import {
  DIRECTORY_RECORDED_AT,
  directoryOfPaths,
  directorySteps,
  recordDirectory,
} from '../../src/testing/directory.js';
import type { UnitPath } from '../../src/domain/shared/units.js';

const report = (problemId: string, path: UnitPath) =>
  ({
    type: 'ReportProblem',
    data: { problemId, path, category: 'noise', description: 'Night works', channel: 'hotline' },
  }) as const;

const resident = (commandId: string) =>
  testContext({ actor: { id: 'r-1', role: 'resident' }, now: '2026-03-01T08:00:00.000Z', commandId });

describe('directoryOfPaths', () => {
  it('names each community once, under its first street, with exactly the grids the paths name', () => {
    fc.assert(
      fc.property(fc.array(unitPathArbitrary, { maxLength: 20 }), (paths) => {
        const directory = directoryOfPaths(paths);
        const communities = directory.map((entry) => entry.community);
        expect(new Set(communities).size).toBe(communities.length);
        expect(new Set(communities)).toEqual(new Set(paths.map((path) => path.community)));
        for (const entry of directory) {
          const named = paths.filter((path) => path.community === entry.community);
          expect(entry.street).toBe(named[0]?.street);
          expect([...(entry.grids ?? [])].sort()).toEqual([...new Set(named.map((p) => p.grid))].sort());
        }
      }),
    );
  });
});

describe('recordDirectory', () => {
  it('records the places of any set of paths, so that the facade accepts a report at each of them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(unitPathArbitrary, { minLength: 1, maxLength: 6 }), async (paths) => {
        const gov = createGovernance();
        await recordDirectory(gov, directoryOfPaths(paths));
        for (const [i, path] of paths.entries()) {
          expect(await gov.unitPath(path.grid, path.community)).toEqual({ _tag: 'Right', right: path });
          expect(isRight(await gov.execute(report(`p-${i}`, path), resident(`report-${i}`)))).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('leaves a grid it was not given unrecorded: a report there is still forbidden', async () => {
    const gov = createGovernance();
    await recordDirectory(gov, [{ street: 's-1', community: 'c-1', grids: ['g-1'] }]);
    const elsewhere = await gov.execute(
      report('p-1', { street: 's-1', community: 'c-1', grid: 'g-2' }),
      resident('report-1'),
    );
    expect(isLeft(elsewhere) && elsewhere.left.code).toBe('forbidden');
  });

  it('throws when the facade refuses the set-up, here a community recorded twice', async () => {
    const gov = createGovernance();
    const community = { street: 's-1', community: 'c-1', grids: ['g-1'] };
    await recordDirectory(gov, [community]);
    await expect(recordDirectory(gov, [community])).rejects.toThrow(/already-exists/);
  });
});

describe('directorySteps', () => {
  it('establishes each community, then adds its grids and units, parents first, at the instant given', () => {
    const steps = directorySteps(
      [
        {
          street: 's-1',
          community: 'c-1',
          grids: ['g-1'],
          units: [{ unitId: 'l-1', level: 'lane', parentId: 'g-1' }],
        },
      ],
      '2025-06-01T00:00:00.000Z',
      'dir',
    );
    expect(steps.map(({ command }) => [command.type, Object.values(command.data)])).toEqual([
      ['EstablishNeighbourhood', ['c-1', 's-1', 'c-1']],
      ['AddUnit', ['c-1', 'g-1', 'grid', 'c-1']],
      ['AddUnit', ['c-1', 'l-1', 'lane', 'g-1']],
    ]);
    expect(steps.map(({ context }) => [context.now, context.commandId])).toEqual([
      ['2025-06-01T00:00:00.000Z', 'dir-1'],
      ['2025-06-01T00:00:00.000Z', 'dir-2'],
      ['2025-06-01T00:00:00.000Z', 'dir-3'],
    ]);
  });

  it('dates the directory before any instant the arbitraries generate by default', () => {
    const [first] = directorySteps([{ street: 's-1', community: 'c-1' }]);
    expect(first?.context.now).toBe(DIRECTORY_RECORDED_AT);
    expect(Date.parse(DIRECTORY_RECORDED_AT)).toBeLessThan(Date.UTC(2025, 0, 1));
  });
});
