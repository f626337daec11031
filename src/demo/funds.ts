import type { Actor } from '../domain/shared/actors.js';
import type { DecisionRef } from '../domain/fund-project/events.js';
import { localInstant } from './clock.js';
import type { Community, Household } from './district.js';
import type { Random } from './random.js';
import type { World } from './world.js';

/** The scenes communities put forward for their fund, with how many people each serves, roughly. */
const SCENES = [
  { slug: 'garden', title: 'Shared garden', beneficiaries: 600, areaM2: 510 },
  { slug: 'canteen', title: 'Elderly canteen', beneficiaries: 2_400 },
  { slug: 'reading-room', title: 'Reading room', beneficiaries: 1_500 },
  { slug: 'sheds', title: 'Bicycle sheds', beneficiaries: 900 },
] as const;

/** Who keeps a community's fund and partnerships in the demo: its secretary. */
export const fundKeeper = (community: Community): Actor => community.staff[0] ?? community.administrator;

/** A project the simulation runs, with what it decided for it. */
interface Project {
  readonly projectId: string;
  readonly community: Community;
  readonly requestedFen: number;
  approvedFen: number;
  spentFen: number;
  decided: boolean;
}

/**
 * The community fund's year (项目征集、确定、实施、评议、监督): each community solicits two projects in
 * March, decides them on April's deliberation day (one declined in the first community), implements them
 * from May with monthly milestones and spending and co-funding in June, completes them in October for the
 * residents to evaluate, has them supervised by the street and closes them in December. Two commands break
 * the rules on purpose, to show them refused.
 */
export class FundSimulation {
  private readonly projects: Project[] = [];

  /** Hooks the simulation into the world. */
  constructor(
    private readonly world: World,
    private readonly random: Random,
  ) {}

  /** Schedules the year's fund projects and partnerships. */
  scheduleYear(): void {
    const { agenda, district } = this.world;
    for (const community of district.communities) {
      const [first, second] = this.random.shuffled(SCENES);
      for (const [k, scene] of [first, second].entries()) {
        if (scene === undefined) continue;
        const project: Project = {
          projectId: `${community.communityId}-2026-${scene.slug}`,
          community,
          requestedFen: this.random.int(200, 1_500) * 10_000,
          approvedFen: 0,
          spentFen: 0,
          decided: false,
        };
        this.projects.push(project);
        agenda.at(localInstant(2026, 3, 10 + k, 10), () => this.solicit(project, scene));
        agenda.at(localInstant(2026, 4, 10, 15 + k), () =>
          this.decide(project, community.index === 0 && k === 1),
        );
        agenda.at(localInstant(2026, 5, 6, 9), () => this.implement(project));
      }
    }
    for (let month = 5; month <= 9; month++) {
      agenda.at(localInstant(2026, month, 25, 16), () => this.spendMonth(month));
    }
    agenda.at(localInstant(2026, 6, 15, 10), () => this.coFund());
    agenda.at(localInstant(2026, 7, 20, 11), () => this.overspend());
    agenda.at(localInstant(2026, 10, 15, 10), () => this.complete());
    agenda.at(localInstant(2026, 11, 10, 10), () => this.supervise());
    agenda.at(localInstant(2026, 12, 15, 10), () => this.close());
  }

  private resident(community: Community): Household | undefined {
    const active = community.households.filter((household) => household.active);
    return active.length === 0 ? undefined : this.random.pick(active);
  }

  private async solicit(project: Project, scene: (typeof SCENES)[number]): Promise<void> {
    const proposer = this.resident(project.community);
    if (proposer === undefined) return;
    const { community } = project;
    await this.world.commander.run(
      {
        type: 'SolicitFundProject',
        data: {
          projectId: project.projectId,
          street: community.streetId,
          community: community.communityId,
          fundYear: 2026,
          title: scene.title,
          need: `residents asked for a ${scene.title.toLowerCase()}`,
          requestedFen: project.requestedFen,
          beneficiaries: scene.beneficiaries,
          ...('areaM2' in scene ? { areaM2: scene.areaM2 } : {}),
        },
      },
      proposer.resident,
      this.world.agenda.now,
    );
  }

  private async decide(project: Project, decline: boolean): Promise<void> {
    const { commander, agenda } = this.world;
    const decision: DecisionRef = {
      kind: 'meeting',
      meetingId: `${project.community.communityId}-deliberation-2026-04`,
      item: project.projectId,
    };
    const keeper = fundKeeper(project.community);
    if (decline) {
      const data = { projectId: project.projectId, decision, reason: 'another community fund pays for it' };
      await commander.run({ type: 'DeclineFundProject', data }, keeper, agenda.now);
      return;
    }
    project.approvedFen = Math.round((project.requestedFen * this.random.int(80, 100)) / 100);
    const data = { projectId: project.projectId, approvedFen: project.approvedFen, decision };
    project.decided =
      (await commander.run({ type: 'DecideFundProject', data }, keeper, agenda.now)) !== undefined;
  }

  private async implement(project: Project): Promise<void> {
    if (!project.decided) return;
    const { commander, agenda } = this.world;
    await commander.run(
      { type: 'StartFundImplementation', data: { projectId: project.projectId } },
      fundKeeper(project.community),
      agenda.now,
    );
  }

