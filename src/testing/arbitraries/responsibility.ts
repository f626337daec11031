import fc from 'fast-check';
import type { ProblemCommandInput } from '../../domain/problem/commands.js';
import type { Assignee } from '../../domain/problem/responsibility-events.js';
import type { ActorInput } from '../scenarios/task-world.js';
import { defaultResponsibilityWorld, type ResponsibilityWorld } from '../scenarios/responsibility-world.js';

/** A responsible body of the world: a person, a department or a company. */
export const assigneeArb = (
  world: ResponsibilityWorld = defaultResponsibilityWorld,
): fc.Arbitrary<Assignee> =>
  fc.oneof(
    fc.constantFrom(...world.people).map((personId): Assignee => ({ kind: 'person', personId })),
    fc
      .constantFrom(...world.departments, ...world.companies)
      .map((organisationId): Assignee => ({ kind: 'organisation', organisationId })),
  );

/** A role for an assignment: left out (the category's), or one of the seed's roles, fitting or not. */
export const responsibleRoleArb = (
  world: ResponsibilityWorld = defaultResponsibilityWorld,
): fc.Arbitrary<string | undefined> =>
  fc.option(
    fc.oneof(
      fc.constantFrom('dedicated-cadre', 'community-secretary', 'property-company', 'grid-worker'),
      fc.constantFrom(...world.departments).map((id) => `department:${id}`),
    ),
    { nil: undefined, freq: 2 },
  );

/** Any responsibility command on `problemId`; `dueBy` is one of a few instants around `now`. */
export const responsibilityCommandArb = (
  problemId: string,
  dueBys: readonly string[],
  world: ResponsibilityWorld = defaultResponsibilityWorld,
): fc.Arbitrary<ProblemCommandInput> =>
  fc.oneof(
    fc
      .record({ assignee: assigneeArb(world), role: responsibleRoleArb(world) })
      .map(({ assignee, role }) => ({
        type: 'AssignProblem' as const,
        data: { problemId, assignee, ...(role === undefined ? {} : { role }) },
      })),
    fc
      .record({ assignee: assigneeArb(world), role: responsibleRoleArb(world), backup: fc.boolean() })
      .map(({ assignee, role, backup }) => ({
        type: 'ReassignProblem' as const,
        data: {
          problemId,
          assignee,
          reason: 'the rota changed',
          backup,
          ...(role === undefined ? {} : { role }),
        },
      })),
    fc.constantFrom(...dueBys).map((dueBy) => ({
      type: 'PlanMeasures' as const,
      data: { problemId, measures: 'Visit and report back', dueBy },
    })),
    fc.constant({ type: 'RespondAsDepartment' as const, data: { problemId } }),
    fc.constant({ type: 'FileWithStreet' as const, data: { problemId } }),
  );

/** Who might act on a problem's responsibility: its staff, the departments, the people, the system. */
export const responsibilityActorArb = (
  world: ResponsibilityWorld = defaultResponsibilityWorld,
): fc.Arbitrary<ActorInput> =>
  fc.oneof(
    fc.constant<ActorInput>({ id: 'gw-1', role: 'grid-worker', scope: [world.grid] }),
    fc.constant<ActorInput>({ id: 'cs-1', role: 'community-staff', scope: [world.community] }),
    fc.constant<ActorInput>({ id: 'so-1', role: 'street-official', scope: [world.street] }),
    fc
      .constantFrom(...world.departments)
      .map((id): ActorInput => ({ id: `dept-${id}`, role: 'department', scope: [id] })),
    fc.constantFrom(...world.people).map((id): ActorInput => ({ id, role: 'resident' })),
    fc.constant<ActorInput>({ id: 'system', role: 'system', scope: ['*'] }),
  );
