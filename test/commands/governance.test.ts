/**
 * The governance facade end to end, on the in-memory store: DOMAIN.md's stories as a host system would
 * run them, one `execute` per command.
 */
import { isLeft, isRight, type Either } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createGovernance } from '../../src/commands/governance.js';
import type { CommandContextInput } from '../../src/domain/shared/context.js';
import type { DomainError } from '../../src/domain/shared/errors.js';
import { recordDirectory } from '../../src/testing/directory.js';
import { collect } from '../store/contract.js';

let n = 0;
const at = (now: string, actor: CommandContextInput['actor']): CommandContextInput => ({
  actor,
  now,
  commandId: `cmd-${++n}`,
});
const ok = <T>(result: Either<DomainError, T>): T => {
  if (isLeft(result)) throw new Error(`${result.left.code}: ${result.left.message}`);
  return result.right;
};

const path = { street: 'wuhou-st', community: 'bairuijing', grid: 'grid-3' };
const rider = { id: 'rider-88', role: 'resident' as const };
const gridWorker = { id: 'gw-3', role: 'grid-worker' as const, scope: ['grid-3'] };
const otherGridWorker = { id: 'gw-4', role: 'grid-worker' as const, scope: ['grid-4'] };
const staff = { id: 'staff-1', role: 'community-staff' as const, scope: ['bairuijing'] };
const resident = { id: 'res-42', role: 'resident' as const };

/** A facade whose directory records Bairuijing on its street and its grid 3, where the stories happen. */
const inBairuijing = async () => {
  const gov = createGovernance();
  await recordDirectory(gov, [{ street: path.street, community: path.community, grids: [path.grid] }]);
  return gov;
};

describe('the governance facade', () => {
  it("fixes the rider's missing manhole cover the next day at grid level", async () => {
    const gov = await inBairuijing();
    ok(
      await gov.execute(
        {
          type: 'ReportProblem',
          data: {
            problemId: 'p-manhole',
            path,
            category: 'missing-manhole-cover',
            description: 'Manhole cover missing outside building 5',
            channel: 'rider',
          },
        },
        at('2026-05-10T21:40:00+08:00', rider),
      ),
    );
    // Another grid's worker may not touch it.
    const refused = await gov.execute(
      { type: 'TriageProblem', data: { problemId: 'p-manhole' } },
      at('2026-05-10T22:00:00+08:00', otherGridWorker),
    );
    expect(isLeft(refused) && refused.left.code).toBe('forbidden');
    const triaged = ok(
      await gov.execute(
        { type: 'TriageProblem', data: { problemId: 'p-manhole' } },
        at('2026-05-10T22:00:00+08:00', gridWorker),
      ),
    );
    expect(triaged[0]).toMatchObject({ type: 'ProblemTriaged', data: { tier: 'grid' } });
    const resolved = ok(
      await gov.execute(
        { type: 'ResolveProblem', data: { problemId: 'p-manhole', resolution: 'Cover replaced' } },
        at('2026-05-11T10:00:00+08:00', gridWorker),
      ),
    );
    expect(resolved[0]).toMatchObject({ type: 'ProblemResolved', data: { tier: 'grid' } });
    ok(
      await gov.execute(
        { type: 'RateResolution', data: { problemId: 'p-manhole', satisfied: true, score: 5 } },
        at('2026-05-11T12:00:00+08:00', rider),
      ),
    );
    const types = (await collect(gov.store.readStream('problem-p-manhole'))).map((e) => e.type);
    expect(types).toEqual(['ProblemReported', 'ProblemTriaged', 'ProblemResolved', 'ProblemRated']);
  });

  it('pays a verified light-bulb task into the resident points and refuses a redemption beyond them', async () => {
    const gov = await inBairuijing();
    ok(
      await gov.execute(
        {
          type: 'PublishTask',
          data: {
            taskId: 't-bulb',
            community: 'bairuijing',
            unit: 'grid-3',
            title: 'Replace the stairwell light bulb, building 5',
            difficulty: 'easy',
            deadline: '2026-05-20T00:00:00+08:00',
          },
        },
        at('2026-05-01T09:00:00+08:00', staff),
      ),
    );
    ok(
      await gov.execute(
        { type: 'ClaimTask', data: { taskId: 't-bulb' } },
        at('2026-05-01T10:00:00+08:00', resident),
      ),
    );
    ok(
      await gov.execute(
        {
          type: 'SubmitProof',
          data: { taskId: 't-bulb', proof: [{ kind: 'photo', ref: 'media/bulb.jpg' }] },
        },
        at('2026-05-01T11:00:00+08:00', resident),
      ),
    );
    // The resident cannot verify their own task.
    const self = await gov.execute(
      { type: 'VerifyTask', data: { taskId: 't-bulb', residentId: 'res-42' } },
      at('2026-05-01T12:00:00+08:00', { ...resident, role: 'community-staff', scope: ['bairuijing'] }),
    );
    expect(isLeft(self) && self.left.code).toBe('forbidden');
    const verified = ok(
      await gov.execute(
        { type: 'VerifyTask', data: { taskId: 't-bulb', residentId: 'res-42' } },
        at('2026-05-01T12:00:00+08:00', staff),
      ),
    );
    expect(verified.map((e) => e.type)).toEqual(['TaskVerified', 'PointsEarned']);
    expect(verified[1]).toMatchObject({
      streamId: 'points-res-42',
      data: {
        residentId: 'res-42',
        taskId: 't-bulb',
        points: 5,
        verifiedEventId: verified[0]!.metadata.eventId,
      },
      metadata: { actor: { id: 'points-policy', role: 'system' } },
    });
    const tooMuch = await gov.execute(
      {
        type: 'RedeemPoints',
        data: {
          residentId: 'res-42',
          community: 'bairuijing',
          redemptionId: 'q2-oil',
          items: [{ sku: 'oil-5l', name: 'cooking-oil-5L', quantity: 1, points: 50 }],
          total: 50,
        },
      },
      at('2026-06-28T10:00:00+08:00', resident),
    );
    expect(isLeft(tooMuch) && tooMuch.left.code).toBe('insufficient-points');
    const fits = await gov.execute(
      {
        type: 'RedeemPoints',
        data: {
          residentId: 'res-42',
          community: 'bairuijing',
          redemptionId: 'q2-paper',
          items: [{ sku: 'paper', name: 'tissue-paper', quantity: 1, points: 5 }],
          total: 5,
        },
      },
      at('2026-06-28T10:05:00+08:00', resident),
    );
    expect(isRight(fits)).toBe(true);
  });

  it('rejects unknown and malformed commands with invalid-command, appending nothing', async () => {
    const gov = createGovernance();
    const unknown = await gov.execute(
      { type: 'FlyToTheMoon', data: {} } as never,
      at('2026-05-01T09:00:00+08:00', staff),
    );
    expect(isLeft(unknown) && unknown.left.code).toBe('invalid-command');
    const malformed = await gov.execute(
      { type: 'RateResolution', data: { problemId: 'p-1', satisfied: true, score: 6 } },
      at('2026-05-01T09:00:00+08:00', resident),
    );
    expect(isLeft(malformed) && malformed.left.code).toBe('invalid-command');
    expect(await collect(gov.store.readAll())).toEqual([]);
  });
});

