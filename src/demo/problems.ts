import type { ReportChannel } from '../domain/problem/events.js';
import { routeFor } from '../domain/problem/routing.js';
import type { Actor } from '../domain/shared/actors.js';
import { nextTier, type Tier } from '../domain/shared/tiers.js';
import type { UnitPath } from '../domain/shared/units.js';
import { DAY, HOUR, dayStart, duringWorkingHours, localTime } from './clock.js';
import { gridPath, householdPath, type Community, type Grid, type Household } from './district.js';
import {
  REOPEN_REASONS,
  RIDER_CATEGORIES,
  categoryMix,
  describe,
  escalationReason,
  resolutionText,
} from './problem-mix.js';
import type { Random } from './random.js';
import type { World } from './world.js';

/** A problem as the simulation follows it. */
export interface SimProblem {
  readonly problemId: string;
  readonly community: Community;
  readonly grid: Grid;
  readonly path: UnitPath;
  category: string;
  readonly reporter: Actor;
  /** The odds that the reporter rates the outcome: residents mostly do, riders seldom, staff on patrol never. */
  readonly rateOdds: number;
  tier: Tier;
  /** When the tier holding it must have solved it. */
  dueAt: number;
  escalated: boolean;
  reopened: number;
  /** A counter for varying the texts. */
  readonly variant: number;
}

/** Tuning of the problem simulation. */
export interface ProblemOptions {
  /** Reports per household per year. */
  readonly perHousehold: number;
}

/** Reports per household per year by default: a few thousand households report a few a day. */
export const DEFAULT_PROBLEMS_PER_HOUSEHOLD = 0.6;

/** More problems in the hot, wet summer; fewer around the Spring Festival. */
const SEASON = [0.85, 0.8, 0.95, 1, 1.05, 1.1, 1.15, 1.15, 1.05, 1, 0.95, 0.95];

/** How reports reach the system: the app, the hotline, door-to-door visits, patrols, riders, other. */
const CHANNELS: readonly (readonly [ReportChannel, number])[] = [
  ['app', 0.38],
  ['hotline', 0.15],
  ['visit', 0.14],
  ['patrol', 0.22],
  ['rider', 0.06],
  ['other', 0.05],
];

/** When residents report: hardly at night, most in the morning and the evening. */
const REPORT_HOURS: readonly (readonly [number, number])[] = Array.from({ length: 24 }, (_, hour) => [
  hour,
  hour < 6 ? 0.1 : hour < 8 ? 1 : hour < 12 ? 3 : hour < 17 ? 2 : hour < 22 ? 2.5 : 0.5,
]);

/** The odds of a resolution within the deadline at each tier, before the community's punctuality. */
const ON_TIME: Readonly<Record<Tier, number>> = {
  grid: 0.92,
  community: 0.88,
  street: 0.84,
  department: 0.78,
};

/** The odds that the holding tier hands a reopened problem up instead of trying again. */
const REOPENED_ESCALATION = 0.15;

/** How often a report repeats a problem already reported in its grid within two days. */
const DUPLICATE_ODDS = 0.3;

/** The odds that a report is turned away as invalid, and again as out of scope. */
const INVALID_ODDS = 0.006;

/** The odds that a resident rates a resolution, and that a rider does. */
const RESIDENT_RATES = 0.85;
const RIDER_RATES = 0.2;

/**
 * The problem side of the year: reports arrive every day in every community, are triaged by the grid,
 * resolved at the routed tier or handed one step up, rated, sometimes reopened, and closed; a few are
 * turned away as duplicates, invalid or out of scope. Every step is a command through the facade.
 */
export class ProblemSimulation {
  private readonly mix: (readonly [string, number])[];
  private readonly riderMix: (readonly [string, number])[];
  private readonly recent = new Map<string, { readonly problemId: string; readonly at: number }>();
  private readonly perCommunity = new Map<Community, number>();
  private count = 0;
  private skipProvoked = false;

