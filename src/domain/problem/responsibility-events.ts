import { z } from 'zod';
import { IdSchema } from '../shared/ids.js';
import { TierSchema } from '../shared/tiers.js';
import { InstantSchema } from '../shared/time.js';

/** Who answers for a problem: a named person (a cadre, the secretary) or an organisation (a company, a department). */
export const AssigneeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), personId: IdSchema }),
  z.object({ kind: z.literal('organisation'), organisationId: IdSchema }),
]);

/** Who answers for a problem (see {@link AssigneeSchema}). */
export type Assignee = z.infer<typeof AssigneeSchema>;

/** The prefix of a department's role: `department:<organisation id>` names the department that answers. */
export const DEPARTMENT_ROLE_PREFIX = 'department:';

/**
 * The role in which an assignee answers (责任主体): a slug such as `dedicated-cadre`, `community-secretary`,
 * `grid-worker`, `community-staff`, `property-company`, or `department:<id>` for a government department.
 */
export const ResponsibleRoleSchema = z
  .string()
  .min(1)
  .max(160)
  .regex(
    /^(?:department:[A-Za-z0-9._:-]+|[a-z0-9]+(?:-[a-z0-9]+)*)$/,
    'a role is a slug (dedicated-cadre) or department:<id>',
  );

/** The roles whose assignee is an organisation; a `department:<id>` is one too, and must be that department. */
export const ORGANISATION_ROLES: readonly string[] = [
  'property-company',
  'owners-committee',
  'social-organisation',
];

/** The roles whose assignee is a named person. Other slugs a host adds take either kind. */
export const PERSON_ROLES: readonly string[] = [
  'dedicated-cadre',
  'community-secretary',
  'grid-worker',
  'community-staff',
];

/** The department a role names (`department:water-bureau` names `water-bureau`), or undefined. */
export const departmentOfRole = (role: string): string | undefined =>
  role.startsWith(DEPARTMENT_ROLE_PREFIX) ? role.slice(DEPARTMENT_ROLE_PREFIX.length) : undefined;

/** The id an assignee is known by (person or organisation id). */
export const assigneeId = (assignee: Assignee): string =>
  assignee.kind === 'person' ? assignee.personId : assignee.organisationId;

/** Why a role does not suit its assignee, or undefined when it does: shared by commands and events. */
export const assigneeRoleMismatch = (assignee: Assignee, role: string): string | undefined => {
  const department = departmentOfRole(role);
  if (department !== undefined) {
    return assignee.kind === 'organisation' && assignee.organisationId === department
      ? undefined
      : `the role ${role} is answered by the organisation ${department} itself`;
  }
  if (ORGANISATION_ROLES.includes(role) && assignee.kind !== 'organisation') {
    return `the role ${role} is an organisation's`;
  }
  if (PERSON_ROLES.includes(role) && assignee.kind !== 'person')
    return `the role ${role} is a named person's`;
  return undefined;
};

const roleRule = (value: { assignee: Assignee; role: string }, ctx: z.RefinementCtx): void => {
  const mismatch = assigneeRoleMismatch(value.assignee, value.role);
  if (mismatch !== undefined) ctx.addIssue({ code: 'custom', path: ['role'], message: mismatch });
};

/** Free text of the responsibility events (measures, reasons, notes); hosts keep personal data out of it. */
export const ResponsibilityTextSchema = z.string().trim().min(1).max(2000);

/** The data of the responsibility events of a problem (issue 15): who answers, with what measures, by when. */
export const responsibilityEventSchemas = {
  /** The problem was given to a responsible body (person or organisation) in a role, at the tier holding it. */
  ProblemAssigned: z
    .object({ problemId: IdSchema, assignee: AssigneeSchema, role: ResponsibleRoleSchema, tier: TierSchema })
    .superRefine(roleRule),
  /** The measures the responsible body will take, and the time limit it sets itself (措施, 时限). */
  MeasuresPlanned: z.object({
    problemId: IdSchema,
    measures: ResponsibilityTextSchema,
    dueBy: InstantSchema,
  }),
  /**
   * The problem was handed to another responsible body; `backup` marks the A/B rota's B post covering for A
   * (the "221" backup), as opposed to a reassignment on the merits.
   */
  ProblemReassigned: z
    .object({
      problemId: IdSchema,
      from: AssigneeSchema,
      assignee: AssigneeSchema,
      role: ResponsibleRoleSchema,
      reason: ResponsibilityTextSchema,
      backup: z.boolean(),
    })
    .superRefine(roleRule),
  /** The department assigned the problem answered the street's whistle (报到), at `respondedAt`. */
  DepartmentResponded: z.object({ problemId: IdSchema, departmentId: IdSchema, respondedAt: InstantSchema }),
  /** The community filed the problem with its street for the record (备案); the tier holding it does not change. */
  ProblemFiledWithStreet: z.object({
    problemId: IdSchema,
    streetId: IdSchema,
    tier: TierSchema,
    note: ResponsibilityTextSchema.optional(),
  }),
};

/** The data of the responsibility commands: who acts and when come from the context. */
export const responsibilityCommandSchemas = {
  /** Names the responsible body of an open problem; `role` defaults from the category's route. */
  AssignProblem: z.object({
    problemId: IdSchema,
    assignee: AssigneeSchema,
    role: ResponsibleRoleSchema.optional(),
  }),
  /** Records the measures and the time limit of the responsible body. */
  PlanMeasures: z.object({ problemId: IdSchema, measures: ResponsibilityTextSchema, dueBy: InstantSchema }),
  /** Hands the problem to another responsible body, with a reason; `backup` for the A/B rota. */
  ReassignProblem: z.object({
    problemId: IdSchema,
    assignee: AssigneeSchema,
    role: ResponsibleRoleSchema.optional(),
    reason: ResponsibilityTextSchema,
    backup: z.boolean().default(false),
  }),
  /** The acting department reports to the problem assigned to it (报到). */
  RespondAsDepartment: z.object({ problemId: IdSchema }),
  /** Files a problem the community keeps with its street (备案). */
  FileWithStreet: z.object({ problemId: IdSchema, note: ResponsibilityTextSchema.optional() }),
};
