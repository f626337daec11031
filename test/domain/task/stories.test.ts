import { describe, expect, it } from 'vitest';
import type { CommandContextInput } from '../../../src/domain/shared/context.js';
import { fold } from '../../../src/domain/shared/decider.js';
import {
  createTaskAggregate,
  createTaskDecider,
  taskAggregate,
  type TaskEvent,
  type TaskEventOf,
} from '../../../src/domain/task/index.js';
import { spec } from '../../../src/testing/spec.js';

const community = 'community-bairuijing';
const published = '2026-03-01T08:00:00.000Z';
const deadline = '2026-03-08T08:00:00.000Z';
const during = '2026-03-02T10:00:00.000Z';

const staff = { id: 'staff-1', role: 'community-staff' as const, scope: [community] };
const ctx = (actor: CommandContextInput['actor'], now = during): CommandContextInput => ({
  actor,
  now,
  commandId: 'cmd-1',
});
const asStaff = ctx(staff);
const asResident = (id: string, organisations: string[] = []): CommandContextInput =>
  ctx({ id, role: 'resident', organisations });

const lightBulb: TaskEventOf<'TaskPublished'> = {
  type: 'TaskPublished',
  data: {
    taskId: 'bulb-1',
    community,
    unit: 'grid-07',
    title: 'Replace the stairwell light bulb',
    difficulty: 'easy',
    points: 5,
    audience: { kind: 'public' },
    slots: 1,
    deadline,
    media: ['media:stairwell-dark'],
  },
};
const greening: TaskEventOf<'TaskPublished'> = {
  type: 'TaskPublished',
  data: {
    taskId: 'green-1',
    community,
    title: 'Compound greening',
    difficulty: 'medium',
    points: 10,
    audience: { kind: 'directed', organisationId: 'org-garden-club' },
    slots: 2,
    deadline,
    media: [],
  },
};
const claimed = (residentId: string, taskId = 'bulb-1'): TaskEvent => ({
  type: 'TaskClaimed',
  data: { taskId, residentId },
});
const proof = [{ kind: 'photo' as const, ref: 'media:new-bulb' }];
const submitted = (residentId: string, taskId = 'bulb-1'): TaskEvent => ({
  type: 'TaskProofSubmitted',
  data: { taskId, residentId, proof },
});
const verified = (residentId: string, taskId = 'bulb-1', points = 5): TaskEvent => ({
  type: 'TaskVerified',
  data: { taskId, residentId, community, points, verifiedBy: 'staff-1' },
});

const task = spec(taskAggregate);

describe('Task: publishing', () => {
  const publish = {
    type: 'PublishTask' as const,
    data: {
      taskId: 'bulb-1',
      community,
      unit: 'grid-07',
      title: 'Replace the stairwell light bulb',
      difficulty: 'easy' as const,
      deadline,
      media: ['media:stairwell-dark'],
    },
  };

  it('prices a task by its difficulty and defaults to one public slot', () => {
    task.given([]).when(publish, ctx(staff, published)).then([lightBulb]);
  });

  it('lets explicit points override the difficulty table', () => {
    const decision = task.given([]).when({ ...publish, data: { ...publish.data, points: 12 } }, asStaff);
    decision.then([{ ...lightBulb, data: { ...lightBulb.data, points: 12 } }]);
  });

  it('takes the difficulty table from the configuration', () => {
    const custom = spec(createTaskAggregate({ pointsByDifficulty: { easy: 8 } }));
    custom
      .given([])
      .when(publish, asStaff)
      .then([{ ...lightBulb, data: { ...lightBulb.data, points: 8 } }]);
  });

  it('refuses a points table that is not whole positive points', () => {
    expect(() =>
      createTaskDecider({ pointsByDifficulty: { easy: 0, medium: 10, hard: 20, expert: 40 } }),
    ).toThrow();
  });

  it('lets staff of the grid publish a task of their grid', () => {
    const gridStaff = { id: 'staff-g', role: 'community-staff' as const, scope: ['grid-07'] };
    task.given([]).when(publish, ctx(gridStaff, published)).then([lightBulb]);
  });

  it('is reserved to community staff and administrators whose scope covers the community', () => {
    task.given([]).when(publish, asResident('resident-1')).thenError('forbidden');
    const elsewhere = { id: 'staff-2', role: 'community-staff' as const, scope: ['community-longtanzi'] };
    task.given([]).when(publish, ctx(elsewhere)).thenError('forbidden');
    task
      .given([])
      .when(publish, ctx({ id: 'admin-0', role: 'administrator', scope: [] }))
      .thenError('forbidden');
    const admin = { id: 'admin-1', role: 'administrator' as const, scope: [community] };
    task.given([]).when(publish, ctx(admin, published)).then([lightBulb]);
  });

  it('needs a deadline after now', () => {
    task.given([]).when(publish, ctx(staff, deadline)).thenError('invalid-command');
  });

  it('publishes a task once', () => {
    task.given([lightBulb]).when(publish, asStaff).thenError('already-exists');
  });

  it('refuses a task without slots or with a zero-point reward', () => {
    task
      .given([])
      .when({ ...publish, data: { ...publish.data, slots: 0 } }, asStaff)
      .thenError('invalid-command');
    task
      .given([])
      .when({ ...publish, data: { ...publish.data, points: 0 } }, asStaff)
      .thenError('invalid-command');
  });
});