  /** Hooks the simulation into the world; `onTriaged` hears of each problem a tier took on. */
  constructor(
    private readonly world: World,
    private readonly random: Random,
    private readonly options: ProblemOptions,
    private readonly onTriaged: (problem: SimProblem, at: number) => void = () => undefined,
  ) {
    this.mix = categoryMix(world.routing);
    const known = new Set(this.mix.map(([category]) => category));
    this.riderMix = this.mix.filter(
      ([category]) => RIDER_CATEGORIES.includes(category) && known.has(category),
    );
  }

  /** Problems reported so far. */
  get reported(): number {
    return this.count;
  }

  /** Schedules the reports of one day of the year in every community. */
  scheduleDay(day: number): void {
    const start = dayStart(day);
    const season = SEASON[localTime(start).month - 1] ?? 1;
    for (const community of this.world.district.communities) {
      const mean = (this.options.perHousehold * community.households.length * season) / 365;
      const reports = this.random.poisson(mean);
      for (let i = 0; i < reports; i++) {
        const at = start + this.random.weighted(REPORT_HOURS) * HOUR + this.random.int(0, 59) * 60_000;
        this.world.agenda.at(at, () => this.report(community));
      }
    }
  }

  private async report(community: Community): Promise<void> {
    const { agenda, commander, district } = this.world;
    const now = agenda.now;
    let channel = this.random.weighted(CHANNELS);
    if (channel === 'rider' && this.riderMix.length === 0) channel = 'app';
    let reporter: Actor;
    let grid: Grid;
    let path: UnitPath;
    let rateOdds = RESIDENT_RATES;
    if (channel === 'patrol' || channel === 'visit' || channel === 'rider') {
      grid = this.random.pick(community.grids);
      path = gridPath(grid);
      rateOdds = channel === 'rider' ? RIDER_RATES : 0;
      reporter = channel === 'rider' ? this.random.pick(district.riders) : this.random.pick(grid.workers);
    } else {
      const household = this.activeHousehold(community);
      if (household === undefined) return;
      grid = household.group.lane.grid;
      path = householdPath(household);
      reporter = household.resident;
    }
    const category = this.random.weighted(channel === 'rider' ? this.riderMix : this.mix);
    const n = (this.perCommunity.get(community) ?? 0) + 1;
    this.perCommunity.set(community, n);
    this.count += 1;
    const problem: SimProblem = {
      problemId: `${community.communityId}-2026-${String(n).padStart(5, '0')}`,
      community,
      grid,
      path,
      category,
      reporter,
      rateOdds,
      tier: routeFor(this.world.routing, category).tier,
      dueAt: now,
      escalated: false,
      reopened: 0,
      variant: this.random.int(0, 99),
    };
    const media = channel === 'app' || channel === 'rider' ? [`media/${problem.problemId}/1.jpg`] : [];
    const reported = await commander.run(
      {
        type: 'ReportProblem',
        data: {
          problemId: problem.problemId,
          path,
          category,
          description: describe(category, problem.variant),
          channel,
          media,
        },
      },
      reporter,
      now,
      problem.problemId,
    );
    if (reported === undefined) return;

    // The grid worker who found it on patrol files it at once; others wait for the grid (or the hotline desk).
    const found = channel === 'patrol' || channel === 'visit';
    const triageAt = found
      ? now + this.random.int(5, 30) * 60_000
      : duringWorkingHours(now + this.random.float(0.25, 5) * HOUR, this.random.float(0, 2));
    const triager =
      channel === 'hotline' && this.random.chance(0.5)
        ? this.random.pick(community.staff)
        : this.random.pick(grid.workers);
    const key = `${grid.gridId}|${category}`;
    const original = this.recent.get(key);
    if (
      !found &&
      original !== undefined &&
      now - original.at < 2 * DAY &&
      this.random.chance(DUPLICATE_ODDS)
    ) {
      agenda.at(triageAt, () => this.turnAway(problem, triager, 'duplicate', original.problemId));
      return;
    }
    this.recent.set(key, { problemId: problem.problemId, at: now });
    const odd = this.random.next();
    const refusal = found
      ? undefined
      : odd < INVALID_ODDS
        ? 'invalid'
        : odd < 2 * INVALID_ODDS
          ? 'out-of-scope'
          : undefined;
    agenda.at(triageAt, () =>
      refusal === undefined ? this.triage(problem, triager) : this.turnAway(problem, triager, refusal),
    );
  }

