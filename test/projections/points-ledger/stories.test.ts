/** DOMAIN.md's points stories, told through the governance facade and read back from the ledger. */
import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  createGovernance,
  type Governance,
  type GovernanceOptions,
} from '../../../src/commands/governance.js';
import type { LinliCommandInput } from '../../../src/domain/linli.js';
import type { CommandContextInput } from '../../../src/domain/shared/context.js';
import type { DomainError } from '../../../src/domain/shared/errors.js';
import {
  communityPoints,
  outstandingByCommunity,
  pointsLedgerProjection,
  residentAccount,
} from '../../../src/projections/points-ledger/index.js';
import { ProjectionRunner } from '../../../src/projections/runner.js';
import { recordDirectory } from '../../../src/testing/directory.js';
import { parseLinli } from '../support/replay.js';

type Actor = CommandContextInput['actor'];
const staff: Actor = { id: 'staff-1', role: 'community-staff', scope: ['bairuijing'] };
const admin: Actor = { id: 'admin-1', role: 'administrator', scope: ['bairuijing'] };
const resident = (id: string): Actor => ({ id, role: 'resident' });

/** The quarterly redemption day: Saturday 27 June 2026, 9:00 to 17:00 in Chengdu. */
const redemptionDay = { opens: '2026-06-27T09:00:00+08:00', closes: '2026-06-27T17:00:00+08:00' };

let n = 0;
const run = async (
  governance: Governance,
  command: LinliCommandInput,
  actor: Actor,
  now: string,
): Promise<Either<DomainError, unknown>> =>
  governance.execute(command, { actor, now, commandId: `cmd-${++n}` });

const ok = async (result: Promise<Either<DomainError, unknown>>): Promise<void> => {
  const done = await result;
  if (isLeft(done)) throw new Error(`${done.left.code}: ${done.left.message}`);
};

/** A facade whose directory records Bairuijing, the community the stories' tasks are published in. */
const inBairuijing = async (options?: GovernanceOptions): Promise<Governance> => {
  const governance = createGovernance(options);
  await recordDirectory(governance, [{ street: 'wuhou', community: 'bairuijing' }]);
  return governance;
};

/** Publishes a task, and has `residentId` claim it, prove it and be verified (which pays the points). */
const doTask = async (
  governance: Governance,
  taskId: string,
  title: string,
  difficulty: 'easy' | 'medium',
  residentId: string,
  day: string,
): Promise<void> => {
  const publish: LinliCommandInput = {
    type: 'PublishTask',
    data: { taskId, community: 'bairuijing', title, difficulty, deadline: `${day}T20:00:00+08:00` },
  };
  await ok(run(governance, publish, staff, `${day}T08:00:00+08:00`));
  await ok(
    run(governance, { type: 'ClaimTask', data: { taskId } }, resident(residentId), `${day}T09:00:00+08:00`),
  );
  const proof = [{ kind: 'photo' as const, ref: `media:${taskId}.jpg` }];
  await ok(
    run(
      governance,
      { type: 'SubmitProof', data: { taskId, proof } },
      resident(residentId),
      `${day}T11:00:00+08:00`,
    ),
  );
  await ok(
    run(governance, { type: 'VerifyTask', data: { taskId, residentId } }, staff, `${day}T15:00:00+08:00`),
  );
};

const ledgerOf = async (governance: Governance) => {
  const runner = new ProjectionRunner(governance.store, pointsLedgerProjection, { parse: parseLinli });
  const rebuilt = await runner.rebuild();
  if (isLeft(rebuilt)) throw new Error(rebuilt.left.message);
  return rebuilt.right;
};

