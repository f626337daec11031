import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { coversPath, type Actor } from '../shared/actors.js';
import type { MessagesOf } from '../shared/catalogue.js';
import type { CommandContext } from '../shared/context.js';
import { domainError, type DomainError, type ErrorCode } from '../shared/errors.js';
import type { Tier } from '../shared/tiers.js';
import { isAfter } from '../shared/time.js';
import type { ProblemEvent } from './events.js';
import { mayActForTier, reachesPath } from './permissions.js';
import {
  assigneeId,
  assigneeRoleMismatch,
  departmentOfRole,
  DEPARTMENT_ROLE_PREFIX,
  type Assignee,
  type responsibilityCommandSchemas,
} from './responsibility-events.js';
import {
  DEFAULT_RESPONSIBILITY,
  responsibilityFor,
  type ResponsibilityTable,
} from './responsibility-routes.js';
import { responsibilityOf } from './responsibility-state.js';
import type { ReportedProblem } from './state.js';

/** A responsibility command of a problem, as parsed. */
export type ResponsibilityCommand = MessagesOf<typeof responsibilityCommandSchemas>;

type Decision = Either<DomainError, readonly ProblemEvent[]>;

const refuse = (code: ErrorCode, message: string, details?: unknown): Decision =>
  left(domainError(code, message, details));

/** The role an assignment records: the one given, else the category's; a bare `department` names the assignee. */
const roleFor = (
  table: ResponsibilityTable,
  state: ReportedProblem,
  assignee: Assignee,
  given: string | undefined,
): Either<DomainError, string> => {
  const base = given ?? responsibilityFor(table, state.category).role;
  const role = base === 'department' ? `${DEPARTMENT_ROLE_PREFIX}${assigneeId(assignee)}` : base;
  const mismatch = assigneeRoleMismatch(assignee, role);
  return mismatch === undefined ? right(role) : left(domainError('invalid-command', mismatch, { role }));
};

/**
 * Assigning belongs to staff of the tier holding the problem or above; a department's problem is assigned by
 * the street that blew the whistle (街乡吹哨、部门报到), since departments do not assign themselves.
 */
const mayAssign = (actor: Actor, tier: Tier, state: ReportedProblem): boolean =>
  mayActForTier(actor, tier, state.path) ||
  (tier === 'department' && mayActForTier(actor, 'street', state.path));

/** True when the actor is the person, or acts for the department, the problem is assigned to now. */
const isAssignee = (actor: Pick<Actor, 'id' | 'role' | 'scope'>, state: ReportedProblem): boolean => {
  const { assignee, role } = responsibilityOf(state);
  if (assignee === undefined || actor.role === 'system') return false;
  if (assignee.kind === 'person') return assignee.personId === actor.id;
  const department = role === undefined ? undefined : departmentOfRole(role);
  return department !== undefined && actor.role === 'department' && coversPath(actor, [department]);
};

/**
 * Builds the decisions of the responsibility commands on an open problem (the Problem decider has already
 * answered `not-found` and a final status). Staff acting for the tier holding the problem assign, reassign
 * and plan measures; the assignee may plan its own measures; only the assigned department responds, and only
 * community staff file what the community keeps with the street.
 */
export const createResponsibilityDecider =
  (table: ResponsibilityTable = DEFAULT_RESPONSIBILITY) =>
  (state: ReportedProblem, command: ResponsibilityCommand, context: CommandContext): Decision => {
    const { actor } = context;
    const { problemId } = command.data;
    const tier = state.tier;
    if (state.status !== 'triaged' || tier === undefined) {
      return refuse(
        'invalid-transition',
        `a ${state.status} problem is not open: ${command.type} needs a triaged one`,
      );
    }
    const current = responsibilityOf(state);
    switch (command.type) {
      case 'AssignProblem':
      case 'ReassignProblem': {
        const from = current.assignee;
        if (command.type === 'AssignProblem' && from !== undefined) {
          return refuse('invalid-transition', 'the problem is assigned already; reassign it instead');
        }
        if (command.type === 'ReassignProblem' && from === undefined) {
          return refuse('invalid-transition', 'the problem is not assigned yet; assign it first');
        }
        if (!mayAssign(actor, tier, state)) {
          return refuse('forbidden', `only staff of the ${tier} tier or above may assign this problem`);
        }
        const { assignee } = command.data;
        const role = roleFor(table, state, assignee, command.data.role);
        if (role._tag === 'Left') return role;
        if (command.type === 'AssignProblem') {
          return right([{ type: 'ProblemAssigned', data: { problemId, assignee, role: role.right, tier } }]);
        }
        if (from !== undefined && assigneeId(from) === assigneeId(assignee) && current.role === role.right) {
          return refuse('invalid-command', `${assigneeId(assignee)} already answers for it as ${role.right}`);
        }
        const { reason, backup } = command.data;
        return right([
          {
            type: 'ProblemReassigned',
            data: { problemId, from: from as Assignee, assignee, role: role.right, reason, backup },
          },
        ]);
      }
      case 'PlanMeasures': {
        if (!mayActForTier(actor, tier, state.path) && !isAssignee(actor, state)) {
          return refuse('forbidden', 'only the assignee or staff holding the problem may plan its measures');
        }
        if (!isAfter(command.data.dueBy, context.now)) {
          return refuse('invalid-command', `dueBy ${command.data.dueBy} is not after now (${context.now})`);
        }
        const { measures, dueBy } = command.data;
        return right([{ type: 'MeasuresPlanned', data: { problemId, measures, dueBy } }]);
      }
      case 'RespondAsDepartment': {
        const department = current.role === undefined ? undefined : departmentOfRole(current.role);
        if (department === undefined)
          return refuse('invalid-transition', 'no department is assigned this problem');
        if (current.responded) return refuse('already-exists', `${department} has already responded`);
        if (!isAssignee(actor, state)) {
          return refuse('forbidden', `only the department ${department} responds to this problem`);
        }
        return right([
          {
            type: 'DepartmentResponded',
            data: { problemId, departmentId: department, respondedAt: context.now },
          },
        ]);
      }
      case 'FileWithStreet': {
        if (tier !== 'community') {
          return refuse(
            'invalid-transition',
            `the ${tier} tier holds it: only what the community keeps is filed`,
          );
        }
        if (current.filedWithStreet)
          return refuse('already-exists', 'the problem is filed with the street already');
        const staff = actor.role === 'community-staff' || actor.role === 'administrator';
        if (!staff || !reachesPath(actor, state.path)) {
          return refuse('forbidden', 'only community staff of the place file a problem with the street');
        }
        const { note } = command.data;
        return right([
          {
            type: 'ProblemFiledWithStreet',
            data: { problemId, streetId: state.path.street, tier, ...(note === undefined ? {} : { note }) },
          },
        ]);
      }
    }
  };
