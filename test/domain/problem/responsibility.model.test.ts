/** Responsibility on a problem, model-based: random assignments, measures, responses and filings by anyone. */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { CommandHandler } from '../../../src/commands/command-handler.js';
import {
  problemAggregate,
  type Assignee,
  type ProblemCommandInput,
} from '../../../src/domain/problem/index.js';
import type { ErrorCode } from '../../../src/domain/shared/errors.js';
import type { Tier } from '../../../src/domain/shared/tiers.js';
import { InMemoryEventStore } from '../../../src/store/memory.js';
import {
  responsibilityActorArb,
  responsibilityCommandArb,
} from '../../../src/testing/arbitraries/responsibility.js';
import { defaultResponsibilityWorld as world } from '../../../src/testing/scenarios/responsibility-world.js';
import type { ActorInput } from '../../../src/testing/scenarios/task-world.js';

const EPOCH = Date.parse('2026-05-01T00:00:00.000Z');
const at = (hours: number): string => new Date(EPOCH + hours * 3_600_000).toISOString();
const DUE_BYS = [at(0), at(30), at(500)];
const path = { street: world.street, community: world.community, grid: world.grid };

/** The categories of the five routes, with the tier triage gives them and the role their assignee takes. */
const ROUTES: Readonly<Record<string, { tier: Tier; role: string }>> = {
  'garbage-collection': { tier: 'grid', role: 'grid-worker' },
  'septic-tank': { tier: 'community', role: 'community-staff' },
  pension: { tier: 'community', role: 'dedicated-cadre' },
  'drinking-water': { tier: 'community', role: 'community-secretary' },
  'river-works': { tier: 'department', role: 'department' },
};
const RANK: Readonly<Record<string, number>> = {
  'grid-worker': 0,
  'community-staff': 1,
  'street-official': 2,
  department: 3,
};
const TIER_RANK: Readonly<Record<Tier, number>> = { grid: 0, community: 1, street: 2, department: 3 };

interface Model {
  readonly category: string;
  readonly tier: Tier;
  hours: number;
  assignee?: Assignee;
  role?: string;
  responded: boolean;
  filed: boolean;
}

interface Real {
  handler: CommandHandler;
  readonly accepted: Set<string>;
}

const idOf = (assignee: Assignee): string =>
  assignee.kind === 'person' ? assignee.personId : assignee.organisationId;

/** Staff of the tier or above whose scope reaches the place (departments reach everywhere). */
const actsFor = (actor: ActorInput, tier: Tier): boolean => {
  const rank = RANK[actor.role];
  if (rank === undefined || rank < TIER_RANK[tier]) return false;
  return (
    actor.role === 'department' || (actor.scope ?? []).some((unit) => Object.values(path).includes(unit))
  );
};

const roleFits = (assignee: Assignee, role: string): boolean => {
  if (role.startsWith('department:'))
    return assignee.kind === 'organisation' && `department:${assignee.organisationId}` === role;
  if (['property-company'].includes(role)) return assignee.kind === 'organisation';
  if (['dedicated-cadre', 'community-secretary', 'grid-worker', 'community-staff'].includes(role))
    return assignee.kind === 'person';
  return true;
};

type Expected = { readonly accept: string; readonly role?: string } | { readonly reject: ErrorCode };

const expected = (model: Model, command: ProblemCommandInput, actor: ActorInput): Expected => {
  const mayAssign = actsFor(actor, model.tier) || (model.tier === 'department' && actsFor(actor, 'street'));
  const department =
    model.role?.startsWith('department:') === true ? model.role.slice('department:'.length) : undefined;
  const isAssignee =
    model.assignee !== undefined &&
    actor.role !== 'system' &&
    (model.assignee.kind === 'person'
      ? model.assignee.personId === actor.id
      : department !== undefined && actor.role === 'department' && (actor.scope ?? []).includes(department));
  switch (command.type) {
    case 'AssignProblem':
    case 'ReassignProblem': {
      if ((command.type === 'AssignProblem') !== (model.assignee === undefined))
        return { reject: 'invalid-transition' };
      if (!mayAssign) return { reject: 'forbidden' };
      const base = command.data.role ?? ROUTES[model.category]!.role;
      const role = base === 'department' ? `department:${idOf(command.data.assignee)}` : base;
      if (!roleFits(command.data.assignee, role)) return { reject: 'invalid-command' };
      if (
        command.type === 'ReassignProblem' &&
        idOf(command.data.assignee) === idOf(model.assignee!) &&
        role === model.role
      ) {
        return { reject: 'invalid-command' };
      }
      return { accept: command.type === 'AssignProblem' ? 'ProblemAssigned' : 'ProblemReassigned', role };
    }
    case 'PlanMeasures':
      if (!actsFor(actor, model.tier) && !isAssignee) return { reject: 'forbidden' };
      return Date.parse(command.data.dueBy) > EPOCH + model.hours * 3_600_000
        ? { accept: 'MeasuresPlanned' }
        : { reject: 'invalid-command' };
    case 'RespondAsDepartment':
      if (department === undefined) return { reject: 'invalid-transition' };
      if (model.responded) return { reject: 'already-exists' };
      return isAssignee ? { accept: 'DepartmentResponded' } : { reject: 'forbidden' };
    case 'FileWithStreet':
      if (model.tier !== 'community') return { reject: 'invalid-transition' };
      if (model.filed) return { reject: 'already-exists' };
      return actor.role === 'community-staff'
        ? { accept: 'ProblemFiledWithStreet' }
        : { reject: 'forbidden' };
    default:
      throw new Error(`not a responsibility command: ${command.type}`);
  }
};

