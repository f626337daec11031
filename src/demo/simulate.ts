import { DEFAULT_ROUTING, type RoutingTable } from '../domain/problem/routing.js';
import { Agenda } from './agenda.js';
import { DAYS_IN_YEAR, YEAR_START, dayStart, localInstant } from './clock.js';
import type { Commander } from './commander.js';
import type { District } from './district.js';
import { DEFAULT_PROBLEMS_PER_HOUSEHOLD, ProblemSimulation } from './problems.js';
import type { PointsMirror } from './points-mirror.js';
import type { Random } from './random.js';
import { RedemptionSimulation } from './redemptions.js';
import { RegisterChurn } from './register-churn.js';
import { TaskSimulation } from './tasks.js';
import { DeliberationSimulation } from './deliberation.js';
import { MeetingSimulation } from './meetings.js';
import { FundSimulation } from './funds.js';
import { PartnershipSimulation } from './partnerships.js';
import { scheduleOrganisationChanges } from './organisations.js';
import { ResponsibilitySimulation } from './responsibility.js';
import { HonoursSimulation } from './honours.js';

/** Options of {@link simulateYear}. */
export interface SimulateOptions {
  /** The routing table the facade was configured with; {@link DEFAULT_ROUTING} by default. */
  readonly routing?: RoutingTable;
  /** Problems reported per household per year. */
  readonly problemsPerHousehold?: number;
  /** Hears how far the year has got, once a month. */
  readonly progress?: (message: string) => void;
}

/** What a simulated year did, counted by the simulation itself. */
export interface YearCounts {
  readonly problemsReported: number;
  readonly tasksPublished: number;
  readonly claimsVerified: number;
  readonly redemptions: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Runs the simulated year 2026 over a district already recorded: every day's reports, every month's task
 * list, the quarterly redemption events and the register's changes, in simulated-time order. Each part
 * draws from its own generator derived from `random`, so the same seed replays the same year.
 */
export const simulateYear = async (
  commander: Commander,
  district: District,
  mirror: PointsMirror,
  random: Random,
  options: SimulateOptions = {},
): Promise<YearCounts> => {
  const agenda = new Agenda(YEAR_START);
  const world = { district, agenda, commander, routing: options.routing ?? DEFAULT_ROUTING };
  const tasks = new TaskSimulation(world, random.derive('tasks'));
  const responsibility = new ResponsibilitySimulation(world, random.derive('responsibility'));
  const problems = new ProblemSimulation(
    world,
    random.derive('problems'),
    { perHousehold: options.problemsPerHousehold ?? DEFAULT_PROBLEMS_PER_HOUSEHOLD },
    (problem, at) => {
      tasks.fromProblem(problem, at);
      responsibility.onTriaged(problem, at);
    },
  );
  const redemptions = new RedemptionSimulation(world, random.derive('redemptions'), mirror);
  new RegisterChurn(world, random.derive('register')).scheduleYear();
  redemptions.scheduleYear();
  new DeliberationSimulation(world, random.derive('proposals')).scheduleYear();
  new MeetingSimulation(world, random.derive('meetings')).scheduleYear();
  new FundSimulation(world, random.derive('funds')).scheduleYear();
  new PartnershipSimulation(world).scheduleYear();
  scheduleOrganisationChanges(world);
  new HonoursSimulation(world, random.derive('honours')).scheduleYear();
  for (let day = 0; day < DAYS_IN_YEAR; day++) agenda.at(dayStart(day), () => problems.scheduleDay(day));
  for (let month = 1; month <= 12; month++) tasks.scheduleMonth(month);

  for (let month = 1; month <= 12; month++) {
    await agenda.runUntil(month === 12 ? dayStart(DAYS_IN_YEAR) : localInstant(2026, month + 1, 1));
    options.progress?.(
      `${MONTHS[month - 1]} 2026: ${commander.commands.toLocaleString('en-US')} commands, ` +
        `${problems.reported.toLocaleString('en-US')} problems reported, ` +
        `${tasks.published.toLocaleString('en-US')} tasks published, ` +
        `${tasks.verified.toLocaleString('en-US')} claims verified`,
    );
  }
  return {
    problemsReported: problems.reported,
    tasksPublished: tasks.published,
    claimsVerified: tasks.verified,
    redemptions: redemptions.redeemed,
  };
};
