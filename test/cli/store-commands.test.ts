/**
 * `linli export` and `linli audit` against real stores, end to end: an embedded PostgreSQL server (the
 * run's shared one when there is one) and the EventStoreDB protocol stand-in (test/support/esdb-stand-in,
 * not a real EventStoreDB) reached by a separate `linli` process.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importHistory } from '../../src/audit/import-history.js';
import { PostgresEventStore } from '../../src/store/postgres/index.js';
import { eventStoreDbStore } from '../../src/store/eventstoredb/index.js';
import { startEsdbStandIn, type EsdbStandIn } from '../support/esdb-stand-in/server.js';
import { freshSchema, openPool } from '../support/postgres.js';
import { startTestPostgres, type TestPostgresServer } from '../support/postgres-server.js';
import { historyDigest, type HistoryDigest } from '../../src/audit/history-digest.js';
import { forgeTailAdjustment } from '../audit/support/forgery.js';
import { buildGovernanceHistory, samplePlan } from '../audit/support/governance.js';
import { exportToText, parseText, toRecorded, type EventLine } from '../audit/support/history-text.js';
import { hasStackTrace, runLinli } from './run-linli.js';

let dir: string;
let text: string;
/** The history digest of the exported history, which every store holding it must report. */
let digest: HistoryDigest;

/** The history digest an audit printed as JSON. */
const auditedDigest = (stdout: string): { digest: string; events: number; position: string } =>
  (JSON.parse(stdout) as { summary: { historyDigest: { digest: string; events: number; position: string } } })
    .summary.historyDigest;