describe('points ledger stories', () => {
  it('books the light-bulb task: a verified task pays its difficulty points into one entry', async () => {
    const governance = await inBairuijing({ config: { points: { redemptionWindows: [redemptionDay] } } });
    await doTask(governance, 'bulb-7', 'Replace the stairwell light bulb', 'easy', 'res-42', '2026-05-12');

    const ledger = await ledgerOf(governance);
    const account = residentAccount(ledger, 'res-42')!;
    expect(account).toMatchObject({
      balance: 5,
      earned: 5,
      redeemed: 0,
      adjusted: 0,
      community: 'bairuijing',
    });
    expect(account.entries).toHaveLength(1);
    expect(account.entries[0]).toMatchObject({
      kind: 'earned',
      amount: 5,
      balanceAfter: 5,
      taskId: 'bulb-7',
      community: 'bairuijing',
      occurredAt: '2026-05-12T15:00:00+08:00',
    });
    expect(communityPoints(ledger, 'bairuijing')).toEqual({
      community: 'bairuijing',
      issued: 5,
      redeemed: 0,
      adjusted: 0,
      outstanding: 5,
      residents: 1,
    });
    expect(residentAccount(ledger, 'res-unknown')).toBeUndefined();
  });

  it('lowers what the community owes at the quarterly redemption event, and only then', async () => {
    const governance = await inBairuijing({ config: { points: { redemptionWindows: [redemptionDay] } } });
    await doTask(governance, 'bulb-7', 'Replace the stairwell light bulb', 'easy', 'res-42', '2026-04-08');
    await doTask(governance, 'tutor-3', 'Tutor pupils after school', 'medium', 'res-7', '2026-05-20');
    await doTask(governance, 'tutor-4', 'Tutor pupils after school', 'medium', 'res-7', '2026-06-03');
    await ok(
      run(
        governance,
        {
          type: 'AdjustPoints',
          data: {
            residentId: 'res-42',
            community: 'bairuijing',
            adjustmentId: 'adj-flood',
            delta: 3,
            reason: 'bonus for the flood response',
          },
        },
        admin,
        '2026-06-10T10:00:00+08:00',
      ),
    );
    const before = await ledgerOf(governance);
    expect(communityPoints(before, 'bairuijing')).toMatchObject({ issued: 25, adjusted: 3, outstanding: 28 });

    const oil = {
      type: 'RedeemPoints',
      data: {
        residentId: 'res-7',
        community: 'bairuijing',
        redemptionId: 'q2-res-7',
        items: [
          { sku: 'paper-12', name: 'tissue-paper-12-rolls', quantity: 1, points: 10 },
          { sku: 'soap-2kg', name: 'laundry-detergent-2kg', quantity: 1, points: 8 },
        ],
        total: 18,
      },
    } as const;
    // A week early the counter is closed: nothing is booked.
    const early = await run(governance, oil, resident('res-7'), '2026-06-20T10:00:00+08:00');
    expect(isLeft(early) && early.left.code).toBe('redemption-closed');
    expect(await ledgerOf(governance)).toEqual(before);

    await ok(run(governance, oil, resident('res-7'), '2026-06-27T10:30:00+08:00'));
    const after = await ledgerOf(governance);
    expect(communityPoints(after, 'bairuijing')).toEqual({
      community: 'bairuijing',
      issued: 25,
      redeemed: 18,
      adjusted: 3,
      outstanding: 10,
      residents: 2,
    });
    expect(residentAccount(after, 'res-7')).toMatchObject({ balance: 2, earned: 20, redeemed: 18 });
    expect(residentAccount(after, 'res-7')!.entries.map((e) => [e.kind, e.amount, e.balanceAfter])).toEqual([
      ['earned', 10, 10],
      ['earned', 10, 20],
      ['redeemed', -18, 2],
    ]);
    expect(residentAccount(after, 'res-42')!.entries.at(-1)).toMatchObject({
      kind: 'adjusted',
      amount: 3,
      adjustmentId: 'adj-flood',
      reason: 'bonus for the flood response',
    });
    expect(outstandingByCommunity(after, ['longtanzi', 'bairuijing'])).toEqual([
      { community: 'bairuijing', outstanding: 10 },
      { community: 'longtanzi', outstanding: 0 },
    ]);
  });

  it('keeps ids that are object-prototype keys as ordinary residents', async () => {
    const governance = await inBairuijing();
    for (const id of ['__proto__', 'constructor', 'toString']) {
      await doTask(governance, `bulb-${id}`, 'Replace the stairwell light bulb', 'easy', id, '2026-05-12');
    }
    const ledger = await ledgerOf(governance);
    expect(residentAccount(ledger, '__proto__')).toMatchObject({ balance: 5 });
    expect(residentAccount(ledger, 'constructor')).toMatchObject({ balance: 5 });
    expect(residentAccount(ledger, 'hasOwnProperty')).toBeUndefined();
    expect(communityPoints(ledger, 'bairuijing')).toMatchObject({ outstanding: 15, residents: 3 });
    // A ledger stored as JSON and read back answers the same.
    const revived = JSON.parse(JSON.stringify(ledger)) as typeof ledger;
    expect(residentAccount(revived, '__proto__')).toEqual(residentAccount(ledger, '__proto__'));
    expect(residentAccount(revived, 'hasOwnProperty')).toBeUndefined();
  });
});
