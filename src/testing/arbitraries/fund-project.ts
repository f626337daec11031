import fc from 'fast-check';
import type { FundProjectCommandInput } from '../../domain/fund-project/commands.js';
import { defaultFundWorld, fundStaff, type FundWorld } from '../scenarios/fund-world.js';
import { instantAfter, type ActorInput } from '../scenarios/task-world.js';
import {
  contributorArb,
  decisionRefArb,
  fenArb,
  fundActorArb,
  fundResidentActorArb,
  fundStaffActorArb,
  fundSupervisorActorArb,
  type FundAction,
  type FundCommandStep,
} from './fund-basics.js';
import { advanceArb } from './task.js';

type Data<T extends FundProjectCommandInput['type']> = Extract<FundProjectCommandInput, { type: T }>['data'];

/** `SolicitFundProject` data for `projectId` in the world, with or without a proposer named. */
export const solicitFundProjectDataArb = (
  projectId: string,
  world: FundWorld = defaultFundWorld,
): fc.Arbitrary<Data<'SolicitFundProject'>> =>
  fc
    .record({
      title: fc.constantFrom('Shared garden', 'Charging sheds', 'Elderly canteen', 'Stairwell lights'),
      proposer: fc.option(fc.constantFrom(...world.residents), { nil: undefined }),
      requestedFen: fenArb(1_000, 200_000),
      beneficiaries: fc.option(fc.integer({ min: 10, max: 5_000 }), { nil: undefined }),
    })
    .map((r) => ({
      projectId,
      street: world.street,
      community: world.community,
      fundYear: world.fundYear,
      title: r.title,
      need: `residents asked for: ${r.title.toLowerCase()}`,
      requestedFen: r.requestedFen,
      ...(r.proposer === undefined ? {} : { proposerId: r.proposer }),
      ...(r.beneficiaries === undefined ? {} : { beneficiaries: r.beneficiaries }),
    }));

const idArb = (prefix: string): fc.Arbitrary<string> =>
  fc.integer({ min: 1, max: 4 }).map((n) => `${prefix}-${n}`);

/** Every FundProject command on `projectId`, each with the kind of actor who would plausibly send it. */
const fundCommandArbs = (projectId: string, world: FundWorld) => {
  const staff = fundStaffActorArb(world);
  const pair = <T extends FundProjectCommandInput['type']>(
    type: T,
    data: fc.Arbitrary<Data<T>>,
    actor: fc.Arbitrary<ActorInput> = staff,
  ): fc.Arbitrary<[FundProjectCommandInput, ActorInput]> =>
    fc.tuple(
      data.map((d) => ({ type, data: d }) as FundProjectCommandInput),
      actor,
    );
  return {
    solicit: pair('SolicitFundProject', solicitFundProjectDataArb(projectId, world), fundActorArb(world)),
    decide: pair(
      'DecideFundProject',
      fc.record({
        projectId: fc.constant(projectId),
        approvedFen: fenArb(1_000, 200_000),
        decision: decisionRefArb,
      }),
    ),
    decline: pair(
      'DeclineFundProject',
      fc.record({
        projectId: fc.constant(projectId),
        decision: decisionRefArb,
        reason: fc.constant('outside the fund rules'),
      }),
    ),
    amend: pair(
      'AmendFundBudget',
      fc.record({
        projectId: fc.constant(projectId),
        approvedFen: fenArb(1_000, 300_000),
        decision: decisionRefArb,
        reason: fc.constant('prices rose'),
      }),
    ),
    start: pair(
      'StartFundImplementation',
      fc
        .option(fc.constantFrom(...world.organisations), { nil: undefined })
        .map((org) => (org === undefined ? { projectId } : { projectId, organisationId: org })),
    ),
    milestone: pair(
      'ReportFundMilestone',
      idArb('milestone').map((milestoneId) => ({ projectId, milestoneId, description: 'materials bought' })),
    ),
    spend: pair(
      'ReportFundSpending',
      fc
        .record({
          spendingId: idArb('spending'),
          amountFen: fenArb(100, 80_000),
          milestoneId: fc.option(idArb('milestone'), { nil: undefined, freq: 3 }),
        })
        .map((r) => ({
          projectId,
          spendingId: r.spendingId,
          amountFen: r.amountFen,
          purpose: 'materials and labour',
          ...(r.milestoneId === undefined ? {} : { milestoneId: r.milestoneId }),
        })),
    ),
    contribute: pair(
      'RecordFundContribution',
      fc
        .record({
          contributionId: idArb('contribution'),
          contributor: contributorArb(world),
          moneyFen: fc.oneof(fc.constant(0), fenArb(100, 50_000)),
          labourHours: fc.integer({ min: 0, max: 400 }),
        })
        .map((r) => ({
          projectId,
          ...r,
          description: 'co-funding',
        })),
    ),
    complete: pair('CompleteFundImplementation', fc.constant({ projectId })),
    evaluate: pair(
      'EvaluateFundProject',
      fc.integer({ min: 1, max: 5 }).map((score) => ({ projectId, score })),
      fundResidentActorArb(world),
    ),
    supervise: pair(
      'RecordFundSupervision',
      fc
        .record({
          findingId: idArb('finding'),
          severity: fc.constantFrom('note' as const, 'concern' as const, 'breach' as const),
        })
        .map((r) => ({
          projectId,
          ...r,
          finding: 'receipts checked against the ledger',
        })),
      fundSupervisorActorArb(world),
    ),
    close: pair('CloseFundProject', fc.constant({ projectId })),
  };
};

