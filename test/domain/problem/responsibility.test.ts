/**
 * Named responsibility (S4 L37: nature, measures, time limit, responsible body), the departments' response to
 * the street's whistle (S2 L32) and filing with the street (备案), against the Problem decider.
 */
import { describe, it } from 'vitest';
import { problemAggregate, type ProblemEvent } from '../../../src/domain/problem/index.js';
import type { Tier } from '../../../src/domain/shared/tiers.js';
import { spec } from '../../../src/testing/spec.js';
import {
  by,
  communityStaffA,
  escalated,
  gridWorkerA,
  hoursAfter,
  NOW,
  P,
  reported,
  resolved,
  streetOfficial,
  triaged,
} from './fixtures.js';

const problem = spec(problemAggregate);
const person = (personId: string) => ({ kind: 'person' as const, personId });
const organisation = (organisationId: string) => ({ kind: 'organisation' as const, organisationId });
const assigned = (
  assignee: ReturnType<typeof person> | ReturnType<typeof organisation>,
  role: string,
  tier: Tier,
): ProblemEvent => ({ type: 'ProblemAssigned', data: { problemId: P, assignee, role, tier } });
const water = { id: 'dept-water', role: 'department' as const, scope: ['water-bureau'] };
const forestry = { id: 'dept-forest', role: 'department' as const, scope: ['forestry-bureau'] };

describe("Longtanzi's five routes name the right kind of responsible body", () => {
  const routes = [
    ['neighbour-dispute', 'grid', gridWorkerA, person('gw-a'), 'grid-worker'],
    ['septic-tank', 'community', communityStaffA, person('cs-a'), 'community-staff'],
    ['pension', 'community', communityStaffA, person('cadre-li'), 'dedicated-cadre'],
    ['drinking-water', 'community', communityStaffA, person('secretary-wang'), 'community-secretary'],
    ['river-works', 'department', streetOfficial, organisation('water-bureau'), 'department:water-bureau'],
  ] as const;
  for (const [category, tier, actor, assignee, role] of routes) {
    it(`${category}: ${role}`, () => {
      problem
        .given([reported({ category }), triaged(tier, category)])
        .when({ type: 'AssignProblem', data: { problemId: P, assignee } }, by(actor))
        .then([assigned(assignee, role, tier)]);
    });
  }

  it('refuses a policy question given to an organisation, and a department given to a person', () => {
    problem
      .given([reported({ category: 'employment' }), triaged('community', 'employment')])
      .when(
        { type: 'AssignProblem', data: { problemId: P, assignee: organisation('job-centre') } },
        by(communityStaffA),
      )
      .thenError('invalid-command');
    problem
      .given([reported({ category: 'river-works' }), triaged('department', 'river-works')])
      .when(
        { type: 'AssignProblem', data: { problemId: P, assignee: person('engineer-1') } },
        by(streetOfficial),
      )
      .thenError('invalid-command');
  });

  it('assigns once, by staff holding the problem, and only while it is open', () => {
    const history = [reported(), triaged('grid')];
    const assign = { type: 'AssignProblem' as const, data: { problemId: P, assignee: person('gw-a') } };
    problem.given([reported()]).when(assign, by(gridWorkerA)).thenError('invalid-transition');
    problem
      .given(history)
      .when(assign, by({ id: 'res-1', role: 'resident' }))
      .thenError('forbidden');
    problem
      .given(history)
      .when(assign, by({ id: 'policy', role: 'system', scope: ['*'] }))
      .thenError('forbidden');
    problem
      .given([...history, assigned(person('gw-a'), 'grid-worker', 'grid')])
      .when(assign, by(gridWorkerA))
      .thenError('invalid-transition');
    problem
      .given([...history, resolved('grid')])
      .when(assign, by(gridWorkerA))
      .thenError('invalid-transition');
  });
});

