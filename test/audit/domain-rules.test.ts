/**
 * The domain rules, against a forger who rewrites the hash chain after editing (see `rechain`): only the
 * replay through the aggregates' rules can tell that the history is impossible.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/audit/auditor.js';
import { buildGovernanceHistory, samplePlan, type GovernancePlan } from './support/governance.js';
import {
  auditText,
  exportToText,
  lastIndexWhere,
  parseText,
  rechain,
  writeText,
  type EventLine,
} from './support/history-text.js';

let original: EventLine[];

beforeAll(async () => {
  original = parseText(await exportToText(await buildGovernanceHistory(samplePlan))).events;
});

/** Edits a copy of the sample history in place, re-chains it like a forger would, and audits it. */
const auditForged = (edit: (events: EventLine[]) => void): Promise<AuditResult> => {
  const events = structuredClone(original);
  edit(events);
  return auditText(writeText(rechain(events), 'recompute'));
};

const indexOf = (events: readonly EventLine[], type: string, nth = 0): number => {
  const found = events.flatMap((event, i) => (event.type === type ? [i] : []))[nth];
  if (found === undefined) throw new Error(`the sample history has no ${type} #${nth}`);
  return found;
};

const dataOf = (event: EventLine): Record<string, unknown> => event.data as Record<string, unknown>;

/**
 * Inserts a copy of `template` with other data right after the last event of its stream, dated as that last
 * event is (a careful forger keeps the stream's time running forward).
 */
const appendToStream = (events: EventLine[], template: EventLine, type: string, data: unknown): void => {
  const last = lastIndexWhere(events, (event) => event.streamId === template.streamId);
  const forged = { ...structuredClone(template), type, data };
  forged.metadata.occurredAt = events[last]!.metadata.occurredAt;
  events.splice(last + 1, 0, forged);
};

const codesOf = (result: AuditResult): string[] => result.violations.map((v) => v.code);