const toAction = (
  [command, actor]: [FundProjectCommandInput, ActorInput],
  advanceMinutes: number,
): FundAction<FundProjectCommandInput> => ({
  command,
  actor,
  advanceMinutes,
});

/** A random action on fund project `projectId`, any command in any order (most out of order are refused). */
export const fundProjectActionArb = (
  projectId: string,
  world: FundWorld = defaultFundWorld,
): fc.Arbitrary<FundAction<FundProjectCommandInput>> =>
  fc
    .tuple(fc.oneof(...Object.values(fundCommandArbs(projectId, world))), advanceArb)
    .map(([pair, minutes]) => toAction(pair, minutes));

/**
 * The five steps in order from a decision on, cut short at a random point: decided, implementation started,
 * a few spendings and contributions, completed, evaluated, supervised, closed. Random single actions are so
 * rarely in the right order that histories would hardly get past the decision; journeys carry them on.
 */
export const fundProjectJourneyArb = (
  projectId: string,
  world: FundWorld = defaultFundWorld,
): fc.Arbitrary<FundAction<FundProjectCommandInput>[]> => {
  const c = fundCommandArbs(projectId, world);
  const few = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T[]> => fc.array(arb, { maxLength: 3 });
  return fc
    .record({
      head: fc.tuple(c.decide, c.start),
      middle: few(fc.oneof(c.spend, c.milestone, c.contribute, c.amend, c.supervise)),
      tail: fc.tuple(c.complete, fc.array(c.evaluate, { maxLength: 3 }), c.close),
      length: fc.integer({ min: 1, max: 12 }),
      gaps: fc.array(fc.integer({ min: 0, max: 48 * 60 }), { minLength: 12, maxLength: 12 }),
    })
    .map(({ head, middle, tail, length, gaps }) =>
      [...head, ...middle, tail[0], ...tail[1], tail[2]]
        .slice(0, length)
        .map((pair, i) => toAction(pair, gaps[i] ?? 0)),
    );
};

/** A stretch of a project's life: mostly one random action, sometimes a journey through the steps. */
export const fundProjectEpisodeArb = (
  projectId: string,
  world: FundWorld = defaultFundWorld,
): fc.Arbitrary<FundAction<FundProjectCommandInput>[]> =>
  fc.oneof(
    { weight: 2, arbitrary: fundProjectActionArb(projectId, world).map((action) => [action]) },
    { weight: 1, arbitrary: fundProjectJourneyArb(projectId, world) },
  );

/** Options of {@link fundProjectStepsArb}. */
export interface FundProjectStepsOptions {
  /** The projects the steps act on; default `['project-1']`. */
  readonly projectIds?: readonly string[];
  /** The most episodes after the projects are solicited; default 15. */
  readonly maxEpisodes?: number;
}

/**
 * A timeline of fund commands: each project is first solicited by fund staff at the epoch, then random
 * episodes follow on random projects, time moving forward. Command ids are unique within the timeline.
 */
export const fundProjectStepsArb = (
  world: FundWorld = defaultFundWorld,
  options: FundProjectStepsOptions = {},
): fc.Arbitrary<FundCommandStep<FundProjectCommandInput>[]> => {
  const projectIds = options.projectIds ?? ['project-1'];
  const solicits = fc.tuple(...projectIds.map((id) => solicitFundProjectDataArb(id, world)));
  const episodes = fc.array(
    fc.constantFrom(...projectIds).chain((id) => fundProjectEpisodeArb(id, world)),
    { maxLength: options.maxEpisodes ?? 15, size: 'medium' },
  );
  return fc.tuple(solicits, episodes).map(([first, random]) => {
    let minutes = 0;
    const steps: FundCommandStep<FundProjectCommandInput>[] = first.map((data, i) => ({
      command: { type: 'SolicitFundProject', data },
      context: { actor: fundStaff(world), now: world.epoch, commandId: `solicit-${projectIds[i] ?? i}` },
    }));
    random.flat().forEach((action, i) => {
      minutes += action.advanceMinutes;
      steps.push({
        command: action.command,
        context: { actor: action.actor, now: instantAfter(world, minutes), commandId: `fund-step-${i}` },
      });
    });
    return steps;
  });
};
