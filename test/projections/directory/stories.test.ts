/**
 * The directory's stories: a Wuchang-style community (grid > lane > neighbour group), the paths problems are
 * stamped with, leaders' scopes, the household register, and a community of 10,000 households.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createGovernance, type Governance } from '../../../src/commands/governance.js';
import type { LinliCommandInput } from '../../../src/domain/linli.js';
import type { CommandContextInput } from '../../../src/domain/shared/context.js';
import {
  communitiesOfStreet,
  directoryProjection,
  groupOfHousehold,
  householdCountOf,
  householdsOf,
  leadersInRole,
  leadersOf,
  scopeOf,
  seatsOf,
  unitPathOf,
  unitTree,
  type DirectoryState,
} from '../../../src/projections/directory/index.js';
import { applyBatch } from '../../../src/projections/projection.js';
import { ProjectionRunner } from '../../../src/projections/runner.js';
import { parseAll, parseLinli, readAll } from '../support/replay.js';

type Actor = CommandContextInput['actor'];
const STREET = 'zhonghualu';
const official: Actor = { id: 'official-1', role: 'street-official', scope: [STREET, 'wuhou-st'] };

let n = 0;
const ok = async (governance: Governance, command: LinliCommandInput, actor: Actor = official) => {
  const now = new Date(Date.UTC(2026, 2, 1) + ++n * 1_000).toISOString();
  const result = await governance.execute(command, { actor, now, commandId: `cmd-${n}` });
  if (isLeft(result)) throw new Error(`${result.left.code}: ${result.left.message}`);
};

const directoryOf = async (governance: Governance): Promise<DirectoryState> => {
  const runner = new ProjectionRunner(governance.store, directoryProjection, { parse: parseLinli });
  const rebuilt = await runner.rebuild();
  if (isLeft(rebuilt)) throw new Error(rebuilt.left.message);
  return rebuilt.right;
};

/** Establishes a community and grows grid > lane > group units named `<community>.<suffix>`. */
const community = async (
  governance: Governance,
  neighbourhoodId: string,
  units: readonly [suffix: string, level: 'grid' | 'lane' | 'neighbour-group', parent: string][],
  streetId = STREET,
) => {
  await ok(governance, {
    type: 'EstablishNeighbourhood',
    data: { neighbourhoodId, streetId, name: 'Wuchang' },
  });
  for (const [unitId, level, parentId] of units) {
    await ok(governance, { type: 'AddUnit', data: { neighbourhoodId, unitId, level, parentId } });
  }
};

const bairuijing = (governance: Governance) =>
  community(governance, 'bairuijing', [
    ['grid-a', 'grid', 'bairuijing'],
    ['lane-a1', 'lane', 'grid-a'],
    ['group-a1-1', 'neighbour-group', 'lane-a1'],
    ['group-a1-2', 'neighbour-group', 'lane-a1'],
    ['grid-b', 'grid', 'bairuijing'],
    ['lane-b1', 'lane', 'grid-b'],
    ['group-b1-1', 'neighbour-group', 'lane-b1'],
  ]);