describe('Task: claiming', () => {
  const claim = { type: 'ClaimTask' as const, data: { taskId: 'bulb-1' } };
  const claimGreening = { type: 'ClaimTask' as const, data: { taskId: 'green-1' } };

  it('lets a resident claim an open public task', () => {
    task
      .given([lightBulb])
      .when(claim, asResident('resident-1'))
      .then([claimed('resident-1')]);
  });

  it('cannot claim a task that was never published', () => {
    task.given([]).when(claim, asResident('resident-1')).thenError('not-found');
  });

  it('is for residents and cadres, each as able, never the system or a street official', () => {
    task
      .given([lightBulb])
      .when(claim, asStaff)
      .then([claimed('staff-1')]);
    task
      .given([lightBulb])
      .when(claim, ctx({ id: 'grid-1', role: 'grid-worker' }))
      .then([claimed('grid-1')]);
    task
      .given([lightBulb])
      .when(claim, ctx({ id: 'policy', role: 'system' }))
      .thenError('forbidden');
    task
      .given([lightBulb])
      .when(claim, ctx({ id: 'street-1', role: 'street-official' }))
      .thenError('forbidden');
  });

  it("holds a directed claim to its own organisation; membership is the recorded history's (see the facade)", () => {
    // What the context asserts no longer decides: the decider records the claim and the facade's membership
    // check, which reads the organisation's stream, refuses a non-member (test/domain/organisation).
    task
      .given([greening])
      .when(claimGreening, asResident('resident-1', ['org-other']))
      .then([claimed('resident-1', 'green-1')]);
    task
      .given([greening])
      .when(
        { type: 'ClaimTask', data: { taskId: 'green-1', onBehalfOf: 'org-other' } },
        asResident('resident-1'),
      )
      .thenError('forbidden');
    task
      .given([greening])
      .when(
        { type: 'ClaimTask', data: { taskId: 'green-1', onBehalfOf: 'org-garden-club' } },
        asResident('resident-1'),
      )
      .then([
        {
          type: 'TaskClaimed',
          data: { taskId: 'green-1', residentId: 'resident-1', onBehalfOf: 'org-garden-club' },
        },
      ]);
  });

  it('closes at the deadline', () => {
    task
      .given([lightBulb])
      .when(claim, ctx({ id: 'resident-1', role: 'resident' }, deadline))
      .thenError('invalid-transition');
  });

  it('allows one active claim per resident', () => {
    task
      .given([greening, claimed('resident-1', 'green-1')])
      .when(claimGreening, asResident('resident-1', ['org-garden-club']))
      .thenError('already-exists');
  });

  it('never gives out more claims than slots', () => {
    task
      .given([lightBulb, claimed('resident-1')])
      .when(claim, asResident('resident-2'))
      .thenError('limit-exceeded');
    const member = (id: string) => asResident(id, ['org-garden-club']);
    const twoTaken = [greening, claimed('resident-1', 'green-1'), claimed('resident-2', 'green-1')];
    task.given(twoTaken).when(claimGreening, member('resident-3')).thenError('limit-exceeded');
  });

  it('frees the slot when a claim is released', () => {
    const released: TaskEvent = {
      type: 'TaskClaimReleased',
      data: { taskId: 'bulb-1', residentId: 'resident-1' },
    };
    task
      .given([lightBulb, claimed('resident-1'), released])
      .when(claim, asResident('resident-2'))
      .then([claimed('resident-2')]);
  });

  it('does not let a resident whose claim was verified claim again', () => {
    const history = [
      greening,
      claimed('resident-1', 'green-1'),
      submitted('resident-1', 'green-1'),
      verified('resident-1', 'green-1', 10),
    ];
    task
      .given(history)
      .when(claimGreening, asResident('resident-1', ['org-garden-club']))
      .thenError('already-exists');
  });
});