/** The events of a history without their positions, which each store numbers its own way. */
const withoutPositions = (history: string): Omit<EventLine, 'position'>[] =>
  parseText(history).events.map(({ position: _position, ...rest }) => rest);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linli-cli-stores-'));
  text = await exportToText(await buildGovernanceHistory(samplePlan));
  digest = await historyDigest(parseText(text).events.map(toRecorded));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('with PostgreSQL', () => {
  let server: TestPostgresServer | undefined;
  let url: string;
  const schema = freshSchema('cli');

  beforeAll(async () => {
    const shared = inject('postgresUrl');
    if (shared === undefined || shared === '') server = await startTestPostgres();
    url = shared === undefined || shared === '' ? server!.url : shared;
    const store = await PostgresEventStore.create(url, { schema });
    try {
      await importHistory(Readable.from([text]), store);
    } finally {
      await store.close();
    }
  });
  afterAll(async () => {
    await server?.destroy();
  });

  it('exports the store to a file that audits clean and holds the same events', async () => {
    const out = join(dir, 'pg.jsonl');
    const exported = await runLinli(['export', '--postgres', url, '--schema', schema, '--out', out]);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(/exported 46 events to .*pg\.jsonl \(sha256:[0-9a-f]{64}\)/);
    const file = await readFile(out, 'utf8');
    expect(withoutPositions(file)).toEqual(withoutPositions(text));
    const audited = await runLinli(['audit', out]);
    expect(audited.code).toBe(0);
  });

  it('audits the store directly, with the history digest of its export', async () => {
    const run = await runLinli(['audit', '--postgres', url, '--schema', schema]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('CLEAN');
    expect(run.stdout).toContain('issued 20, redeemed 10');
    expect(run.stdout).toContain(`history digest  ${digest.digest} at position`);
    const json = await runLinli(['audit', '--postgres', url, '--schema', schema, '--json']);
    expect(auditedDigest(json.stdout)).toMatchObject({ digest: digest.digest, events: digest.events });
  });

  it('shows a well-chained forgery INSERTed at a stream tail by the final digest an earlier audit recorded', async () => {
    const forged = freshSchema('cli');
    const store = await PostgresEventStore.create(url, { schema: forged });
    await importHistory(Readable.from([text]), store);
    await store.close();
    const args = ['audit', '--postgres', url, '--schema', forged, '--json'];
    const before = auditedDigest((await runLinli(args)).stdout);
    const forgery = forgeTailAdjustment(parseText(text).events);
    const pool = openPool(url, 1);
    try {
      // INSERT is all it takes: the append-only trigger refuses only UPDATE, DELETE and TRUNCATE.
      await pool.query(
        `INSERT INTO "${forged}".events (position, stream_id, revision, type, data, metadata)
         SELECT max(position) + 1, $1, $2, $3, $4, $5 FROM "${forged}".events`,
        [forgery.streamId, forgery.revision, forgery.type, forgery.data, forgery.metadata],
      );
      await pool.query(`UPDATE "${forged}".streams SET revision = $2 WHERE stream_id = $1`, [
        forgery.streamId,
        forgery.revision,
      ]);
    } finally {
      await pool.end();
    }
    // The chain, schemas and domain rules all pass it, and the anchor before it still holds...
    const after = await runLinli([...args, '--expect-digest', `${before.position}:${before.digest}`]);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout)).toMatchObject({
      clean: true,
      summary: { anchors: [{ verdict: 'matches' }] },
    });
    // ... but the history no longer ends where it did: its final digest is not the one recorded.
    const now = auditedDigest(after.stdout);
    expect(now.events).toBe(before.events + 1);
    expect(now.digest).not.toBe(before.digest);
  });

  it('finds an award edited behind the store, past its append-only trigger', async () => {
    const tampered = freshSchema('cli');
    const store = await PostgresEventStore.create(url, { schema: tampered });
    await importHistory(Readable.from([text]), store);
    await store.close();
    const pool = openPool(url, 1);
    try {
      await pool.query(`ALTER TABLE "${tampered}".events DISABLE TRIGGER events_append_only`);
      const updated = await pool.query(
        `UPDATE "${tampered}".events SET data = jsonb_set(data, '{points}', '500') WHERE type = 'PointsEarned' RETURNING stream_id, revision`,
      );
      expect(updated.rowCount).toBeGreaterThan(0);
      const row = updated.rows[0] as { stream_id: string; revision: string };
      const run = await runLinli(['audit', '--postgres', url, '--schema', tampered, '--json']);
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout) as { violations: { code: string; streamId: string }[] };
      expect(report.violations).toContainEqual(
        expect.objectContaining({ code: 'hash-mismatch', streamId: row.stream_id, revision: row.revision }),
      );
    } finally {
      await pool.end();
    }
  });

  it('refuses a schema that holds no linli tables, with exit 2', async () => {
    const run = await runLinli(['audit', '--postgres', url, '--schema', 'nothing_here']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot read from PostgreSQL');
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});

describe('with the EventStoreDB stand-in', () => {
  let standIn: EsdbStandIn;

  beforeAll(async () => {
    standIn = await startEsdbStandIn();
    const store = eventStoreDbStore(standIn.connectionString);
    try {
      await importHistory(Readable.from([text]), store);
    } finally {
      await store.close();
    }
  });
  afterAll(async () => {
    await standIn.stop();
  });

  it('exports to stdout and audits the store directly', async () => {
    const exported = await runLinli(['export', '--esdb', standIn.connectionString]);
    expect(exported.code).toBe(0);
    expect(withoutPositions(exported.stdout)).toEqual(withoutPositions(text));
    const path = join(dir, 'esdb.jsonl');
    await writeFile(path, exported.stdout);
    expect((await runLinli(['audit', path])).code).toBe(0);
    const audited = await runLinli(['audit', '--esdb', standIn.connectionString]);
    expect(audited.code).toBe(0);
    expect(audited.stdout).toMatch(/events\s+46/);
    // EventStoreDB numbers positions its own way; the history digest does not depend on them.
    expect(audited.stdout).toContain(`history digest  ${digest.digest} at position`);
    const fromFile = await runLinli(['audit', '--json', path]);
    expect(auditedDigest(fromFile.stdout)).toMatchObject({ digest: digest.digest, events: 46 });
  });
});
