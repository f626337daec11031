import { responsibilityFor, DEFAULT_RESPONSIBILITY } from '../domain/problem/responsibility-routes.js';
import { ALL_UNITS } from '../domain/shared/actors.js';
import { staffActor } from './actors.js';
import { HOUR } from './clock.js';
import type { Commander } from './commander.js';
import type { District } from './district.js';
import type { SimProblem } from './problems.js';
import type { Random } from './random.js';
import type { World } from './world.js';

/** The department organisation of each department actor of the district (its id is in the actor's scope). */
export const DEPARTMENT_ORGANISATIONS = {
  water: 'water-resources',
  forestry: 'forestry',
  transport: 'transport',
  urban: 'urban-management',
} as const satisfies Readonly<Record<keyof District['departments'], string>>;

/** The department that answers for a category, as the problem simulation's departments act. */
const departmentFor = (category: string): keyof District['departments'] => {
  if (category === 'river-works' || category === 'drinking-water') return 'water';
  if (category === 'forest-fire-road') return 'forestry';
  return category === 'road-widening' ? 'transport' : 'urban';
};

/** Registers the district's departments as organisations, as the deployment's administrator. */
export const buildDepartments = async (commander: Commander, at: number): Promise<void> => {
  const administrator = staffActor('district-admin', 'administrator', [ALL_UNITS]);
  for (const [key, organisationId] of Object.entries(DEPARTMENT_ORGANISATIONS)) {
    await commander.run(
      {
        type: 'RegisterOrganisation',
        data: { organisationId, kind: 'department', name: `${key} department` },
      },
      administrator,
      at,
    );
  }
};

/** The odds that a policy question passes to the B post of the A/B rota (a default of the demo, not a seed fact). */
const BACKUP_ODDS = 0.1;

/**
 * Names who answers for each problem when a tier takes it on: the secretary for the property matters the
 * community files with the street, a dedicated cadre for policy questions (sometimes covered by the B post),
 * and the department for works beyond the street, which reports (报到) a few hours after the street whistles.
 */
export class ResponsibilitySimulation {
  constructor(
    private readonly world: World,
    private readonly random: Random,
  ) {}

  /** Hears of a problem just triaged to its tier at `at`. */
  onTriaged(problem: SimProblem, at: number): void {
    const route = responsibilityFor(DEFAULT_RESPONSIBILITY, problem.category);
    const { agenda } = this.world;
    if (problem.tier === 'community' && route.role === 'community-secretary') {
      agenda.at(at + 0.5 * HOUR, () => this.secretaryFiles(problem));
    } else if (problem.tier === 'community' && route.role === 'dedicated-cadre') {
      agenda.at(at + 0.5 * HOUR, () => this.cadreAnswers(problem));
    } else if (problem.tier === 'department') {
      agenda.at(at + HOUR, () => this.streetWhistles(problem));
    }
  }

  private async secretaryFiles(problem: SimProblem): Promise<void> {
    const { commander, agenda } = this.world;
    const secretary = problem.community.staff[0];
    if (secretary === undefined || problem.tier !== 'community') return;
    const { problemId } = problem;
    const now = agenda.now;
    const assignee = { kind: 'person' as const, personId: secretary.id };
    if (
      (await commander.run(
        { type: 'AssignProblem', data: { problemId, assignee } },
        secretary,
        now,
        problemId,
      )) === undefined
    )
      return;
    const dueBy = new Date(now + 48 * HOUR).toISOString();
    const measures = 'Coordinate with the property company; raise it at the joint meeting';
    await commander.run(
      { type: 'PlanMeasures', data: { problemId, measures, dueBy } },
      secretary,
      now,
      problemId,
    );
    await commander.run({ type: 'FileWithStreet', data: { problemId } }, secretary, now, problemId);
  }

  private async cadreAnswers(problem: SimProblem): Promise<void> {
    const { commander, agenda } = this.world;
    const [secretary, cadreA, cadreB] = problem.community.staff;
    if (secretary === undefined || problem.tier !== 'community') return;
    // The A post is a dedicated cadre; the B post another cadre, or the secretary in a small community.
    const a = cadreA ?? secretary;
    const b = cadreB ?? secretary;
    const { problemId } = problem;
    const now = agenda.now;
    const assigned = await commander.run(
      { type: 'AssignProblem', data: { problemId, assignee: { kind: 'person', personId: a.id } } },
      secretary,
      now,
      problemId,
    );
    if (assigned === undefined || a === b || !this.random.chance(BACKUP_ODDS)) return;
    agenda.at(now + 2 * HOUR, async () => {
      if (problem.tier !== 'community') return;
      await commander.run(
        {
          type: 'ReassignProblem',
          data: {
            problemId,
            assignee: { kind: 'person', personId: b.id },
            reason: 'A post on a home visit',
            backup: true,
          },
        },
        secretary,
        this.world.agenda.now,
        problemId,
      );
    });
  }

  private async streetWhistles(problem: SimProblem): Promise<void> {
    const { commander, agenda, district } = this.world;
    const official = this.random.pick(district.officials);
    const key = departmentFor(problem.category);
    const { problemId } = problem;
    const organisationId = DEPARTMENT_ORGANISATIONS[key];
    const assigned = await commander.run(
      { type: 'AssignProblem', data: { problemId, assignee: { kind: 'organisation', organisationId } } },
      official,
      agenda.now,
      problemId,
    );
    if (assigned === undefined) return;
    // The department reports within a working day or two: well before the earliest resolution of its works.
    agenda.at(agenda.now + this.random.float(1, 30) * HOUR, async () => {
      await commander.run(
        { type: 'RespondAsDepartment', data: { problemId } },
        district.departments[key],
        this.world.agenda.now,
        problemId,
      );
    });
  }
}
