/** The report's responsibility section: department responses and responsible bodies, as the read model counts them. */
import { isLeft } from 'fp-ts/lib/Either.js';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createGovernance, type Governance } from '../../src/commands/governance.js';
import type { LinliCommandInput } from '../../src/domain/linli.js';
import type { CommandContextInput } from '../../src/domain/shared/context.js';
import { buildReport } from '../../src/report/build-report.js';
import { renderReportHtml } from '../../src/report/render-html.js';
import { recordDirectory } from '../../src/testing/directory.js';
import { recordOrganisations } from '../../src/testing/organisations.js';
import { exportToText } from '../audit/support/history-text.js';
import { tableRows } from './support/html-tables.js';

type Actor = CommandContextInput['actor'];
const path = { street: 'st-1', community: 'c-1', grid: 'c-1.g1' };
const official: Actor = { id: 'so-1', role: 'street-official', scope: ['st-1'] };
const water: Actor = { id: 'dept-w', role: 'department', scope: ['water-bureau'] };
const hour = (h: number): string =>
  new Date(Date.parse('2026-06-01T00:00:00.000Z') + h * 3_600_000).toISOString();

const history = async (): Promise<Governance> => {
  const governance = createGovernance();
  await recordDirectory(governance, [{ street: path.street, community: path.community, grids: [path.grid] }]);
  await recordOrganisations(governance, [
    { organisationId: 'water-bureau', kind: 'department' },
    { organisationId: 'forestry', kind: 'department' },
  ]);
  let n = 0;
  const run = async (command: LinliCommandInput, actor: Actor, at: number) => {
    const result = await governance.execute(command, { actor, now: hour(at), commandId: `rs-${++n}` });
    if (isLeft(result)) throw new Error(`${command.type}: ${result.left.message}`);
  };
  const whistle = async (problemId: string, category: string, organisationId: string, at: number) => {
    await run(
      {
        type: 'ReportProblem',
        data: { problemId, path, category, description: 'works needed', channel: 'patrol' },
      },
      official,
      at,
    );
    await run({ type: 'TriageProblem', data: { problemId } }, official, at);
    await run(
      { type: 'AssignProblem', data: { problemId, assignee: { kind: 'organisation', organisationId } } },
      official,
      at,
    );
  };
  await whistle('w1', 'river-works', 'water-bureau', 0);
  await whistle('w2', 'river-works', 'water-bureau', 1);
  await whistle('f1', 'forest-fire-road', 'forestry', 2);
  await run({ type: 'RespondAsDepartment', data: { problemId: 'w1' } }, water, 3);
  await run({ type: 'RespondAsDepartment', data: { problemId: 'w2' } }, water, 9);
  return governance;
};

describe('the responsibility section', () => {
  it('lists each department with its responses and median response time, and the responsible bodies', async () => {
    const governance = await history();
    const data = await buildReport(Readable.from([Buffer.from(await exportToText(governance.store))]));
    const html = renderReportHtml(data);
    // water: responses after 3 h and 8 h, median 5.5 h; forestry: none yet.
    expect(tableRows(html, 'table-departments').body).toEqual([
      ['forestry', '1', '0', '—', '0', '1'],
      ['water-bureau', '2', '2', '5.5 h', '0', '0'],
    ]);
    expect(tableRows(html, 'table-assignees').body).toEqual([
      ['water-bureau', 'department:water-bureau', '2', '0', '0'],
      ['forestry', 'department:forestry', '1', '0', '0'],
    ]);
  });
});
