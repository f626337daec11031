/**
 * Issue 20's forged histories, each audited by `linli audit` as an auditor would run it: a forger who
 * re-chains every hash after editing, so that only the replay of who may act, when and with what can tell.
 * Each must exit 1 and name the stream, revision and position of the forged event.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLinli } from '../cli/run-linli.js';
import {
  exportToText,
  lastIndexWhere,
  parseText,
  rechain,
  writeText,
  type EventLine,
} from './support/history-text.js';
import { people, twoCommunities } from './support/two-communities.js';

let dir: string;
let clean: EventLine[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'linli-forged-'));
  clean = parseText(await exportToText((await twoCommunities()).store)).events;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface JsonViolation {
  readonly code: string;
  readonly message: string;
  readonly streamId?: string;
  readonly revision?: string;
  readonly position?: string;
}

const at = (events: readonly EventLine[], type: string): number => {
  const index = events.findIndex((event) => event.type === type);
  if (index < 0) throw new Error(`the story has no ${type}`);
  return index;
};
const dataOf = (event: EventLine): Record<string, unknown> => event.data as Record<string, unknown>;
const plusHours = (instant: unknown, hours: number): string =>
  new Date(Date.parse(String(instant)) + hours * 3_600_000).toISOString();

/** Appends a forged event to a stream, after its last event, dated an hour after it. */
const appendTo = (
  events: EventLine[],
  streamId: string,
  type: string,
  data: unknown,
  actor: object,
): number => {
  const last = lastIndexWhere(events, (event) => event.streamId === streamId);
  const template = structuredClone(events[last]!);
  const forged: EventLine = {
    ...template,
    type,
    data,
    metadata: { ...template.metadata, actor, occurredAt: plusHours(template.metadata.occurredAt, 1) },
  };
  events.splice(last + 1, 0, forged);
  return last + 1;
};

/**
 * Forges the clean history with `edit` (which returns the index of the forged event), re-chains it, audits
 * the file with `linli audit --json`, and returns the violations found at the forged event.
 */
const auditForged = async (name: string, edit: (events: EventLine[]) => number): Promise<JsonViolation[]> => {
  const events = structuredClone(clean);
  const index = edit(events);
  const chained = rechain(events);
  const file = join(dir, `${name}.jsonl`);
  await writeFile(file, writeText(chained, 'recompute'));
  const run = await runLinli(['audit', file, '--json']);
  expect(run.code, run.stderr).toBe(1);
  const { violations } = JSON.parse(run.stdout) as { violations: JsonViolation[] };
  const forged = chained[index]!;
  const here = violations.filter(
    (v) => v.streamId === forged.streamId && v.revision === forged.revision && v.position === forged.position,
  );
  expect(here, JSON.stringify(violations)).not.toEqual([]);
  return here;
};

const codes = (violations: readonly JsonViolation[]): string[] => violations.map((v) => v.code);

