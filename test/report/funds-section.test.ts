/**
 * The report's fund section against the library's own fund queries over the same history: the ledger per
 * community and year, and the partnerships due to share revenue at the report's instant.
 */
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatYuan } from '../../src/domain/shared/money.js';
import { fundLedgerRows } from '../../src/projections/funds/queries.js';
import type { ReadModels } from '../../src/projections/read-models.js';
import { buildReport } from '../../src/report/build-report.js';
import { renderReportHtml } from '../../src/report/render-html.js';
import { exportToText } from '../audit/support/history-text.js';
import { fundGovernance } from '../domain/fund-project/support.js';
import { tableRows, textOf } from './support/html-tables.js';

const street = 'street-1';
const community = 'community-1';
const staff = { id: 'staff-1', role: 'community-staff' as const, scope: [community] };
const decision = { kind: 'committee' as const, reference: 'fund committee 2026/1' };

let models: ReadModels;
let html: string;

const partnership = (partnershipId: string, termEnd: string) => ({
  type: 'AgreePartnership' as const,
  data: {
    partnershipId,
    street,
    community,
    partnerId: `org-${partnershipId}`,
    compoundGives: [{ kind: 'space' as const, description: 'two rooms', areaM2: 60 }],
    partnerGives: [{ kind: 'money' as const, amountFen: 1_000_000 }],
    termStart: '2026-01-01T00:00:00.000Z',
    termEnd,
  },
});

beforeAll(async () => {
  const driver = await fundGovernance([{ street, community }]);
  const projectId = 'garden';
  const solicit = { projectId, street, community, fundYear: 2026, title: 'Garden', need: 'a garden' };
  await driver.accept(
    { type: 'SolicitFundProject', data: { ...solicit, requestedFen: 3_000_000, beneficiaries: 650 } },
    staff,
    '2026-03-01T00:00:00.000Z',
  );
  await driver.accept(
    { type: 'DecideFundProject', data: { projectId, approvedFen: 2_500_000, decision } },
    staff,
    '2026-03-02T00:00:00.000Z',
  );
  await driver.accept(
    { type: 'StartFundImplementation', data: { projectId } },
    staff,
    '2026-03-03T00:00:00.000Z',
  );
  await driver.accept(
    {
      type: 'ReportFundSpending',
      data: { projectId, spendingId: 's-1', amountFen: 1_234_567, purpose: 'soil' },
    },
    staff,
    '2026-03-04T00:00:00.000Z',
  );
  const contribution = {
    projectId,
    contributionId: 'c-1',
    contributor: { kind: 'owners-committee' as const },
  };
  await driver.accept(
    {
      type: 'RecordFundContribution',
      data: { ...contribution, moneyFen: 500_000, labourHours: 40, description: 'share' },
    },
    staff,
    '2026-03-05T00:00:00.000Z',
  );
  await driver.accept(partnership('due', '2026-03-01T00:00:00.000Z'), staff, '2026-02-01T00:00:00.000Z');
  await driver.accept(partnership('later', '2027-01-01T00:00:00.000Z'), staff, '2026-02-01T00:00:00.000Z');
  models = await driver.models();
  const text = await exportToText(driver.governance.store);
  html = renderReportHtml(await buildReport(Readable.from([Buffer.from(text)])));
});

describe('the fund section of the report', () => {
  it('shows the fund ledger as fundLedgerRows counts it', () => {
    const rows = fundLedgerRows(models.funds);
    expect(rows).toHaveLength(1);
    expect(tableRows(html, 'table-funds').body).toEqual(
      rows.map((row) => [
        row.community,
        '2026',
        '1',
        '1',
        formatYuan(row.allocatedFen),
        formatYuan(row.spentFen),
        formatYuan(row.partnerFen),
        formatYuan(row.residentFen),
        '40',
        '650',
      ]),
    );
    expect(formatYuan(rows[0]!.spentFen)).toBe('¥12,345.67');
  });

  it('lists the partnerships whose term ended by the last event, and only those', () => {
    expect(tableRows(html, 'table-partnerships-due').body).toEqual([
      ['due', community, 'org-due', '2026-03-01T00:00:00.000Z'],
    ]);
    expect(textOf(html)).toContain('Community fund and partners');
  });
});
