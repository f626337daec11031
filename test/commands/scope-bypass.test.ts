/**
 * Issue 20's scope bypasses, tried through the governance facade: each is refused with `forbidden` and
 * appends nothing. Authority comes from recorded facts (the directory, the account's community, the
 * points policy's scope), never from ids a command names for itself.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Governance } from '../../src/commands/governance.js';
import { directoryPlaceCheck } from '../../src/commands/place-check.js';
import type { LinliCommandInput } from '../../src/domain/linli.js';
import type { CommandContextInput } from '../../src/domain/shared/context.js';
import { collect } from '../store/contract.js';
import { attempt, c01Path, people, twoCommunities } from '../audit/support/two-communities.js';

let governance: Governance;
beforeEach(async () => {
  governance = await twoCommunities();
});

/** Tries a command and expects `forbidden` with nothing appended to the store. */
const expectForbidden = async (
  command: LinliCommandInput,
  actor: CommandContextInput['actor'],
): Promise<string> => {
  const before = (await collect(governance.store.readAll())).length;
  const result = await attempt(governance, command, actor, 20);
  expect(isLeft(result) && result.left.code).toBe('forbidden');
  expect((await collect(governance.store.readAll())).length).toBe(before);
  return isLeft(result) ? result.left.message : '';
};

const paper = { sku: 'paper-12', name: 'tissue-paper-12-rolls', points: 10, quantity: 1 };

describe('scope bypasses are refused with forbidden, nothing appended', () => {
  it('an administrator of c02 adding 900 points to a c01 resident, naming c02', async () => {
    const message = await expectForbidden(
      {
        type: 'AdjustPoints',
        data: {
          residentId: people.resident.id,
          community: 'c02',
          adjustmentId: 'a-9',
          delta: 900,
          reason: 'bonus',
        },
      },
      people.adminOfC02,
    );
    expect(message).toContain('kept by c01');
  });

  it('an administrator of c02 adding 900 points to a c01 resident, naming c01', async () => {
    await expectForbidden(
      {
        type: 'AdjustPoints',
        data: {
          residentId: people.resident.id,
          community: 'c01',
          adjustmentId: 'a-9',
          delta: 900,
          reason: 'bonus',
        },
      },
      people.adminOfC02,
    );
  });

  it("staff of c02 redeeming a c01 resident's points", async () => {
    await expectForbidden(
      {
        type: 'RedeemPoints',
        data: {
          residentId: people.resident.id,
          community: 'c02',
          redemptionId: 'r-9',
          items: [paper],
          total: 10,
        },
      },
      people.staffOfC02,
    );
  });

  it('staff of c01 publishing in c02 by naming a c01 unit', async () => {
    const message = await expectForbidden(
      {
        type: 'PublishTask',
        data: {
          taskId: 't-9',
          community: 'c02',
          unit: 'c01-g1',
          title: 'Sweep the yard',
          difficulty: 'easy',
          deadline: '2026-03-09T00:00:00.000Z',
        },
      },
      people.staff,
    );
    expect(message).toContain('no unit c01-g1 in c02');
  });

  it("a c01 grid worker filing a problem under another street, to be counted in that street's 721", async () => {
    const message = await expectForbidden(
      {
        type: 'ReportProblem',
        data: {
          problemId: 'p-9',
          path: { ...c01Path, street: 's2' },
          category: 'garbage',
          description: 'Bins overflowing',
          channel: 'visit',
        },
      },
      people.gridWorker,
    );
    expect(message).toContain('c01 in street s1, not s2');
  });

  it('a problem at a grid or community the directory does not record', async () => {
    for (const path of [
      { ...c01Path, grid: 'c01-g7' },
      { ...c01Path, grid: 'c02-g1' },
      { street: 's9', community: 'c09', grid: 'c09-g1' },
    ]) {
      await expectForbidden(
        {
          type: 'ReportProblem',
          data: { problemId: 'p-9', path, category: 'garbage', description: 'Bins', channel: 'app' },
        },
        people.resident,
      );
    }
  });

  it('a system actor with an empty scope awarding 1,000,000 points', async () => {
    await expectForbidden(
      {
        type: 'AwardPoints',
        data: {
          residentId: people.resident.id,
          community: 'c01',
          taskId: 't-forged',
          points: 1_000_000,
          verifiedEventId: 'no-such-verification',
        },
      },
      { id: 'points-policy', role: 'system' },
    );
  });

  it('still lets each community act on its own: c01 staff adjust nothing, c01 admin corrects c01', async () => {
    const result = await attempt(
      governance,
      {
        type: 'AdjustPoints',
        data: {
          residentId: people.resident.id,
          community: 'c01',
          adjustmentId: 'a-1',
          delta: -5,
          reason: 'fix',
        },
      },
      people.admin,
      20,
    );
    expect(isLeft(result) ? result.left.code : result.right.map((e) => e.type)).toEqual(['PointsAdjusted']);
  });

  it('refuses below the facade too, when the handler is given the same check', async () => {
    const { handler, aggregates } = governance;
    const command = {
      type: 'ReportProblem',
      data: {
        problemId: 'p-9',
        path: { ...c01Path, street: 's2' },
        category: 'garbage',
        description: 'Bins overflowing',
        channel: 'visit',
      },
    };
    const context = { actor: people.gridWorker, now: '2026-03-03T00:00:00.000Z', commandId: 'below-1' };
    const check = directoryPlaceCheck(handler, aggregates.neighbourhood);
    const refused = await handler.handle(aggregates.problem, command, context, check);
    expect(isLeft(refused) && refused.left.code).toBe('forbidden');
    const honest = { ...command, data: { ...command.data, path: c01Path } };
    const accepted = await handler.handle(aggregates.problem, honest, context, check);
    expect(isLeft(accepted) ? accepted.left.code : accepted.right.events.map((e) => e.type)).toEqual([
      'ProblemReported',
    ]);
  });
});
