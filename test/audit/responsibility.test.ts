/** The audit's cross-stream half of responsibility: an assignment to an organisation the register does not know. */
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createGovernance } from '../../src/commands/governance.js';
import type { LinliCommandInput } from '../../src/domain/linli.js';
import { recordDirectory } from '../../src/testing/directory.js';
import { recordOrganisations } from '../../src/testing/organisations.js';
import { auditText, exportToText, parseText, rechain, writeText } from './support/history-text.js';

const path = { street: 'st-1', community: 'c-1', grid: 'c-1.g1' };
const official = { id: 'so-1', role: 'street-official', scope: ['st-1'] } as const;

describe('responsible bodies in an audited history', () => {
  it('flags a ProblemAssigned forged to name an unregistered department, at its stream and revision', async () => {
    const governance = createGovernance();
    await recordDirectory(governance, [
      { street: path.street, community: path.community, grids: [path.grid] },
    ]);
    await recordOrganisations(governance, [{ organisationId: 'water-bureau', kind: 'department' }]);
    let n = 0;
    const run = async (command: LinliCommandInput) => {
      const result = await governance.execute(command, {
        actor: official,
        now: `2026-05-0${++n}T00:00:00.000Z`,
        commandId: `c-${n}`,
      });
      if (isLeft(result)) throw new Error(result.left.message);
    };
    await run({
      type: 'ReportProblem',
      data: {
        problemId: 'p1',
        path,
        category: 'river-works',
        description: 'bank collapsing',
        channel: 'patrol',
      },
    });
    await run({ type: 'TriageProblem', data: { problemId: 'p1' } });
    await run({
      type: 'AssignProblem',
      data: { problemId: 'p1', assignee: { kind: 'organisation', organisationId: 'water-bureau' } },
    });
    const events = parseText(await exportToText(governance.store)).events;
    expect((await auditText(writeText(rechain(events), 'recompute'))).violations).toEqual([]);

    const index = events.findIndex((event) => event.type === 'ProblemAssigned');
    const forged = events[index]!;
    forged.data = {
      problemId: 'p1',
      assignee: { kind: 'organisation', organisationId: 'ghost-bureau' },
      role: 'department:ghost-bureau',
      tier: 'department',
    };
    const result = await auditText(writeText(rechain(events), 'recompute'));
    expect(result.violations.map((v) => [v.code, v.streamId, v.revision, v.position])).toEqual([
      ['unknown-assignee', 'problem-p1', BigInt(forged.revision), BigInt(forged.position)],
    ]);
  });
});
