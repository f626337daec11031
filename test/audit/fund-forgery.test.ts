/**
 * Forged fund histories: a forger edits an honest history of a fund project and a partnership and re-chains
 * every hash, so only the replay of the funds' rules can tell. Each forgery must be flagged at the forged
 * event's stream, revision and position, with a stable code.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fundGovernance } from '../domain/fund-project/support.js';
import {
  auditText,
  exportToText,
  lastIndexWhere,
  parseText,
  rechain,
  writeText,
  type EventLine,
} from './support/history-text.js';

const street = 'street-1';
const community = 'community-1';
const staff = { id: 'staff-1', role: 'community-staff' as const, scope: [community] };
const official = { id: 'official-1', role: 'street-official' as const, scope: [street] };
const day = (d: number) => `2026-05-${String(d).padStart(2, '0')}T09:00:00.000Z`;
const projectId = 'garden';
const partnershipStream = 'partnership-sheds';

let clean: EventLine[];

beforeAll(async () => {
  const driver = await fundGovernance([{ street, community }]);
  const decision = { kind: 'committee' as const, reference: 'fund committee 2026/3' };
  await driver.accept(
    {
      type: 'SolicitFundProject',
      data: {
        projectId,
        street,
        community,
        fundYear: 2026,
        title: 'Garden',
        need: 'a garden',
        requestedFen: 100_000,
      },
    },
    { id: 'resident-1', role: 'resident' },
    day(1),
  );
  await driver.accept(
    { type: 'DecideFundProject', data: { projectId, approvedFen: 100_000, decision } },
    staff,
    day(2),
  );
  await driver.accept({ type: 'StartFundImplementation', data: { projectId } }, staff, day(3));
  await driver.accept(
    {
      type: 'ReportFundSpending',
      data: { projectId, spendingId: 's-1', amountFen: 60_000, purpose: 'soil' },
    },
    staff,
    day(4),
  );
  await driver.accept({ type: 'CompleteFundImplementation', data: { projectId } }, staff, day(5));
  await driver.accept(
    { type: 'EvaluateFundProject', data: { projectId, score: 4 } },
    { id: 'resident-2', role: 'resident' },
    day(6),
  );
  await driver.accept(
    {
      type: 'RecordFundSupervision',
      data: { projectId, findingId: 'f-1', severity: 'note', finding: 'receipts match' },
    },
    official,
    day(7),
  );
  await driver.accept({ type: 'CloseFundProject', data: { projectId } }, staff, day(8));
  await driver.accept(
    {
      type: 'AgreePartnership',
      data: {
        partnershipId: 'sheds',
        street,
        community,
        partnerId: 'org-partner',
        compoundGives: [{ kind: 'operating-rights', description: 'charging sheds' }],
        partnerGives: [{ kind: 'money', amountFen: 500_000 }],
        termStart: day(1),
        termEnd: '2030-05-01T00:00:00.000Z',
        revenueSharePercent: 10,
      },
    },
    staff,
    day(9),
  );
  clean = parseText(await exportToText(driver.governance.store)).events;
});

const indexOf = (events: readonly EventLine[], type: string): number => {
  const index = events.findIndex((event) => event.type === type);
  if (index < 0) throw new Error(`the history has no ${type}`);
  return index;
};

/** Forges a copy with `edit` (returning the forged event's index), re-chains, audits; violations with where. */
const auditForged = async (edit: (events: EventLine[]) => number) => {
  const events = structuredClone(clean);
  const index = edit(events);
  const chained = rechain(events);
  const forged = chained[index]!;
  const result = await auditText(writeText(chained, 'recompute'));
  return {
    at: `${forged.streamId}@${forged.revision}#${forged.position}`,
    found: result.violations.map((v) => ({ code: v.code, at: `${v.streamId}@${v.revision}#${v.position}` })),
  };
};

/** Inserts `type` with `data` right after the event at `after`, as `actor` (that event's by default). */
const insertAfter = (
  events: EventLine[],
  after: number,
  type: string,
  data: unknown,
  actor?: object,
): number => {
  const template = structuredClone(events[after]!);
  const metadata = actor === undefined ? template.metadata : { ...template.metadata, actor };
  events.splice(after + 1, 0, { ...template, type, data, metadata });
  return after + 1;
};

describe('the audit of forged fund histories', () => {
  it('finds nothing wrong with the honest history, even re-chained', async () => {
    expect((await auditText(writeText(rechain(clean), 'recompute'))).violations).toEqual([]);
  });

  it('flags spending before the decision as an impossible transition', async () => {
    const { at, found } = await auditForged((events) =>
      insertAfter(events, indexOf(events, 'FundProjectSolicited'), 'FundSpendingReported', {
        projectId,
        spendingId: 's-0',
        amountFen: 1_000,
        purpose: 'an advance',
      }),
    );
    expect(found).toEqual([{ code: 'impossible-transition', at }]);
  });

  it('flags spending raised beyond the approval as over-approval', async () => {
    const { at, found } = await auditForged((events) => {
      const index = indexOf(events, 'FundSpendingReported');
      (events[index]!.data as { amountFen: number }).amountFen = 100_001;
      return index;
    });
    expect(found).toEqual([{ code: 'over-approval', at }]);
  });

  it('flags an evaluation before the work was completed', async () => {
    const { at, found } = await auditForged((events) =>
      insertAfter(events, indexOf(events, 'FundImplementationStarted'), 'FundProjectEvaluated', {
        projectId,
        residentId: 'resident-3',
        score: 5,
      }),
    );
    expect(found).toEqual([{ code: 'impossible-transition', at }]);
  });

  it('flags spending after the project was closed', async () => {
    const { at, found } = await auditForged((events) =>
      insertAfter(events, indexOf(events, 'FundProjectClosed'), 'FundSpendingReported', {
        projectId,
        spendingId: 's-9',
        amountFen: 1_000,
        purpose: 'late invoice',
      }),
    );
    expect(found).toEqual([{ code: 'event-after-close', at }]);
  });

  it('flags supervision recorded by the community staff who spend the money as unauthorised', async () => {
    const { at, found } = await auditForged((events) => {
      const index = indexOf(events, 'FundSupervisionRecorded');
      const line = events[index]!;
      line.metadata = { ...line.metadata, actor: { id: 'staff-1', role: 'community-staff' } };
      (line.data as { supervisorId: string }).supervisorId = 'staff-1';
      return index;
    });
    expect(found).toEqual([{ code: 'unauthorised', at }]);
  });

  it('flags revenue sharing started before the partner’s term ends', async () => {
    const { at, found } = await auditForged((events) =>
      insertAfter(
        events,
        lastIndexWhere(events, (e) => e.streamId === partnershipStream),
        'RevenueShareStarted',
        {
          partnershipId: 'sheds',
          compoundSharePercent: 10,
        },
      ),
    );
    expect(found).toEqual([{ code: 'impossible-transition', at }]);
  });

  it('flags an event naming another project than the stream it is filed in', async () => {
    const { at, found } = await auditForged((events) => {
      const index = insertAfter(events, indexOf(events, 'FundProjectClosed'), 'FundProjectClosed', {
        projectId: 'another-project',
      });
      return index;
    });
    expect(found.map((f) => f.code)).toContain('wrong-stream');
    for (const f of found) expect(f.at).toBe(at);
  });
});
