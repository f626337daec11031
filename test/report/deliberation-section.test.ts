/**
 * The report's deliberation section: built from an exported history of a compound's proposal, ballot and
 * deliberation day, its figures are the deliberation read model's queries and its tables show them.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  agendaClosure,
  ballotResults,
  proposalRegister,
} from '../../src/projections/deliberation/queries.js';
import type { DeliberationState } from '../../src/projections/deliberation/state.js';
import { buildReport } from '../../src/report/build-report.js';
import { renderReportHtml } from '../../src/report/render-html.js';
import type { ReportData } from '../../src/report/report-data.js';
import { deliberationHistory } from '../audit/support/deliberation-history.js';
import { exportToText } from '../audit/support/history-text.js';
import { tableRows } from './support/html-tables.js';

let data: ReportData;
let html: string;
let models: DeliberationState;

beforeAll(async () => {
  const h = await deliberationHistory();
  const read = await h.gov.readModels();
  if (isLeft(read)) throw new Error(read.left.message);
  models = read.right.deliberation;
  data = await buildReport(Readable.from([Buffer.from(await exportToText(h.gov.store), 'utf8')]));
  html = renderReportHtml(data);
});

describe('the deliberation section of the report', () => {
  it('holds the read model query answers', () => {
    expect(data.deliberation?.proposals).toEqual(proposalRegister(models));
    expect(data.deliberation?.ballots).toEqual(ballotResults(models));
    const asOf = data.asOf ?? '';
    expect(data.deliberation?.closure).toEqual([
      { community: 'community-meilingju', ...agendaClosure(models, 'community-meilingju', asOf) },
    ]);
  });

  it('shows the ballot over voters and over all owners, and the closed loop', () => {
    expect(tableRows(html, 'table-ballots').body).toEqual([
      ['sheds / Charging sheds', 'adopted', '20', '75.0%', 'for (15)', '100.0%', '75.0%'],
    ]);
    expect(tableRows(html, 'table-proposals').body).toEqual([
      ['sheds: Replace the elevators of blocks 1-4', 'compound-meilingju', 'tabled', '3', '3', '20', '0'],
    ]);
    expect(tableRows(html, 'table-agenda-closure').body).toEqual([
      ['community-meilingju', '1', '0', '0', '1', '1', '1', '0'],
    ]);
  });
});