describe('reassignment and measures', () => {
  const history = [
    reported({ category: 'pension' }),
    triaged('community', 'pension'),
    assigned(person('cadre-a'), 'dedicated-cadre', 'community'),
  ];

  it('hands the problem to the B post of the A/B rota, with the reason', () => {
    problem
      .given(history)
      .when(
        {
          type: 'ReassignProblem',
          data: { problemId: P, assignee: person('cadre-b'), reason: 'A on leave', backup: true },
        },
        by(communityStaffA),
      )
      .then([
        {
          type: 'ProblemReassigned',
          data: {
            problemId: P,
            from: person('cadre-a'),
            assignee: person('cadre-b'),
            role: 'dedicated-cadre',
            reason: 'A on leave',
            backup: true,
          },
        },
      ]);
    problem
      .given(history)
      .when(
        { type: 'ReassignProblem', data: { problemId: P, assignee: person('cadre-a'), reason: 'again' } },
        by(communityStaffA),
      )
      .thenError('invalid-command');
    problem
      .given(history.slice(0, 2))
      .when(
        { type: 'ReassignProblem', data: { problemId: P, assignee: person('cadre-b'), reason: 'first' } },
        by(communityStaffA),
      )
      .thenError('invalid-transition');
  });

  it('lets the assignee plan its measures and time limit, and no one else outside the tier', () => {
    const plan = {
      type: 'PlanMeasures' as const,
      data: { problemId: P, measures: 'Visit the family with the forms', dueBy: hoursAfter(NOW, 48) },
    };
    problem
      .given(history)
      .when(plan, by({ id: 'cadre-a', role: 'resident' }))
      .then([{ type: 'MeasuresPlanned', data: plan.data }]);
    problem
      .given(history)
      .when(plan, by({ id: 'cadre-b', role: 'resident' }))
      .thenError('forbidden');
    problem
      .given(history)
      .when({ ...plan, data: { ...plan.data, dueBy: NOW } }, by(communityStaffA))
      .thenError('invalid-command');
  });
});

describe('departments answer the whistle for what is assigned to them', () => {
  const history = [
    reported({ category: 'road-widening' }),
    triaged('street', 'road-widening'),
    escalated('street', 'department'),
    assigned(organisation('water-bureau'), 'department:water-bureau', 'department'),
  ];
  const respond = { type: 'RespondAsDepartment' as const, data: { problemId: P } };
  const responded: ProblemEvent = {
    type: 'DepartmentResponded',
    data: { problemId: P, departmentId: 'water-bureau', respondedAt: hoursAfter(NOW, 3) },
  };

  it('records the response of the department assigned, with its time', () => {
    problem
      .given(history)
      .when(respond, by(water, hoursAfter(NOW, 3)))
      .then([responded]);
  });

  it('refuses another department, a second response, and a problem no department holds', () => {
    problem.given(history).when(respond, by(forestry)).thenError('forbidden');
    problem
      .given(history)
      .when(respond, by({ ...water, role: 'resident' }))
      .thenError('forbidden');
    problem
      .given([...history, responded])
      .when(respond, by(water))
      .thenError('already-exists');
    problem.given(history.slice(0, 3)).when(respond, by(water)).thenError('invalid-transition');
  });

  it('expects a new response after a reassignment to another department', () => {
    const moved: ProblemEvent = {
      type: 'ProblemReassigned',
      data: {
        problemId: P,
        from: organisation('water-bureau'),
        assignee: organisation('forestry-bureau'),
        role: 'department:forestry-bureau',
        reason: 'forest road',
        backup: false,
      },
    };
    problem
      .given([...history, responded, moved])
      .when(respond, by(forestry, hoursAfter(NOW, 5)))
      .then([
        {
          type: 'DepartmentResponded',
          data: { problemId: P, departmentId: 'forestry-bureau', respondedAt: hoursAfter(NOW, 5) },
        },
      ]);
  });
});

describe('filing with the street (备案)', () => {
  const history = [
    reported({ category: 'property-management' }),
    triaged('community', 'property-management'),
  ];
  const file = { type: 'FileWithStreet' as const, data: { problemId: P, note: 'for the joint meeting' } };

  it('records the filing by community staff and leaves the tier with the community', () => {
    problem
      .given(history)
      .when(file, by(communityStaffA))
      .then([
        {
          type: 'ProblemFiledWithStreet',
          data: { problemId: P, streetId: 'longtanzi-st', tier: 'community', note: 'for the joint meeting' },
        },
      ]);
  });

  it('files once, only what the community holds, and only by its staff', () => {
    const filed: ProblemEvent = {
      type: 'ProblemFiledWithStreet',
      data: { problemId: P, streetId: 'longtanzi-st', tier: 'community' },
    };
    problem
      .given([...history, filed])
      .when(file, by(communityStaffA))
      .thenError('already-exists');
    problem
      .given([...history, escalated('community', 'street')])
      .when(file, by(communityStaffA))
      .thenError('invalid-transition');
    problem.given(history).when(file, by(streetOfficial)).thenError('forbidden');
    problem.given(history).when(file, by(gridWorkerA)).thenError('forbidden');
  });
});
