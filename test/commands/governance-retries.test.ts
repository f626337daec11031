/**
 * The facade under retries and junk: a retried `VerifyTask` answers what the first call answered (its
 * `PointsEarned` included), a reused command id is refused, and nothing a host might pass makes it throw.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createGovernance, type Governance } from '../../src/commands/governance.js';
import { InMemoryEventStore } from '../../src/store/memory.js';
import { recordDirectory } from '../../src/testing/directory.js';
import { collect } from '../store/contract.js';
import { at, ok, resident, staff } from '../support/light-bulb.js';

const verify = { type: 'VerifyTask', data: { taskId: 't-bulb', residentId: 'res-42' } } as const;
const verifyContext = at('verify-1', staff, '2026-05-01T12:00:00+08:00');

/** A task published, claimed and proved by res-42, ready to verify. */
const taskAwaitingVerification = async (gov: Governance): Promise<void> => {
  await recordDirectory(gov, [{ street: 'longtanzi', community: 'bairuijing', grids: ['grid-3'] }]);
  ok(
    await gov.execute(
      {
        type: 'PublishTask',
        data: {
          taskId: 't-bulb',
          community: 'bairuijing',
          unit: 'grid-3',
          title: 'Replace the stairwell light bulb',
          difficulty: 'easy',
          deadline: '2026-05-20T00:00:00+08:00',
        },
      },
      at('publish-1', staff, '2026-05-01T09:00:00+08:00'),
    ),
  );
  ok(
    await gov.execute(
      { type: 'ClaimTask', data: { taskId: 't-bulb' } },
      at('claim-1', resident, '2026-05-01T10:00:00+08:00'),
    ),
  );
  ok(
    await gov.execute(
      { type: 'SubmitProof', data: { taskId: 't-bulb', proof: [{ kind: 'photo', ref: 'media/bulb.jpg' }] } },
      at('proof-1', resident, '2026-05-01T11:00:00+08:00'),
    ),
  );
};

describe('the facade under retries', () => {
  it('answers a retried VerifyTask with what the first call answered, PointsEarned included', async () => {
    const gov = createGovernance();
    await taskAwaitingVerification(gov);
    const first = ok(await gov.execute(verify, verifyContext));
    expect(first.map((e) => e.type)).toEqual(['TaskVerified', 'PointsEarned']);
    const retry = ok(await gov.execute(verify, { ...verifyContext, now: '2026-05-01T12:00:30+08:00' }));
    expect(retry).toEqual(first);
    expect((await collect(gov.store.readAll())).map((e) => e.type)).toEqual([
      'NeighbourhoodEstablished',
      'UnitAdded',
      'TaskPublished',
      'TaskClaimed',
      'TaskProofSubmitted',
      'TaskVerified',
      'PointsEarned',
    ]);
  });

  it('answers the same after a restart: a new facade over the same store', async () => {
    const store = new InMemoryEventStore();
    const gov = createGovernance({ store });
    await taskAwaitingVerification(gov);
    const first = ok(await gov.execute(verify, verifyContext));
    expect(ok(await createGovernance({ store }).execute(verify, verifyContext))).toEqual(first);
  });

  it('pays on the retry what a first call without payment did not', async () => {
    const store = new InMemoryEventStore();
    await taskAwaitingVerification(createGovernance({ store }));
    const unpaid = ok(
      await createGovernance({ store, payPointsOnVerify: false }).execute(verify, verifyContext),
    );
    expect(unpaid.map((e) => e.type)).toEqual(['TaskVerified']);
    const retried = ok(await createGovernance({ store }).execute(verify, verifyContext));
    expect(retried.map((e) => e.type)).toEqual(['TaskVerified', 'PointsEarned']);
    expect(retried[0]).toEqual(unpaid[0]);
  });

  it('refuses the verify key reused for another command on the same task, appending nothing', async () => {
    const gov = createGovernance();
    await taskAwaitingVerification(gov);
    ok(await gov.execute(verify, verifyContext));
    const before = await collect(gov.store.readAll());
    const reused = await gov.execute(
      { type: 'CancelTask', data: { taskId: 't-bulb', reason: 'duplicate entry' } },
      verifyContext,
    );
    expect(isLeft(reused) && reused.left.code).toBe('idempotency-conflict');
    expect(await collect(gov.store.readAll())).toEqual(before);
  });
});

describe('the facade and junk input', () => {
  it('refuses null, undefined and non-objects as command or context with invalid-command, never throwing', async () => {
    const gov = createGovernance();
    const junk: unknown[] = [null, undefined, 0, 'VerifyTask', [], false];
    const context = at('junk-1', staff, '2026-05-01T09:00:00+08:00');
    for (const bad of junk) {
      const asCommand = await gov.execute(bad as never, context);
      expect(isLeft(asCommand) && asCommand.left.code).toBe('invalid-command');
      const asContext = await gov.execute(verify, bad as never);
      expect(isLeft(asContext) && asContext.left.code).toBe('invalid-command');
    }
    expect(await collect(gov.store.readAll())).toEqual([]);
  });
});
