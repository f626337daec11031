/**
 * The history digest: sha256 over the events' own hashes in global order, computed by the auditor as it
 * reads, the same from a store and from its export, and the anchors that hold a history to an earlier digest.
 */
import { createHash } from 'node:crypto';
import { fc, it as fcIt } from '@fast-check/vitest';
import { beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { formatDigestAnchor, type DigestAnchor } from '../../src/audit/digest-anchors.js';
import { HistoryDigester, historyDigest, historyHashLine } from '../../src/audit/history-digest.js';
import type { InMemoryEventStore } from '../../src/store/memory.js';
import { forgeTailAdjustment } from './support/forgery.js';
import { buildGovernanceHistory, samplePlan } from './support/governance.js';
import {
  auditText,
  exportToText,
  parseText,
  rechain,
  toRecorded,
  writeText,
  type EventLine,
} from './support/history-text.js';

let store: InMemoryEventStore;
let text: string;
let events: EventLine[];

/** The digest as the definition words it, computed here without the library's code. */
const expectedDigest = (lines: readonly EventLine[]): string =>
  `sha256:${createHash('sha256')
    .update(lines.map((line) => `${String(line.metadata.hash)}\n`).join(''))
    .digest('hex')}`;

beforeAll(async () => {
  store = await buildGovernanceHistory(samplePlan);
  text = await exportToText(store);
  ({ events } = parseText(text));
});

describe('the history digest', () => {
  it('is the sha256 of the hash lines in global order, with the position it was taken at', async () => {
    const result = await audit(store.readAll());
    expect(result.summary.historyDigest).toEqual({
      digest: expectedDigest(events),
      events: events.length,
      position: BigInt(events.at(-1)!.position),
    });
    expect(await historyDigest(store.readAll())).toEqual(result.summary.historyDigest);
  });

  it('is the same for the store and its export, and is not the file digest', async () => {
    const fromStore = (await audit(store.readAll())).summary;
    const fromFile = (await auditText(text)).summary;
    expect(fromFile.historyDigest).toEqual(fromStore.historyDigest);
    expect(fromFile.fileDigest).toBe((JSON.parse(parseText(text).trailer) as { digest: string }).digest);
    expect(fromFile.fileDigest).not.toBe(fromFile.historyDigest.digest);
    expect(fromStore.fileDigest).toBeUndefined();
  });

  it('does not depend on positions, which each store numbers its own way', async () => {
    const spaced = events.map((line, i) => toRecorded({ ...line, position: String(1_000 + i * 37) }));
    const digest = await historyDigest(spaced);
    expect(digest.digest).toBe(expectedDigest(events));
    expect(digest.position).toBe(BigInt(1_000 + (events.length - 1) * 37));
  });

  it('is the same from the auditor as alone when stored hashes are tampered with', async () => {
    const tampered = events.map((line, i) =>
      i === 3 || i === 9
        ? {
            ...line,
            metadata: {
              ...line.metadata,
              hash: i === 3 ? 'not a hash' : String(line.metadata.hash).toUpperCase(),
            },
          }
        : line,
    );
    const audited = await audit(tampered.map(toRecorded));
    expect(audited.violationsByCode['hash-mismatch']).toBe(2);
    expect(audited.summary.historyDigest).toEqual(await historyDigest(tampered.map(toRecorded)));
    expect(audited.summary.historyDigest.digest).not.toBe(expectedDigest(events));
  });

  it('of an empty history is the digest of nothing, at no position', async () => {
    expect(await historyDigest([])).toEqual({
      digest: `sha256:${createHash('sha256').digest('hex')}`,
      events: 0,
    });
  });

  fcIt.prop([
    fc.array(fc.stringMatching(/^[0-9a-f]{64}$/), { maxLength: 600 }),
    fc.array(fc.nat(), { maxLength: 5 }),
  ])('runs: asked part-way, it is the digest of the events so far, and carries on', (hashes, asks) => {
    const digester = new HistoryDigester();
    const stops = new Set(asks.map((ask) => (hashes.length === 0 ? 0 : ask % hashes.length)));
    hashes.forEach((hash, i) => {
      digester.add({ position: BigInt(i), metadata: { hash } as never });
      if (stops.has(i)) {
        const prefix = hashes.slice(0, i + 1).map((h) => `${h}\n`);
        expect(digester.current).toEqual({
          digest: `sha256:${createHash('sha256').update(prefix.join('')).digest('hex')}`,
          events: i + 1,
          position: BigInt(i),
        });
      }
    });
    const all = hashes.map((h) => `${h}\n`).join('');
    expect(digester.current.digest).toBe(`sha256:${createHash('sha256').update(all).digest('hex')}`);
  });

  fcIt.prop([
    fc.oneof(
      fc.string().filter((s) => !/^[0-9a-f]{64}$/.test(s)),
      fc.integer(),
      fc.constant(null),
      fc.constant(undefined),
      fc.object(),
    ),
  ])('gives a malformed stored hash a line of its own that cannot pass for a hash or split', (hash) => {
    const line = historyHashLine(hash);
    expect(line).not.toContain('\n');
    expect(line).not.toMatch(/^[0-9a-f]{64}$/);
  });

  it('tells malformed hashes apart from each other and from well-formed ones', () => {
    const wellFormed = 'a'.repeat(64);
    const lines = [wellFormed, `"${wellFormed}"`, `${wellFormed}\n`, '', undefined, null, 0, '0'].map(
      historyHashLine,
    );
    expect(new Set(lines).size).toBe(lines.length - 1); // undefined and null are both missing: `null`
    expect(lines[0]).toBe(wellFormed);
  });
});

describe('digest anchors', () => {
  const anchorAt = async (lines: readonly EventLine[], index: number): Promise<DigestAnchor> => {
    const digest = await historyDigest(lines.slice(0, index + 1).map(toRecorded));
    return { position: digest.position!, digest: digest.digest };
  };

  it('hold across appends after them, while the final digest moves with every append', async () => {
    const anchor = await anchorAt(events, events.length - 1);
    const extended = [...events, forgeTailAdjustment(events)];
    const result = await auditText(writeText(extended, 'recompute'), { anchors: [anchor] });
    // The forgery is well chained and well formed: only the change of the final digest shows it.
    expect(result.violations).toEqual([]);
    expect(result.clean).toBe(true);
    expect(result.summary.anchors).toEqual([{ ...anchor, verdict: 'matches', actual: anchor.digest }]);
    expect(result.summary.historyDigest.digest).not.toBe(anchor.digest);
    expect(result.summary.historyDigest.events).toBe(events.length + 1);
  });

  it('catch a re-chained edit at or before them, which nothing else catches', async () => {
    const edited = events.map((line) =>
      line.type === 'ProblemReported' && line === events.find((e) => e.type === 'ProblemReported')
        ? { ...line, data: { ...(line.data as object), description: 'nothing to see here' } }
        : line,
    );
    const forged = writeText(rechain(edited), 'recompute');
    const late = await anchorAt(events, events.length - 5);
    const early = await anchorAt(events, 0);
    const result = await auditText(forged, { anchors: [late, early] });
    expect(result.violations).toEqual([
      expect.objectContaining({ code: 'anchor-mismatch', position: late.position, line: events.length - 4 }),
    ]);
    expect(result.violations[0]!.message).toContain(`the anchor says ${late.digest}`);
    expect(result.summary.anchors?.map((outcome) => outcome.verdict)).toEqual(['matches', 'differs']);
  });

  it('report a position the history never reaches, or skips', async () => {
    // Positions 0, 2, 4, ...: a store with gaps, as EventStoreDB's are.
    const spaced = events.map((line, i) => toRecorded({ ...line, position: String(i * 2) }));
    const last = spaced.at(-1)!.position;
    const beyond = { position: last + 10n, digest: `sha256:${'0'.repeat(64)}` };
    const skipped = { position: 3n, digest: beyond.digest };
    const result = await audit(spaced, { anchors: [beyond, skipped] });
    expect(result.clean).toBe(false);
    expect(result.violations.map((v) => [v.code, v.position])).toEqual([
      ['anchor-not-reached', 3n],
      ['anchor-not-reached', last + 10n],
    ]);
    expect(result.violations[0]!.message).toContain('no event at the anchor');
    expect(result.violations[1]!.message).toContain(`ends at position ${last}`);
  });

  it('print as <position>:sha256:<hex>, the form linli audit --expect-digest takes', () => {
    expect(formatDigestAnchor({ position: 45n, digest: `sha256:${'ab'.repeat(32)}` })).toBe(
      `45:sha256:${'ab'.repeat(32)}`,
    );
  });
});