describe('linli audit flags what the handler would refuse, with stream and position', () => {
  it('audits the honest history clean', async () => {
    const file = join(dir, 'clean.jsonl');
    await writeFile(file, writeText(clean, 'recompute'));
    const run = await runLinli(['audit', file]);
    expect(run.stdout).toContain('CLEAN');
    expect(run.code).toBe(0);
  });

  it('self-verification: the claimant verifies their own task', async () => {
    const found = await auditForged('self-verify', (events) => {
      const i = at(events, 'TaskVerified');
      events[i]!.metadata.actor = { id: people.resident.id, role: 'community-staff' };
      dataOf(events[i]!).verifiedBy = people.resident.id;
      return i;
    });
    expect(codes(found)).toEqual(['unauthorised']);
    expect(found[0]!.message).toContain('nobody judges their own work');
  });

  it('a resident resolving and closing a problem', async () => {
    for (const type of ['ProblemResolved', 'ProblemClosed']) {
      const found = await auditForged(`resident-${type}`, (events) => {
        const i = at(events, type);
        events[i]!.metadata.actor = { id: people.resident.id, role: 'resident' };
        return i;
      });
      expect(codes(found)).toEqual(['unauthorised']);
    }
  });

  it('someone other than the reporter rating the resolution', async () => {
    const found = await auditForged('other-rater', (events) => {
      const i = at(events, 'ProblemRated');
      events[i]!.metadata.actor = { id: people.neighbour.id, role: 'resident' };
      return i;
    });
    expect(codes(found)).toEqual(['unauthorised']);
    expect(found[0]!.message).toContain('only the reporter rates');
  });

  it('a resident adjusting their own points by +100,000', async () => {
    const found = await auditForged('self-adjust', (events) =>
      appendTo(
        events,
        `points-${people.resident.id}`,
        'PointsAdjusted',
        {
          residentId: people.resident.id,
          community: 'c01',
          adjustmentId: 'a-1',
          delta: 100_000,
          reason: 'thanks',
        },
        { id: people.resident.id, role: 'resident' },
      ),
    );
    expect(codes(found)).toEqual(['unauthorised']);
  });

  it('a resolution dated before its report', async () => {
    const found = await auditForged('resolved-before-report', (events) => {
      const i = at(events, 'ProblemResolved');
      events[i]!.metadata.occurredAt = plusHours(
        events[at(events, 'ProblemReported')]!.metadata.occurredAt,
        -1,
      );
      return i;
    });
    expect(codes(found)).toEqual(['out-of-order-time']);
  });

  it("a reporter's name and phone number added to the event data", async () => {
    const found = await auditForged('personal-data', (events) => {
      const i = at(events, 'ProblemReported');
      Object.assign(dataOf(events[i]!), { reporterName: 'Wang Fang', reporterPhone: '13800138000' });
      return i;
    });
    expect(codes(found)).toEqual(['unknown-field', 'unknown-field']);
    expect(found.map((v) => v.message).join(' ')).toMatch(/data\.reporterName.*data\.reporterPhone/);
  });

  it('an invented field in the metadata', async () => {
    const found = await auditForged('invented-metadata', (events) => {
      const i = at(events, 'TaskVerified');
      events[i]!.metadata.approvedBy = 'street-office';
      return i;
    });
    expect(codes(found)).toEqual(['schema-violation']);
    expect(found[0]!.message).toContain('approvedBy');
  });
});

describe('linli audit flags the scope bypasses, forged', () => {
  it("an administrator of c02 adding 900 points to a c01 resident's account", async () => {
    const found = await auditForged('c02-admin-adjusts', (events) =>
      appendTo(
        events,
        `points-${people.resident.id}`,
        'PointsAdjusted',
        {
          residentId: people.resident.id,
          community: 'c02',
          adjustmentId: 'a-9',
          delta: 900,
          reason: 'bonus',
        },
        { id: people.adminOfC02.id, role: 'administrator' },
      ),
    );
    expect(codes(found)).toEqual(['unauthorised']);
    expect(found[0]!.message).toContain('kept by c01');
  });

  it("staff of c02 redeeming a c01 resident's points", async () => {
    const found = await auditForged('c02-staff-redeems', (events) => {
      const paper = { sku: 'paper-12', name: 'tissue-paper-12-rolls', points: 10, quantity: 1 };
      return appendTo(
        events,
        `points-${people.resident.id}`,
        'PointsRedeemed',
        { residentId: people.resident.id, community: 'c02', redemptionId: 'r-9', items: [paper], total: 10 },
        { id: people.staffOfC02.id, role: 'community-staff' },
      );
    });
    expect(codes(found)).toEqual(['unauthorised']);
  });

  it('staff of c01 publishing a task in c02 by naming a c01 unit', async () => {
    const found = await auditForged('publish-in-c02', (events) => {
      const i = at(events, 'TaskPublished');
      Object.assign(dataOf(events[i]!), { community: 'c02', unit: 'c01-g1' });
      return i;
    });
    expect(codes(found)).toEqual(['unknown-place']);
    expect(found[0]!.message).toContain('no unit c01-g1 in c02');
  });

  it("a c01 problem filed under another street, to count in that street's 721", async () => {
    const found = await auditForged('other-street', (events) => {
      const i = at(events, 'ProblemReported');
      dataOf(events[i]!).path = { street: 's2', community: 'c01', grid: 'c01-g1' };
      return i;
    });
    expect(codes(found)).toEqual(['unknown-place']);
    expect(found[0]!.message).toContain('c01 in street s1, not s2');
  });

  it('a system actor awarding 1,000,000 points', async () => {
    const found = await auditForged('system-award', (events) =>
      appendTo(
        events,
        `points-${people.resident.id}`,
        'PointsEarned',
        {
          residentId: people.resident.id,
          community: 'c01',
          taskId: 't-forged',
          points: 1_000_000,
          verifiedEventId: 'no-such-verification',
        },
        { id: 'points-policy', role: 'system' },
      ),
    );
    expect(codes(found)).toContain('unearned-points');
  });
});
