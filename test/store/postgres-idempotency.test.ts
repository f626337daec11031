/**
 * Idempotency keys on a real PostgreSQL server, across a restart: each "process" is a new store and a new
 * facade on the same schema, so the only memory of the first call is the events' metadata in jsonb.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { createGovernance, type Governance } from '../../src/commands/governance.js';
import { PostgresEventStore } from '../../src/store/postgres/event-store.js';
import { freshSchema, postgresUrl } from '../support/postgres.js';
import { collect } from './contract.js';
import { recordDirectory } from '../../src/testing/directory.js';
import { at, ok, resident, staff } from '../support/light-bulb.js';

const schema = freshSchema('idem');
const stores: PostgresEventStore[] = [];

/** A new process: a fresh store connection and a fresh facade (cold cache) on the same schema. */
const restart = async (): Promise<Governance> => {
  const store = await PostgresEventStore.create(postgresUrl(), { schema });
  stores.push(store);
  return createGovernance({ store });
};

afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
});

const publish = (title: string) =>
  ({
    type: 'PublishTask',
    data: {
      taskId: 't-pg',
      community: 'bairuijing',
      unit: 'grid-3',
      title,
      difficulty: 'easy',
      deadline: '2026-05-20T00:00:00+08:00',
    },
  }) as const;
const verify = { type: 'VerifyTask', data: { taskId: 't-pg', residentId: 'res-42' } } as const;

describe('idempotency keys on PostgreSQL, across restarts', () => {
  it('answers retries with the first result and refuses a key reused for another command', async () => {
    await recordDirectory(await restart(), [
      { street: 'longtanzi', community: 'bairuijing', grids: ['grid-3'] },
    ]);
    const publishContext = at('pg-publish', staff, '2026-05-01T09:00:00+08:00');
    const first = ok(await (await restart()).execute(publish('Replace the bulb'), publishContext));
    expect(first[0]?.metadata.commandDigest).toMatch(/^[0-9a-f]{64}$/);

    const afterRestart = await restart();
    expect(ok(await afterRestart.execute(publish('Replace the bulb'), publishContext))).toEqual(first);
    const reused = await afterRestart.execute(publish('Paint the railings'), publishContext);
    expect(isLeft(reused) && reused.left.code).toBe('idempotency-conflict');

    ok(
      await afterRestart.execute(
        { type: 'ClaimTask', data: { taskId: 't-pg' } },
        at('pg-claim', resident, '2026-05-01T10:00:00+08:00'),
      ),
    );
    ok(
      await afterRestart.execute(
        { type: 'SubmitProof', data: { taskId: 't-pg', proof: [{ kind: 'photo', ref: 'media/pg.jpg' }] } },
        at('pg-proof', resident, '2026-05-01T11:00:00+08:00'),
      ),
    );
    const verifyContext = at('pg-verify', staff, '2026-05-01T12:00:00+08:00');
    const verified = ok(await afterRestart.execute(verify, verifyContext));
    expect(verified.map((e) => e.type)).toEqual(['TaskVerified', 'PointsEarned']);
    const lastStore = stores[stores.length - 1]!;
    const before = await collect(lastStore.readAll());

    expect(ok(await (await restart()).execute(verify, verifyContext))).toEqual(verified);
    expect(await collect(lastStore.readAll())).toEqual(before);
    expect(before.map((e) => e.type)).toEqual([
      'NeighbourhoodEstablished',
      'UnitAdded',
      'TaskPublished',
      'TaskClaimed',
      'TaskProofSubmitted',
      'TaskVerified',
      'PointsEarned',
    ]);
  });
});