describe('Task: proof and verification', () => {
  const submit = { type: 'SubmitProof' as const, data: { taskId: 'bulb-1', proof } };
  const verify = { type: 'VerifyTask' as const, data: { taskId: 'bulb-1', residentId: 'resident-1' } };
  const rejectProof = {
    type: 'RejectProof' as const,
    data: { taskId: 'bulb-1', residentId: 'resident-1', reason: 'the photo shows the old bulb' },
  };
  const rejected: TaskEvent = { type: 'TaskProofRejected', data: rejectProof.data };

  it('takes proof from the claimant only', () => {
    task
      .given([lightBulb, claimed('resident-1')])
      .when(submit, asResident('resident-1'))
      .then([submitted('resident-1')]);
    task
      .given([lightBulb, claimed('resident-1')])
      .when(submit, asResident('resident-2'))
      .thenError('forbidden');
  });

  it('needs at least one photo or video', () => {
    task
      .given([lightBulb, claimed('resident-1')])
      .when({ ...submit, data: { taskId: 'bulb-1', proof: [] } }, asResident('resident-1'))
      .thenError('invalid-command');
  });

  it('takes proof once until it is rejected', () => {
    const pending = [lightBulb, claimed('resident-1'), submitted('resident-1')];
    task.given(pending).when(submit, asResident('resident-1')).thenError('invalid-transition');
    task
      .given([...pending, rejected])
      .when(submit, asResident('resident-1'))
      .then([submitted('resident-1')]);
  });

  it('awards the task points when staff verify the proof', () => {
    task
      .given([lightBulb, claimed('resident-1'), submitted('resident-1')])
      .when(verify, asStaff)
      .then([verified('resident-1')]);
  });

  it('sends a rejected proof back to the claimant with a reason', () => {
    task
      .given([lightBulb, claimed('resident-1'), submitted('resident-1')])
      .when(rejectProof, asStaff)
      .then([rejected]);
    task
      .given([lightBulb, claimed('resident-1'), submitted('resident-1'), rejected])
      .when(verify, asStaff)
      .thenError('invalid-transition');
  });

  it('verifies only a submitted proof of an existing claim', () => {
    task
      .given([lightBulb, claimed('resident-1')])
      .when(verify, asStaff)
      .thenError('invalid-transition');
    task.given([lightBulb]).when(verify, asStaff).thenError('not-found');
    const done = [lightBulb, claimed('resident-1'), submitted('resident-1'), verified('resident-1')];
    task.given(done).when(verify, asStaff).thenError('invalid-transition');
  });

  it('never lets a resident verify or reject their own work, whatever role they act in', () => {
    const history = [lightBulb, claimed('resident-1'), submitted('resident-1')];
    const selfAsStaff = ctx({ id: 'resident-1', role: 'community-staff', scope: [community] });
    task.given(history).when(verify, selfAsStaff).thenError('forbidden');
    task.given(history).when(rejectProof, selfAsStaff).thenError('forbidden');
    task.given(history).when(verify, asResident('resident-1')).thenError('forbidden');
    task.given(history).when(verify, asResident('resident-2')).thenError('forbidden');
  });
});