  /** Each month May to September: a milestone and 18% of the approval spent (90% in all). */
  private async spendMonth(month: number): Promise<void> {
    const { commander, agenda } = this.world;
    for (const project of this.projects.filter((p) => p.decided)) {
      const keeper = fundKeeper(project.community);
      const milestoneId = `m-${month}`;
      const milestone = { projectId: project.projectId, milestoneId, description: `work of month ${month}` };
      await commander.run({ type: 'ReportFundMilestone', data: milestone }, keeper, agenda.now);
      const amountFen = Math.floor((project.approvedFen * 18) / 100);
      const data = {
        projectId: project.projectId,
        spendingId: `s-${month}`,
        amountFen,
        purpose: 'materials and labour',
        milestoneId,
      };
      if ((await commander.run({ type: 'ReportFundSpending', data }, keeper, agenda.now)) !== undefined) {
        project.spentFen += amountFen;
      }
    }
  }

  /** June: the owners' committee pays a share and residents give their labour. */
  private async coFund(): Promise<void> {
    const { commander, agenda } = this.world;
    for (const project of this.projects.filter((p) => p.decided)) {
      const keeper = fundKeeper(project.community);
      const base = { projectId: project.projectId, labourHours: 0 };
      const money = {
        ...base,
        contributionId: 'owners-committee',
        contributor: { kind: 'owners-committee' as const },
      };
      const moneyFen = this.random.int(2, 10) * 100_000;
      await commander.run(
        {
          type: 'RecordFundContribution',
          data: { ...money, moneyFen, description: "the owners' committee's share" },
        },
        keeper,
        agenda.now,
      );
      const participants = this.random.int(20, 240);
      const labour = {
        ...base,
        contributionId: 'residents-labour',
        contributor: { kind: 'residents' as const, participants },
      };
      await commander.run(
        {
          type: 'RecordFundContribution',
          data: { ...labour, moneyFen: 0, labourHours: participants * 4, description: 'residents labour' },
        },
        keeper,
        agenda.now,
      );
    }
  }

  /** July, in the first decided project: spending beyond the approval is refused until amended. */
  private async overspend(): Promise<void> {
    const project = this.projects.find((p) => p.decided);
    if (project === undefined) return;
    const { commander, agenda } = this.world;
    const keeper = fundKeeper(project.community);
    const extra = {
      projectId: project.projectId,
      spendingId: 'fencing',
      amountFen: project.approvedFen,
      purpose: 'fencing',
    };
    await commander.provoke(
      'spending beyond the approval',
      'limit-exceeded',
      { type: 'ReportFundSpending', data: extra },
      keeper,
      agenda.now,
    );
    const evaluate = {
      type: 'EvaluateFundProject' as const,
      data: { projectId: project.projectId, score: 5 },
    };
    const resident = this.resident(project.community);
    if (resident !== undefined) {
      await commander.provoke(
        'evaluation before the work is done',
        'invalid-transition',
        evaluate,
        resident.resident,
        agenda.now,
      );
    }
    project.approvedFen += Math.round(project.approvedFen / 10);
    const amendment = {
      projectId: project.projectId,
      approvedFen: project.approvedFen,
      decision: {
        kind: 'committee' as const,
        reference: `${project.community.communityId} fund committee 2026/7`,
      },
      reason: 'fencing was not in the first budget',
    };
    await commander.run({ type: 'AmendFundBudget', data: amendment }, keeper, agenda.now);
  }

  private async complete(): Promise<void> {
    const { commander, agenda } = this.world;
    for (const project of this.projects.filter((p) => p.decided)) {
      const community = project.community;
      await commander.run(
        { type: 'CompleteFundImplementation', data: { projectId: project.projectId } },
        fundKeeper(community),
        agenda.now,
      );
      const evaluators = new Set<Household>();
      for (let i = this.random.int(3, 8); i > 0; i--) {
        const household = this.resident(community);
        if (household !== undefined) evaluators.add(household);
      }
      for (const household of evaluators) {
        const score = this.random.weighted<number>([
          [5, 5],
          [4, 4],
          [3, 2],
          [2, 1],
        ]);
        await commander.run(
          { type: 'EvaluateFundProject', data: { projectId: project.projectId, score } },
          household.resident,
          agenda.now,
        );
      }
    }
  }

  private async supervise(): Promise<void> {
    const { commander, agenda, district } = this.world;
    const official = district.officials[0];
    if (official === undefined) return;
    for (const project of this.projects.filter((p) => p.decided)) {
      const severity = this.random.chance(0.2) ? ('concern' as const) : ('note' as const);
      const finding =
        severity === 'note' ? 'receipts match the ledger' : 'two receipts lack a supplier stamp';
      const data = { projectId: project.projectId, findingId: 'street-review-2026', severity, finding };
      await commander.run({ type: 'RecordFundSupervision', data }, official, agenda.now);
    }
  }

  private async close(): Promise<void> {
    const { commander, agenda } = this.world;
    for (const project of this.projects.filter((p) => p.decided)) {
      await commander.run(
        { type: 'CloseFundProject', data: { projectId: project.projectId } },
        fundKeeper(project.community),
        agenda.now,
      );
    }
  }
}