  private activeHousehold(community: Community): Household | undefined {
    for (let tries = 0; tries < 20; tries++) {
      const household = this.random.pick(community.households);
      if (household.active) return household;
    }
    return community.households.find((household) => household.active);
  }

  private async turnAway(
    problem: SimProblem,
    actor: Actor,
    reason: 'duplicate' | 'invalid' | 'out-of-scope',
    duplicateOf?: string,
  ): Promise<void> {
    const note =
      reason === 'invalid'
        ? 'Nothing found at the place reported'
        : reason === 'out-of-scope'
          ? 'A private contract matter, not one for public governance'
          : undefined;
    await this.world.commander.run(
      {
        type: 'RejectProblem',
        data: {
          problemId: problem.problemId,
          reason,
          ...(duplicateOf === undefined ? {} : { duplicateOf }),
          ...(note === undefined ? {} : { note }),
        },
      },
      actor,
      this.world.agenda.now,
      problem.problemId,
    );
  }

  private async triage(problem: SimProblem, triager: Actor): Promise<void> {
    const now = this.world.agenda.now;
    // Reports filed as "other" often turn out to be an everyday grid matter; triage corrects the category.
    let corrected: string | undefined;
    if (problem.category === 'other' && this.random.chance(0.5)) {
      const gridCategories = this.mix.filter(
        ([category]) => category !== 'other' && routeFor(this.world.routing, category).tier === 'grid',
      );
      if (gridCategories.length > 0) corrected = this.random.weighted(gridCategories);
    }
    const triaged = await this.world.commander.run(
      {
        type: 'TriageProblem',
        data: { problemId: problem.problemId, ...(corrected === undefined ? {} : { category: corrected }) },
      },
      triager,
      now,
      problem.problemId,
    );
    if (triaged === undefined) return;
    if (corrected !== undefined) problem.category = corrected;
    this.takeOver(problem, routeFor(this.world.routing, problem.category).tier, now);
    this.onTriaged(problem, now);
  }

  /** The tier now holding the problem decides: solve it (in time or late) or hand it one step up. */
  private takeOver(problem: SimProblem, tier: Tier, at: number): void {
    const { agenda, routing } = this.world;
    const due = routing.dueHours[tier] * HOUR;
    problem.tier = tier;
    problem.dueAt = at + due;
    const up = nextTier(tier);
    if (up !== undefined && this.random.chance(this.escalationOdds(problem, tier))) {
      const when = duringWorkingHours(at + due * this.random.float(0.1, 0.6), this.random.float(0, 2));
      agenda.at(when, () => this.escalate(problem, up));
      return;
    }
    const onTime = this.random.chance(ON_TIME[tier] * problem.community.profile.punctuality);
    const delay = due * (onTime ? this.random.float(0.15, 0.9) : this.random.float(1.05, 2.2));
    const urgent = problem.category === 'missing-manhole-cover';
    const when = urgent ? at + delay / 4 : duringWorkingHours(at + delay, this.random.float(0, 1.5));
    agenda.at(when, () => this.resolve(problem));
  }

  /** The odds that the tier holding a problem hands it up rather than solve it itself. */
  private escalationOdds(problem: SimProblem, tier: Tier): number {
    if (tier === 'department') return 0;
    return problem.reopened > 0 ? REOPENED_ESCALATION : problem.community.profile.escalation[tier];
  }

  private async escalate(problem: SimProblem, toTier: Tier): Promise<void> {
    const { agenda, commander } = this.world;
    const now = agenda.now;
    const actor = this.staffFor(problem, problem.tier);
    if (!this.skipProvoked && problem.tier === 'grid' && now > dayStart(30)) {
      this.skipProvoked = true;
      await commander.provoke(
        'a grid worker tries to hand a problem straight to the street',
        'invalid-escalation',
        {
          type: 'EscalateProblem',
          data: { problemId: problem.problemId, reason: 'Skip the community', toTier: 'street' },
        },
        actor,
        now,
      );
    }
    const escalated = await commander.run(
      {
        type: 'EscalateProblem',
        data: {
          problemId: problem.problemId,
          reason: escalationReason(problem.tier, problem.variant),
          toTier,
        },
      },
      actor,
      now,
      problem.problemId,
    );
    if (escalated === undefined) return;
    problem.escalated = true;
    this.takeOver(problem, toTier, now);
  }