class Step implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly command: ProblemCommandInput,
    readonly actor: ActorInput,
  ) {}
  check(): boolean {
    return true;
  }
  async run(model: Model, real: Real): Promise<void> {
    model.hours += 1;
    const want = expected(model, this.command, this.actor);
    const result = await real.handler.handle(problemAggregate, this.command, {
      actor: this.actor,
      now: at(model.hours),
      commandId: `step-${model.hours}`,
    });
    if ('reject' in want) {
      expect(isLeft(result) && result.left.code).toBe(want.reject);
      return;
    }
    if (isLeft(result))
      throw new Error(`expected ${want.accept}, got ${result.left.code}: ${result.left.message}`);
    const [event] = result.right.events;
    expect(event?.type).toBe(want.accept);
    // Responsibility never moves the problem: the tier the events record is the one triage gave.
    if (event?.type === 'ProblemAssigned' || event?.type === 'ProblemFiledWithStreet')
      expect(event.data.tier).toBe(model.tier);
    real.accepted.add(want.accept);
    if (this.command.type === 'AssignProblem' || this.command.type === 'ReassignProblem') {
      model.assignee = this.command.data.assignee;
      model.role = want.role;
      model.responded = false;
    }
    if (want.accept === 'DepartmentResponded') model.responded = true;
    if (want.accept === 'ProblemFiledWithStreet') model.filed = true;
  }
  toString(): string {
    return `${this.actor.id}/${this.actor.role} ${this.command.type} ${JSON.stringify(this.command.data)}`;
  }
}

const stepArb = fc
  .tuple(responsibilityCommandArb('p-1', DUE_BYS, world), responsibilityActorArb(world))
  .map(([command, actor]) => new Step(command, actor));
// The street's whistle and a department's answer, drawn as pairs often enough for the model to meet them.
const whistleArb = fc.constantFrom(...world.departments).map(
  (id) =>
    new Step(
      {
        type: 'AssignProblem',
        data: { problemId: 'p-1', assignee: { kind: 'organisation', organisationId: id } },
      },
      { id: 'so-1', role: 'street-official', scope: [world.street] },
    ),
);
const reassignArb = fc.tuple(fc.constantFrom(...world.departments), fc.boolean()).map(
  ([id, backup]) =>
    new Step(
      {
        type: 'ReassignProblem',
        data: {
          problemId: 'p-1',
          assignee: { kind: 'organisation', organisationId: id },
          role: `department:${id}`,
          reason: 'the street hands it to another department',
          backup,
        },
      },
      { id: 'so-1', role: 'street-official', scope: [world.street] },
    ),
);
const answerArb = fc
  .constantFrom(...world.departments)
  .map(
    (id) =>
      new Step(
        { type: 'RespondAsDepartment', data: { problemId: 'p-1' } },
        { id: `dept-${id}`, role: 'department', scope: [id] },
      ),
  );

describe('Responsibility: model-based, through the CommandHandler', () => {
  it('agrees with the model for every category route and reaches every responsibility event', async () => {
    const accepted = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(ROUTES)),
        fc.commands([stepArb, stepArb, stepArb, whistleArb, reassignArb, answerArb], { maxCommands: 30 }),
        async (category, commands) => {
          const handler = new CommandHandler(new InMemoryEventStore());
          const triager = { id: 'so-1', role: 'street-official' as const, scope: [world.street] };
          for (const command of [
            {
              type: 'ReportProblem' as const,
              data: {
                problemId: 'p-1',
                path,
                category,
                description: 'seen on patrol',
                channel: 'patrol' as const,
              },
            },
            { type: 'TriageProblem' as const, data: { problemId: 'p-1' } },
          ]) {
            const result = await handler.handle(problemAggregate, command, {
              actor: triager,
              now: at(0),
              commandId: command.type,
            });
            if (isLeft(result)) throw new Error(result.left.message);
          }
          const model: Model = {
            category,
            tier: ROUTES[category]!.tier,
            hours: 0,
            responded: false,
            filed: false,
          };
          await fc.asyncModelRun(() => ({ model, real: { handler, accepted } }), commands);
        },
      ),
      { numRuns: 120 },
    );
    expect([...accepted].sort()).toEqual([
      'DepartmentResponded',
      'MeasuresPlanned',
      'ProblemAssigned',
      'ProblemFiledWithStreet',
      'ProblemReassigned',
    ]);
  });
});