describe('Task: releasing, cancelling, expiring', () => {
  const release = (residentId?: string) => ({
    type: 'ReleaseClaim' as const,
    data: residentId === undefined ? { taskId: 'bulb-1' } : { taskId: 'bulb-1', residentId },
  });
  const releasedBy = (residentId: string, reason?: string): TaskEvent => ({
    type: 'TaskClaimReleased',
    data: reason === undefined ? { taskId: 'bulb-1', residentId } : { taskId: 'bulb-1', residentId, reason },
  });
  const cancel = {
    type: 'CancelTask' as const,
    data: { taskId: 'bulb-1', reason: 'the bulb was replaced by the property manager' },
  };
  const expire = { type: 'ExpireTask' as const, data: { taskId: 'bulb-1' } };
  const system = { id: 'scheduler', role: 'system' as const };

  it('lets the claimant give up their claim', () => {
    task
      .given([lightBulb, claimed('resident-1')])
      .when(release(), asResident('resident-1'))
      .then([releasedBy('resident-1')]);
  });

  it("lets staff release a resident's claim, with a reason", () => {
    const withReason = {
      type: 'ReleaseClaim' as const,
      data: { taskId: 'bulb-1', residentId: 'resident-1', reason: 'moved away' },
    };
    task
      .given([lightBulb, claimed('resident-1')])
      .when(withReason, asStaff)
      .then([releasedBy('resident-1', 'moved away')]);
  });

  it("does not let a resident release someone else's claim", () => {
    task
      .given([lightBulb, claimed('resident-1')])
      .when(release('resident-1'), asResident('resident-2'))
      .thenError('forbidden');
  });

  it('keeps a verified claim', () => {
    const done = [lightBulb, claimed('resident-1'), submitted('resident-1'), verified('resident-1')];
    task.given(done).when(release(), asResident('resident-1')).thenError('invalid-transition');
    task.given([lightBulb]).when(release(), asResident('resident-1')).thenError('not-found');
  });

  it('lets staff cancel an unfinished task, after which it takes no command', () => {
    const cancelled: TaskEvent = { type: 'TaskCancelled', data: cancel.data };
    task
      .given([lightBulb, claimed('resident-1')])
      .when(cancel, asStaff)
      .then([cancelled]);
    task.given([lightBulb]).when(cancel, asResident('resident-1')).thenError('forbidden');
    const after = [lightBulb, claimed('resident-1'), cancelled];
    task
      .given(after)
      .when({ type: 'SubmitProof', data: { taskId: 'bulb-1', proof } }, asResident('resident-1'))
      .thenError('invalid-transition');
    task
      .given([lightBulb, cancelled])
      .when({ type: 'ClaimTask', data: { taskId: 'bulb-1' } }, asResident('resident-2'))
      .thenError('invalid-transition');
    task.given([lightBulb, cancelled]).when(cancel, asStaff).thenError('invalid-transition');
  });

  it('cannot cancel a task whose every slot is verified', () => {
    const done = [lightBulb, claimed('resident-1'), submitted('resident-1'), verified('resident-1')];
    task.given(done).when(cancel, asStaff).thenError('invalid-transition');
  });

  it('expires at the deadline, not before, and ends the open claims', () => {
    const expired: TaskEvent = { type: 'TaskExpired', data: { taskId: 'bulb-1' } };
    task
      .given([lightBulb, claimed('resident-1')])
      .when(expire, ctx(system, during))
      .thenError('invalid-transition');
    task
      .given([lightBulb, claimed('resident-1')])
      .when(expire, ctx(system, deadline))
      .then([expired]);
    task.given([lightBulb, expired]).when(expire, ctx(system, deadline)).thenError('invalid-transition');

    const state = fold(taskAggregate.decider, [
      lightBulb,
      claimed('resident-1'),
      submitted('resident-1'),
      expired,
    ]);
    expect(state.status).toBe('expired');
    expect(state.status !== 'unpublished' && state.claims.size).toBe(0);
  });

  it('keeps verified claims on record when the task expires', () => {
    const expired: TaskEvent = { type: 'TaskExpired', data: { taskId: 'green-1' } };
    const history = [
      greening,
      claimed('resident-1', 'green-1'),
      submitted('resident-1', 'green-1'),
      verified('resident-1', 'green-1', 10),
      claimed('resident-2', 'green-1'),
    ];
    const state = fold(taskAggregate.decider, [...history, expired]);
    expect(state.status !== 'unpublished' && [...state.claims]).toEqual([['resident-1', 'verified']]);
  });
});
