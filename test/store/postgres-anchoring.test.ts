/**
 * Honours and signed checkpoints on a real PostgreSQL server: recorded through the facade, audited clean from
 * the store with the public key, still clean once exported and imported into another store, and with its
 * positions renumbered: a checkpoint counts events, it does not name positions.
 */
import { generateKeyPairSync } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { HistoryAnchorer } from '../../src/anchoring/history-anchorer.js';
import { audit } from '../../src/audit/audit.js';
import { importHistory } from '../../src/audit/import-history.js';
import { createLinliAuditRules } from '../../src/audit/linli-rules.js';
import { createGovernance } from '../../src/commands/governance.js';
import { InMemoryEventStore } from '../../src/store/memory.js';
import { PostgresEventStore } from '../../src/store/postgres/event-store.js';
import { recordDirectory } from '../../src/testing/directory.js';
import { auditText, exportToText, parseText, writeText } from '../audit/support/history-text.js';
import { at, ok, resident, staff } from '../support/light-bulb.js';
import { freshSchema, postgresUrl } from '../support/postgres.js';

const stores: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
});

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const withKey = { rules: createLinliAuditRules({}, { anchors: { publicKey } }) };
const system = { id: 'anchorer', role: 'system' as const, scope: ['*'] };

describe('honours and signed checkpoints on PostgreSQL', () => {
  it('audit clean from the store with the key, after export and import, and with other positions', async () => {
    const store = await PostgresEventStore.create(postgresUrl(), { schema: freshSchema('anchor') });
    stores.push(store);
    const gov = createGovernance({ store });
    const anchorer = new HistoryAnchorer(gov, { every: 3, signer: { keyId: 'pg-test', privateKey } });
    let n = 0;
    const step = async (
      command: Parameters<typeof gov.execute>[0],
      actor: typeof staff | typeof resident,
      now: string,
    ): Promise<void> => {
      n += 1;
      ok(await gov.execute(command, at(`pg-${n}`, actor, now)));
      ok(await anchorer.anchorIfDue(at(`pg-anchor-${n}`, system, now)));
    };
    await recordDirectory(gov, [{ street: 'longtanzi', community: 'bairuijing', grids: ['grid-3'] }]);
    const task = {
      taskId: 't-pg-anchor',
      community: 'bairuijing',
      unit: 'grid-3',
      title: 'Replace the bulb',
    };
    await step(
      { type: 'PublishTask', data: { ...task, difficulty: 'easy', deadline: '2026-05-20T00:00:00+08:00' } },
      staff,
      '2026-05-01T09:00:00+08:00',
    );
    await step({ type: 'ClaimTask', data: { taskId: task.taskId } }, resident, '2026-05-01T10:00:00+08:00');
    await step(
      { type: 'SubmitProof', data: { taskId: task.taskId, proof: [{ kind: 'photo', ref: 'media:bulb' }] } },
      resident,
      '2026-05-01T11:00:00+08:00',
    );
    await step(
      { type: 'VerifyTask', data: { taskId: task.taskId, residentId: resident.id } },
      staff,
      '2026-05-01T12:00:00+08:00',
    );
    const award = {
      honoursId: 'bairuijing-2026',
      community: 'bairuijing',
      awardId: 'red-2026-05-res-42',
      residentId: resident.id,
      title: 'red-list',
      period: { kind: 'month', key: '2026-05' },
      basis: { points: 5, verifiedTasks: 1 },
    } as const;
    await step({ type: 'AwardHonour', data: award }, staff, '2026-05-31T09:00:00+08:00');
    ok(await anchorer.anchor(at('pg-anchor-final', system, '2026-05-31T09:00:00+08:00')));

    const fromStore = await audit(store.readAll(), withKey);
    expect(fromStore.violations).toEqual([]);
    expect(fromStore.summary.streamsByCategory).toMatchObject({ anchor: 1, honours: 1 });

    const copy = new InMemoryEventStore();
    stores.push(copy);
    await importHistory(Readable.from([await exportToText(store)]), copy);
    expect((await audit(copy.readAll(), withKey)).violations).toEqual([]);
    // Another store numbers the same events otherwise (gaps are allowed): the checkpoints still hold.
    const { events } = parseText(await exportToText(store));
    const renumbered = events.map((line, i) => ({ ...line, position: String(1_000 + 7 * i) }));
    expect((await auditText(writeText(renumbered, 'recompute'), withKey)).violations).toEqual([]);
  });
});