describe('the audit replays the domain rules', () => {
  it('finds nothing wrong with a real history, even re-chained', async () => {
    expect(rechain(original)).toEqual(original);
    const result = await auditForged(() => undefined);
    expect(result.violations).toEqual([]);
  });

  it('PointsEarned without its TaskVerified is unearned', async () => {
    const result = await auditForged((events) => {
      dataOf(events[indexOf(events, 'PointsEarned')]!).verifiedEventId = 'made-up-event';
    });
    expect(codesOf(result)).toEqual(['unearned-points']);
    expect(result.violations[0]!.message).toContain('without an earlier TaskVerified');
  });

  it('PointsEarned before its TaskVerified is unearned', async () => {
    const result = await auditForged((events) => {
      const earned = indexOf(events, 'PointsEarned');
      const verified = indexOf(events, 'TaskVerified');
      const [moved] = events.splice(earned, 1);
      events.splice(verified, 0, moved!);
    });
    expect(codesOf(result)).toContain('unearned-points');
  });

  it('PointsEarned for another task than the verification is unearned', async () => {
    const result = await auditForged((events) => {
      dataOf(events[indexOf(events, 'PointsEarned')]!).taskId = 'task-9';
    });
    expect(codesOf(result)).toEqual(['unearned-points']);
  });

  it('a second PointsEarned for one claim is a duplicate award', async () => {
    const result = await auditForged((events) => {
      const earned = events[indexOf(events, 'PointsEarned')]!;
      appendToStream(events, earned, 'PointsEarned', earned.data);
    });
    expect(codesOf(result)).toEqual(['duplicate-award']);
    expect(result.violations[0]!.streamId).toBe(events0('PointsEarned').streamId);
  });

  it('a redemption beyond the balance takes it below zero', async () => {
    const result = await auditForged((events) => {
      const redeemed = events[indexOf(events, 'PointsRedeemed')]!;
      const data = structuredClone(dataOf(redeemed));
      data.redemptionId = 'red-greedy';
      data.items = [{ sku: 'pot', name: 'pot', quantity: 1, points: 500 }];
      data.total = 500;
      appendToStream(events, redeemed, 'PointsRedeemed', data);
    });
    expect(codesOf(result)).toEqual(['negative-balance']);
    expect(result.violations[0]!.message).toMatch(/to -\d+/);
  });

  it('an escalation that skips a tier is invalid', async () => {
    const result = await auditForged((events) => {
      const escalated = events.find((e) => e.type === 'ProblemEscalated' && dataOf(e).fromTier === 'grid')!;
      dataOf(escalated).toTier = 'street';
    });
    expect(codesOf(result)).toContain('invalid-escalation');
    expect(result.violations.find((v) => v.code === 'invalid-escalation')!.message).toContain('skipped 1');
  });

  it('an escalation that descends is invalid', async () => {
    const result = await auditForged((events) => {
      const escalated = events.find(
        (e) => e.type === 'ProblemEscalated' && dataOf(e).fromTier === 'community',
      )!;
      dataOf(escalated).toTier = 'grid';
    });
    expect(codesOf(result)).toContain('invalid-escalation');
  });

  it('an escalation from a tier that did not hold the problem is invalid', async () => {
    const result = await auditForged((events) => {
      const escalated = events[indexOf(events, 'ProblemEscalated')]!;
      Object.assign(dataOf(escalated), { fromTier: 'street', toTier: 'department' });
    });
    expect(codesOf(result)).toContain('invalid-escalation');
  });

  it('anything after a problem was closed or rejected comes after the close', async () => {
    const result = await auditForged((events) => {
      for (const type of ['ProblemClosed', 'ProblemRejected']) {
        const closing = events[indexOf(events, type)]!;
        appendToStream(events, closing, 'ProblemClosed', { problemId: dataOf(closing).problemId });
      }
    });
    expect(codesOf(result)).toEqual(['event-after-close', 'event-after-close']);
  });

  it('anything after a task was cancelled comes after the close', async () => {
    const result = await auditForged((events) => {
      const cancelled = events[indexOf(events, 'TaskCancelled')]!;
      appendToStream(events, cancelled, 'TaskClaimed', {
        taskId: dataOf(cancelled).taskId,
        residentId: 'late',
      });
    });
    expect(codesOf(result)).toEqual(['event-after-close']);
  });

  it('TaskVerified without a claim is impossible', async () => {
    const result = await auditForged((events) => {
      const verified = events[indexOf(events, 'TaskVerified')]!;
      appendToStream(events, verified, 'TaskVerified', { ...dataOf(verified), residentId: 'never-claimed' });
    });
    expect(codesOf(result)).toEqual(['impossible-transition']);
    expect(result.violations[0]!.message).toContain('TaskVerified without a claim');
  });

  it('a resolution by a tier that does not hold the problem is impossible', async () => {
    const result = await auditForged((events) => {
      dataOf(events[indexOf(events, 'ProblemResolved')]!).tier = 'department';
    });
    expect(codesOf(result)).toContain('impossible-transition');
  });

  it('a problem event before the report is impossible', async () => {
    const result = await auditForged((events) => {
      events.splice(indexOf(events, 'ProblemReported'), 1);
    });
    expect(codesOf(result)[0]).toBe('impossible-transition');
  });

  it('data that breaks its schema is a schema violation', async () => {
    const result = await auditForged((events) => {
      dataOf(events[indexOf(events, 'ProblemRated')]!).score = 9;
    });
    expect(codesOf(result)).toEqual(['schema-violation']);
    expect(result.violations[0]!.message).toContain('ProblemRated');
  });

  it('an unknown event type, a stream no catalogue knows, and bad metadata are schema violations', async () => {
    const result = await auditForged((events) => {
      events.find((e) => e.type === 'ProblemRated' && dataOf(e).satisfied === true)!.type =
        'ProblemTeleported';
      events.push({ ...structuredClone(events[0]!), streamId: 'ledger-7' });
      delete events[5]!.metadata.eventId;
    });
    expect(codesOf(result).sort()).toEqual(['schema-violation', 'schema-violation', 'schema-violation']);
  });

  it('an event naming another aggregate than its stream is in the wrong stream', async () => {
    const result = await auditForged((events) => {
      dataOf(events[indexOf(events, 'ProblemTriaged')]!).problemId = 'pr-77';
    });
    expect(codesOf(result)).toEqual(['wrong-stream']);
  });
});

const events0 = (type: string): EventLine => original[indexOf(original, type)]!;

describe('the summary figures', () => {
  it('adds up the sample history', async () => {
    const { summary } = await auditForged(() => undefined);
    expect(summary).toMatchObject({
      events: original.length,
      streams: 10,
      streamsByCategory: { neighbourhood: 1, problem: 5, task: 2, points: 2 },
      points: { issued: 20, redeemed: 10, adjusted: 6, outstanding: 16, residents: 2 },
      problems: {
        reported: 5,
        resolved: 3,
        rejected: 1,
        open: 1,
        resolvedByTier: { grid: 1, community: 1, street: 1, department: 0 },
      },
      tasks: { published: 2, verifiedClaims: 2, cancelled: 1, expired: 0 },
    });
  });

  it('shows the 721 split of a community that meets its target', async () => {
    const resolvedAt = (tier: 'grid' | 'community' | 'street', count: number): GovernancePlan['problems'] =>
      Array.from({ length: count }, () => ({
        triagedAt: tier,
        escalations: 0,
        outcome: 'resolved' as const,
        reopened: false,
        closed: true,
      }));
    const store = await buildGovernanceHistory({
      problems: [...resolvedAt('grid', 7), ...resolvedAt('community', 2), ...resolvedAt('street', 1)],
      tasks: [],
      schedule: [],
    });
    const { summary, violations } = await auditText(await exportToText(store));
    expect(violations).toEqual([]);
    expect(summary.problems?.resolvedByTier).toEqual({ grid: 7, community: 2, street: 1, department: 0 });
    expect(summary.problems?.shares).toEqual({ grid: 0.7, community: 0.2, streetAndAbove: 0.1 });
    expect(summary.problems?.target).toEqual({ grid: 0.7, community: 0.2, streetAndAbove: 0.1 });
  });
});