  private async resolve(problem: SimProblem): Promise<void> {
    const { agenda, commander } = this.world;
    const now = agenda.now;
    const resolved = await commander.run(
      {
        type: 'ResolveProblem',
        data: { problemId: problem.problemId, resolution: resolutionText(problem.tier, problem.variant) },
      },
      this.staffFor(problem, problem.tier),
      now,
      problem.problemId,
    );
    if (resolved === undefined) return;
    const late = now > problem.dueAt;
    if (this.random.chance(problem.rateOdds)) {
      const when = duringWorkingHours(now + this.random.float(1, 48) * HOUR, this.random.float(0, 3));
      agenda.at(when, () => this.rate(problem, late));
    } else {
      agenda.at(now + this.random.float(72, 168) * HOUR, () => this.close(problem));
    }
  }

  private async rate(problem: SimProblem, late: boolean): Promise<void> {
    const { agenda, commander } = this.world;
    const now = agenda.now;
    const odds =
      problem.community.profile.satisfaction -
      (late ? 0.15 : 0) -
      (problem.escalated ? 0.04 : 0) +
      (problem.reopened > 0 ? 0.05 : 0);
    const satisfied = this.random.chance(odds);
    const score = satisfied
      ? this.random.chance(0.6)
        ? 5
        : 4
      : this.random.weighted([
          [1, 0.3],
          [2, 0.4],
          [3, 0.3],
        ] as const);
    const rated = await commander.run(
      { type: 'RateResolution', data: { problemId: problem.problemId, satisfied, score } },
      problem.reporter,
      now,
      problem.problemId,
    );
    if (rated === undefined) return;
    if (!satisfied && problem.reopened < 2 && this.random.chance(0.6)) {
      agenda.at(now + this.random.float(0.5, 24) * HOUR, () => this.reopen(problem));
      return;
    }
    const wait = satisfied ? this.random.float(2, 48) : this.random.float(24, 72);
    agenda.at(duringWorkingHours(now + wait * HOUR, this.random.float(0, 2)), () => this.close(problem));
  }

  private async reopen(problem: SimProblem): Promise<void> {
    const { agenda, commander } = this.world;
    const now = agenda.now;
    const reopened = await commander.run(
      {
        type: 'ReopenProblem',
        data: {
          problemId: problem.problemId,
          reason: REOPEN_REASONS[problem.variant % REOPEN_REASONS.length] ?? 'Not fixed',
        },
      },
      problem.reporter,
      now,
      problem.problemId,
    );
    if (reopened === undefined) return;
    problem.reopened += 1;
    this.takeOver(problem, problem.tier, now);
  }

  private async close(problem: SimProblem): Promise<void> {
    await this.world.commander.run(
      { type: 'CloseProblem', data: { problemId: problem.problemId } },
      this.staffFor(problem, problem.tier),
      this.world.agenda.now,
      problem.problemId,
    );
  }

  /** Who acts for a tier on this problem: its grid's worker, community staff, a street official, a department. */
  private staffFor(problem: SimProblem, tier: Tier): Actor {
    const { district } = this.world;
    switch (tier) {
      case 'grid':
        return this.random.pick(problem.grid.workers);
      case 'community':
        return this.random.pick(problem.community.staff);
      case 'street':
        return this.random.pick(district.officials);
      case 'department':
        switch (problem.category) {
          case 'river-works':
          case 'drinking-water':
            return district.departments.water;
          case 'forest-fire-road':
            return district.departments.forestry;
          case 'road-widening':
            return district.departments.transport;
          default:
            return district.departments.urban;
        }
    }
  }
}