describe('the facade and the neighbourhood directory', () => {
  it("stamps a problem's unit path and an actor's scope from the directory", async () => {
    const gov = createGovernance();
    const admin = { id: 'admin-1', role: 'administrator' as const, scope: ['*'] };
    const steps = [
      {
        type: 'EstablishNeighbourhood',
        data: { neighbourhoodId: 'bairuijing', streetId: 'wuhou', name: 'Bairuijing' },
      },
      {
        type: 'AddUnit',
        data: { neighbourhoodId: 'bairuijing', unitId: 'grid-3', level: 'grid', parentId: 'bairuijing' },
      },
      {
        type: 'AddUnit',
        data: { neighbourhoodId: 'bairuijing', unitId: 'lane-3a', level: 'lane', parentId: 'grid-3' },
      },
      {
        type: 'AddUnit',
        data: {
          neighbourhoodId: 'bairuijing',
          unitId: 'ng-3a1',
          level: 'neighbour-group',
          parentId: 'lane-3a',
        },
      },
      {
        type: 'AppointLeader',
        data: { neighbourhoodId: 'bairuijing', unitId: 'grid-3', role: 'grid-worker', personId: 'gw-3' },
      },
    ] as const;
    for (const command of steps) ok(await gov.execute(command, at('2026-01-05T09:00:00+08:00', admin)));
    expect(ok(await gov.unitPath('ng-3a1'))).toEqual({
      street: 'wuhou',
      community: 'bairuijing',
      grid: 'grid-3',
    });
    expect(ok(await gov.scopeOf('gw-3'))).toEqual(['grid-3']);
    const unknown = await gov.unitPath('ng-nowhere');
    expect(isLeft(unknown) && unknown.left.code).toBe('not-found');
  });
});
