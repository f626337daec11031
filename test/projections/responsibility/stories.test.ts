/**
 * Responsibility through the facade: the street whistles, departments respond (Changzhou counts 7,000+
 * responses, S2 L32), the community files its property matters with the street (S4 L37), and the 721 shares
 * count those matters in the community's 20%.
 */
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createGovernance, type Governance } from '../../../src/commands/governance.js';
import type { LinliCommandInput } from '../../../src/domain/linli.js';
import type { CommandContextInput } from '../../../src/domain/shared/context.js';
import { query721 } from '../../../src/projections/resolution-stats/query-721.js';
import {
  assigneeLoads,
  departmentFigures,
  responsibleLedger,
} from '../../../src/projections/responsibility/queries.js';
import { collect } from '../../store/contract.js';
import { recordDirectory } from '../../../src/testing/directory.js';
import { recordOrganisations } from '../../../src/testing/organisations.js';

type Actor = CommandContextInput['actor'];
const path = { street: 'longtanzi-street', community: 'longtanzi', grid: 'longtanzi.g1' };
const reporter: Actor = { id: 'res-1', role: 'resident' };
const gridWorker: Actor = { id: 'gw-1', role: 'grid-worker', scope: [path.grid] };
const staff: Actor = { id: 'cs-1', role: 'community-staff', scope: [path.community] };
const official: Actor = { id: 'so-1', role: 'street-official', scope: [path.street] };
const water: Actor = { id: 'dept-water-1', role: 'department', scope: ['water-bureau'] };

const hour = (h: number): string =>
  new Date(Date.parse('2026-05-04T01:00:00.000Z') + h * 3_600_000).toISOString();
let n = 0;
const ok = async (governance: Governance, command: LinliCommandInput, actor: Actor, at: number) => {
  const result = await governance.execute(command, { actor, now: hour(at), commandId: `resp-${++n}` });
  if (isLeft(result)) throw new Error(`${command.type}: ${result.left.code}: ${result.left.message}`);
  return result.right;
};

const district = async (): Promise<Governance> => {
  const governance = createGovernance();
  await recordDirectory(governance, [{ street: path.street, community: path.community, grids: [path.grid] }]);
  await recordOrganisations(governance, [
    { organisationId: 'water-bureau', kind: 'department', name: 'Water bureau' },
    { organisationId: 'longtanzi-pm', kind: 'property-company', community: 'longtanzi' },
  ]);
  return governance;
};

const report = (governance: Governance, problemId: string, category: string, at: number) =>
  ok(
    governance,
    {
      type: 'ReportProblem',
      data: { problemId, path, category, description: `${category} here`, channel: 'app' },
    },
    reporter,
    at,
  );

describe('department response', () => {
  it('counts responses from DepartmentResponded events, with their time, per department', async () => {
    const governance = await district();
    for (const [i, id] of ['r1', 'r2', 'r3'].entries()) {
      await report(governance, id, 'river-works', i);
      await ok(governance, { type: 'TriageProblem', data: { problemId: id } }, official, i + 0.5);
      await ok(
        governance,
        {
          type: 'AssignProblem',
          data: { problemId: id, assignee: { kind: 'organisation', organisationId: 'water-bureau' } },
        },
        official,
        i + 1,
      );
    }
    await ok(governance, { type: 'RespondAsDepartment', data: { problemId: 'r1' } }, water, 3); // 2 h after its assignment
    await ok(governance, { type: 'RespondAsDepartment', data: { problemId: 'r2' } }, water, 8); // 6 h after
    const recorded = (await collect(governance.store.readAll())).filter(
      (e) => e.type === 'DepartmentResponded',
    );
    expect(recorded).toHaveLength(2);

    const models = await governance.readModels();
    if (isLeft(models)) throw new Error(models.left.message);
    const state = models.right.responsibility;
    expect(departmentFigures(state, hour(10))).toEqual([
      {
        departmentId: 'water-bureau',
        assigned: 3,
        responses: recorded.length,
        medianResponseHours: 4,
        overdue: 0,
        awaitingResponse: 1,
      },
    ]);
    // The default department deadline (720 h, a default to configure) has passed a month later.
    expect(departmentFigures(state, hour(24 * 32))[0]?.overdue).toBe(3);
    expect(assigneeLoads(state, hour(10))).toEqual([
      {
        assignee: { kind: 'organisation', organisationId: 'water-bureau' },
        role: 'department:water-bureau',
        open: 3,
        overdue: 0,
        resolved: 0,
      },
    ]);
  });

  it('refuses an unregistered organisation, and a department role for a company', async () => {
    const governance = await district();
    await report(governance, 'r1', 'river-works', 0);
    await ok(governance, { type: 'TriageProblem', data: { problemId: 'r1' } }, official, 0.5);
    const run = (organisationId: string, role?: string) =>
      governance.execute(
        {
          type: 'AssignProblem',
          data: {
            problemId: 'r1',
            assignee: { kind: 'organisation', organisationId },
            ...(role === undefined ? {} : { role }),
          },
        },
        { actor: official, now: hour(1), commandId: `resp-${++n}` },
      );
    const unknown = await run('ghost-bureau');
    expect(isLeft(unknown) && unknown.left.code).toBe('not-found');
    const company = await run('longtanzi-pm', 'department:longtanzi-pm');
    expect(isLeft(company) && company.left.code).toBe('invalid-command');
    expect(isRight(await run('water-bureau'))).toBe(true);
  });
});

