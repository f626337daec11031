/**
 * Longtanzi's directed tasks (S4 L45): the septic tank goes to the property company, and only the members its
 * own history records may take it. The facade refuses anyone else; a forged claim is flagged by the audit.
 */
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createGovernance, type Governance } from '../../../src/commands/governance.js';
import type { LinliCommandInput } from '../../../src/domain/linli.js';
import type { CommandContextInput } from '../../../src/domain/shared/context.js';
import { recordDirectory } from '../../../src/testing/directory.js';
import { recordOrganisations } from '../../../src/testing/organisations.js';
import { taskEvents } from '../../../src/domain/task/events.js';
import {
  auditText,
  exportToText,
  lastIndexWhere,
  parseText,
  rechain,
  writeText,
} from '../../audit/support/history-text.js';

const staff = { id: 'cs-1', role: 'community-staff', scope: ['longtanzi'] } as const;
const member = { id: 'pm-worker-1', role: 'resident' } as const;
// A resident whose context asserts the membership the history does not record.
const outsider = { id: 'res-9', role: 'resident', organisations: ['longtanzi-property'] } as const;

let n = 0;
const run = (
  governance: Governance,
  command: LinliCommandInput,
  actor: CommandContextInput['actor'],
  now: string,
) => governance.execute(command, { actor, now, commandId: `claims-${++n}` });

const septicTank = async (): Promise<Governance> => {
  const governance = createGovernance();
  await recordDirectory(governance, [
    { street: 'longtanzi-street', community: 'longtanzi', grids: ['longtanzi.g1'] },
  ]);
  await recordOrganisations(governance, [
    {
      organisationId: 'longtanzi-property',
      kind: 'property-company',
      community: 'longtanzi',
      members: { 'pm-worker-1': 'member', 'pm-worker-2': 'member' },
    },
  ]);
  const published = await run(
    governance,
    {
      type: 'PublishTask',
      data: {
        taskId: 'septic-1',
        community: 'longtanzi',
        unit: 'longtanzi.g1',
        title: 'Clear the septic tank of building 3',
        difficulty: 'hard',
        slots: 2,
        audience: { kind: 'directed', organisationId: 'longtanzi-property' },
        deadline: '2026-04-10T18:00:00+08:00',
      },
    },
    staff,
    '2026-04-01T09:00:00+08:00',
  );
  expect(isRight(published)).toBe(true);
  return governance;
};

const claim = { type: 'ClaimTask', data: { taskId: 'septic-1' } } as const;

describe('a septic-tank task directed to the property company', () => {
  it('is refused to a non-member whatever their context asserts, and accepted for a member', async () => {
    const governance = await septicTank();
    const refused = await run(governance, claim, outsider, '2026-04-02T09:00:00+08:00');
    expect(isLeft(refused) && refused.left.code).toBe('forbidden');
    const accepted = await run(governance, claim, member, '2026-04-02T09:05:00+08:00');
    expect(isRight(accepted) && accepted.right.map((event) => event.data)).toEqual([
      { taskId: 'septic-1', residentId: 'pm-worker-1' },
    ]);
  });

  it('is refused to a member once the history records them leaving', async () => {
    const governance = await septicTank();
    await run(
      governance,
      { type: 'RemoveMember', data: { organisationId: 'longtanzi-property', personId: 'pm-worker-1' } },
      staff,
      '2026-04-02T08:00:00+08:00',
    );
    const refused = await run(governance, claim, member, '2026-04-02T09:00:00+08:00');
    expect(isLeft(refused) && refused.left.code).toBe('forbidden');
  });

  it('refuses a claim on behalf of an organisation the claimant does not belong to, even on a public task', async () => {
    const governance = await septicTank();
    await run(
      governance,
      {
        type: 'PublishTask',
        data: {
          taskId: 'bulb-1',
          community: 'longtanzi',
          title: 'Replace a bulb',
          difficulty: 'easy',
          deadline: '2026-04-10T18:00:00+08:00',
        },
      },
      staff,
      '2026-04-01T09:30:00+08:00',
    );
    const forOthers = {
      type: 'ClaimTask',
      data: { taskId: 'bulb-1', onBehalfOf: 'longtanzi-property' },
    } as const;
    const refused = await run(governance, forOthers, outsider, '2026-04-02T09:00:00+08:00');
    expect(isLeft(refused) && refused.left.code).toBe('forbidden');
    const accepted = await run(governance, forOthers, member, '2026-04-02T09:01:00+08:00');
    expect(isRight(accepted) && accepted.right[0]?.data).toEqual({
      taskId: 'bulb-1',
      residentId: 'pm-worker-1',
      onBehalfOf: 'longtanzi-property',
    });
  });

  it('a claim by a non-member forged into the history is flagged at its stream and revision', async () => {
    const governance = await septicTank();
    expect(isRight(await run(governance, claim, member, '2026-04-02T09:05:00+08:00'))).toBe(true);
    const events = parseText(await exportToText(governance.store)).events;
    const clean = await auditText(writeText(rechain(events), 'recompute'));
    expect(clean.violations).toEqual([]);

    const at = lastIndexWhere(events, (event) => event.streamId === 'task-septic-1');
    const genuine = events[at]!;
    const forged = structuredClone(genuine);
    forged.data = { taskId: 'septic-1', residentId: 'res-9' };
    forged.revision = String(BigInt(genuine.revision) + 1n);
    forged.metadata.actor = { id: 'res-9', role: 'resident' };
    forged.metadata.commandId = 'forged-claim';
    forged.metadata.eventId = 'forged-claim-event';
    events.splice(at + 1, 0, forged);
    const result = await auditText(
      writeText(rechain(events.map((event, i) => ({ ...event, position: String(i) }))), 'recompute'),
    );
    expect(result.violations.map((v) => [v.code, v.streamId, v.revision, v.position])).toEqual([
      ['not-a-member', 'task-septic-1', BigInt(forged.revision), BigInt(at + 1)],
    ]);
  });

  it('reads a claim recorded before onBehalfOf as it was written (no new schema version needed)', () => {
    const old = taskEvents.parse(
      { type: 'TaskClaimed', data: { taskId: 'septic-1', residentId: 'pm-worker-1' } },
      { schemaVersion: 1 },
    );
    expect(old).toEqual({
      _tag: 'Right',
      right: { type: 'TaskClaimed', data: { taskId: 'septic-1', residentId: 'pm-worker-1' } },
    });
    expect(taskEvents.schemaVersion('TaskClaimed')).toBe(1);
  });
});