describe('neighbourhood directory stories', () => {
  it('stamps a problem reported at a neighbour group with its street / community / grid path', async () => {
    const governance = createGovernance();
    await bairuijing(governance);
    const directory = await directoryOf(governance);
    const gridA = { street: STREET, community: 'bairuijing', grid: 'grid-a' };
    expect(unitPathOf(directory, 'group-a1-2')).toEqual(gridA);
    expect(unitPathOf(directory, 'lane-a1')).toEqual(gridA);
    expect(unitPathOf(directory, 'grid-a')).toEqual(gridA);
    expect(unitPathOf(directory, 'group-b1-1')).toEqual({ ...gridA, grid: 'grid-b' });
    // The community root lies in no grid; an unknown unit has no path.
    expect(unitPathOf(directory, 'bairuijing')).toBeUndefined();
    expect(unitPathOf(directory, 'group-z')).toBeUndefined();
    expect(unitTree(directory, 'bairuijing')).toEqual({
      unitId: 'bairuijing',
      level: 'community',
      name: 'Wuchang',
      households: 0,
      children: [
        {
          unitId: 'grid-a',
          level: 'grid',
          households: 0,
          children: [
            {
              unitId: 'lane-a1',
              level: 'lane',
              households: 0,
              children: [
                { unitId: 'group-a1-1', level: 'neighbour-group', households: 0, children: [] },
                { unitId: 'group-a1-2', level: 'neighbour-group', households: 0, children: [] },
              ],
            },
          ],
        },
        {
          unitId: 'grid-b',
          level: 'grid',
          households: 0,
          children: [
            {
              unitId: 'lane-b1',
              level: 'lane',
              households: 0,
              children: [{ unitId: 'group-b1-1', level: 'neighbour-group', households: 0, children: [] }],
            },
          ],
        },
      ],
    });
  });

  it("builds a leader's scope from the seats they hold, and narrows it when they stand down", async () => {
    const governance = createGovernance();
    await bairuijing(governance);
    const appoint = (
      unitId: string,
      role: 'grid-leader' | 'grid-worker' | 'neighbour-leader',
      personId: string,
    ) =>
      ok(governance, {
        type: 'AppointLeader',
        data: { neighbourhoodId: 'bairuijing', unitId, role, personId },
      });
    await appoint('grid-a', 'grid-leader', 'p-wang');
    await appoint('grid-b', 'grid-worker', 'p-wang');
    await appoint('grid-b', 'grid-worker', 'p-li');
    await appoint('group-a1-1', 'neighbour-leader', 'p-zhao');
    let directory = await directoryOf(governance);
    expect(scopeOf(directory, 'p-wang')).toEqual(['grid-a', 'grid-b']);
    expect(seatsOf(directory, 'p-wang')).toEqual([
      { communityId: 'bairuijing', unitId: 'grid-a', role: 'grid-leader' },
      { communityId: 'bairuijing', unitId: 'grid-b', role: 'grid-worker' },
    ]);
    expect(leadersInRole(directory, 'bairuijing', 'grid-b', 'grid-worker')).toEqual(['p-wang', 'p-li']);
    expect(scopeOf(directory, 'p-nobody')).toEqual([]);

    await ok(governance, {
      type: 'StandDownLeader',
      data: { neighbourhoodId: 'bairuijing', unitId: 'grid-b', role: 'grid-worker', personId: 'p-wang' },
    });
    directory = await directoryOf(governance);
    expect(scopeOf(directory, 'p-wang')).toEqual(['grid-a']);
    expect(leadersOf(directory, 'bairuijing', 'grid-b')).toEqual({ 'grid-worker': ['p-li'] });
    expect(leadersOf(directory, 'bairuijing', 'lane-a1')).toEqual({});
  });

  it('keeps the household register: counts and ids by group, moves and departures', async () => {
    const governance = createGovernance();
    await bairuijing(governance);
    const register = (householdId: string, groupId: string) =>
      ok(governance, {
        type: 'RegisterHousehold',
        data: { neighbourhoodId: 'bairuijing', householdId, groupId },
      });
    await register('hh-3', 'group-a1-1');
    await register('hh-1', 'group-a1-1');
    await register('hh-2', 'group-a1-2');
    await register('hh-4', 'group-b1-1');
    await ok(governance, {
      type: 'MoveHousehold',
      data: { neighbourhoodId: 'bairuijing', householdId: 'hh-1', toGroupId: 'group-b1-1' },
    });
    await ok(governance, {
      type: 'DeregisterHousehold',
      data: { neighbourhoodId: 'bairuijing', householdId: 'hh-2', reason: 'moved away' },
    });
    const directory = await directoryOf(governance);
    expect(householdsOf(directory, 'bairuijing', 'group-a1-1')).toEqual(['hh-3']);
    expect(householdsOf(directory, 'bairuijing', 'group-a1-2')).toEqual([]);
    expect(householdsOf(directory, 'bairuijing', 'group-b1-1')).toEqual(['hh-1', 'hh-4']);
    expect(groupOfHousehold(directory, 'bairuijing', 'hh-1')).toBe('group-b1-1');
    expect(groupOfHousehold(directory, 'bairuijing', 'hh-2')).toBeUndefined();
    expect(householdCountOf(directory, 'bairuijing')).toBe(3);
    expect(householdCountOf(directory, 'bairuijing', 'grid-a')).toBe(1);
    expect(householdCountOf(directory, 'bairuijing', 'lane-b1')).toBe(2);
    expect(unitTree(directory, 'bairuijing', 'grid-b')?.households).toBe(2);
  });

  it("lists a street's communities, and asks which community a shared unit id means", async () => {
    const governance = createGovernance();
    await community(governance, 'zhonghua-2', [['g1', 'grid', 'zhonghua-2']]);
    await community(governance, 'zhonghua-1', [['g1', 'grid', 'zhonghua-1']]);
    await community(governance, 'wuhou-1', [['w1', 'grid', 'wuhou-1']], 'wuhou-st');
    const directory = await directoryOf(governance);
    expect(communitiesOfStreet(directory, STREET)).toEqual(['zhonghua-1', 'zhonghua-2']);
    expect(communitiesOfStreet(directory, 'wuhou-st')).toEqual(['wuhou-1']);
    expect(communitiesOfStreet(directory, 'nowhere')).toEqual([]);
    // Two communities both call a grid g1: without the community the directory will not guess.
    expect(unitPathOf(directory, 'g1')).toBeUndefined();
    expect(unitPathOf(directory, 'g1', 'zhonghua-1')).toEqual({
      street: STREET,
      community: 'zhonghua-1',
      grid: 'g1',
    });
    expect(unitPathOf(directory, 'w1')).toEqual({ street: 'wuhou-st', community: 'wuhou-1', grid: 'w1' });
  });

  it('registers one more household in a community of 10,000 without copying the groups it does not touch', async () => {
    const governance = createGovernance();
    const units: [string, 'grid' | 'lane' | 'neighbour-group', string][] = [];
    const groups: string[] = [];
    for (let g = 1; g <= 5; g++) {
      units.push([`g${g}`, 'grid', 'big']);
      for (let l = 1; l <= 4; l++) {
        units.push([`g${g}.l${l}`, 'lane', `g${g}`]);
        for (let k = 1; k <= 25; k++) {
          units.push([`g${g}.l${l}.n${k}`, 'neighbour-group', `g${g}.l${l}`]);
          groups.push(`g${g}.l${l}.n${k}`);
        }
      }
    }
    await community(governance, 'big', units);
    let h = 0;
    for (const groupId of groups) {
      for (let i = 0; i < 20; i++) {
        await ok(governance, {
          type: 'RegisterHousehold',
          data: { neighbourhoodId: 'big', householdId: `hh-${++h}`, groupId },
        });
      }
    }
    const directory = await directoryOf(governance);
    expect(householdCountOf(directory, 'big')).toBe(10_000);

    await ok(governance, {
      type: 'DeregisterHousehold',
      data: { neighbourhoodId: 'big', householdId: 'hh-1' },
    });
    await ok(governance, {
      type: 'RegisterHousehold',
      data: { neighbourhoodId: 'big', householdId: 'hh-new', groupId: 'g1.l1.n1' },
    });
    const raw = await readAll(governance.store);
    const next = applyBatch(directoryProjection, directory, parseAll(raw.slice(-2)));
    const [before, after] = [directory.communities['big']!, next.communities['big']!];
    expect(householdsOf(next, 'big', 'g1.l1.n1')).toContain('hh-new');
    expect(householdCountOf(next, 'big')).toBe(10_000);
    // Only the group that changed is new; the other 499 groups and the tree are the very same objects.
    const untouched = groups.filter((id) => after.groups[id] === before.groups[id]);
    expect(untouched).toHaveLength(499);
    expect(after.groups['g1.l1.n1']).not.toBe(before.groups['g1.l1.n1']);
    expect(after.units).toBe(before.units);
    expect(after.leaders).toBe(before.leaders);
  });
});