describe('property matters are filed with the street, not escalated', () => {
  it("keeps the seed's 721: ten matters, 7 in the grid, 2 filed property matters in the community's 20, 1 at the street", async () => {
    const governance = await district();
    let at = 0;
    const resolve = (problemId: string, actor: Actor) =>
      ok(governance, { type: 'ResolveProblem', data: { problemId, resolution: 'done' } }, actor, (at += 0.1));
    for (let i = 0; i < 7; i++) {
      await report(governance, `g${i}`, 'garbage-collection', (at += 0.1));
      await ok(governance, { type: 'TriageProblem', data: { problemId: `g${i}` } }, gridWorker, (at += 0.1));
      await resolve(`g${i}`, gridWorker);
    }
    for (const [i, category] of ['property-management', 'drinking-water'].entries()) {
      const id = `p${i}`;
      await report(governance, id, category, (at += 0.1));
      const [triaged] = await ok(
        governance,
        { type: 'TriageProblem', data: { problemId: id } },
        gridWorker,
        (at += 0.1),
      );
      expect(triaged?.data).toMatchObject({ tier: 'community' });
      await ok(
        governance,
        {
          type: 'AssignProblem',
          data: { problemId: id, assignee: { kind: 'person', personId: 'secretary-1' } },
        },
        staff,
        (at += 0.1),
      );
      await ok(
        governance,
        {
          type: 'PlanMeasures',
          data: { problemId: id, measures: 'Raise it at the joint meeting', dueBy: hour(200) },
        },
        staff,
        (at += 0.1),
      );
      const [filed] = await ok(
        governance,
        { type: 'FileWithStreet', data: { problemId: id } },
        staff,
        (at += 0.1),
      );
      expect(filed?.data).toEqual({ problemId: id, streetId: path.street, tier: 'community' });
      await resolve(id, staff);
    }
    await report(governance, 'o1', 'other', (at += 0.1));
    await ok(
      governance,
      { type: 'TriageProblem', data: { problemId: 'o1', tier: 'street' } },
      official,
      (at += 0.1),
    );
    await resolve('o1', official);

    const models = await governance.readModels();
    if (isLeft(models)) throw new Error(models.left.message);
    const figures = query721(models.right.resolutionStats, {
      period: { kind: 'month', key: '2026-05' },
      asOf: hour(100),
    });
    expect(figures.resolvedByTier).toEqual({ grid: 7, community: 2, street: 1, department: 0 });
    expect([
      figures.shares.grid.share,
      figures.shares.community.share,
      figures.shares.streetAndAbove.share,
    ]).toEqual([0.7, 0.2, 0.1]);

    const ledger = responsibleLedger(models.right.responsibility, { community: 'longtanzi' }).filter(
      (row) => row.filedWithStreet,
    );
    expect(ledger).toEqual([
      {
        problemId: 'p0',
        nature: 'property-management',
        measures: 'Raise it at the joint meeting',
        timeLimit: hour(200),
        responsibleBody: {
          assignee: { kind: 'person', personId: 'secretary-1' },
          role: 'community-secretary',
        },
        filedWithStreet: true,
        status: 'resolved',
      },
      {
        problemId: 'p1',
        nature: 'drinking-water',
        measures: 'Raise it at the joint meeting',
        timeLimit: hour(200),
        responsibleBody: {
          assignee: { kind: 'person', personId: 'secretary-1' },
          role: 'community-secretary',
        },
        filedWithStreet: true,
        status: 'resolved',
      },
    ]);
  });
});
