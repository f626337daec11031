import { localInstant } from './clock.js';
import type { Community } from './district.js';
import { fundKeeper } from './funds.js';
import type { World } from './world.js';

/**
 * The first community's partners ("space for resources"): in January it records the charging-shed partner
 * on Chaofuyuan's terms (¥790,000 for 6 sheds and 3 rooms against 4 years of operating rights), an older
 * canteen agreement whose term ends in July, when revenue sharing starts, and a weekend market that ends in
 * September. Revenue sharing asked for before a term ends is refused, to show the rule.
 */
export class PartnershipSimulation {
  /** Hooks the simulation into the world. */
  constructor(private readonly world: World) {}

  /** Schedules the year's partnership events. */
  scheduleYear(): void {
    const { agenda } = this.world;
    agenda.at(localInstant(2026, 1, 20, 10), () => this.partner());
    agenda.at(localInstant(2026, 3, 1, 10), () => this.partnerMoney());
    agenda.at(localInstant(2026, 7, 1, 9), () => this.shareRevenue());
    agenda.at(localInstant(2026, 9, 30, 17), () => this.endPartnership());
  }

  private get firstCommunity(): Community | undefined {
    return this.world.district.communities[0];
  }

  private partnershipId(community: Community, name: string): string {
    return `${community.communityId}-${name}`;
  }

  /** January: the three agreements. */
  private async partner(): Promise<void> {
    const community = this.firstCommunity;
    if (community === undefined) return;
    const { commander, agenda } = this.world;
    const base = { street: community.streetId, community: community.communityId };
    const agreements = [
      {
        partnershipId: this.partnershipId(community, 'charging'),
        partnerId: 'org-charging-partner',
        compoundGives: [
          { kind: 'operating-rights' as const, description: 'operating 6 charging sheds and 3 rooms' },
        ],
        partnerGives: [{ kind: 'money' as const, amountFen: 79_000_000 }],
        termStart: '2026-02-01T00:00:00.000+08:00',
        termEnd: '2030-02-01T00:00:00.000+08:00',
        revenueSharePercent: 20,
      },
      {
        partnershipId: this.partnershipId(community, 'canteen'),
        partnerId: 'org-social-enterprise-canteen',
        compoundGives: [{ kind: 'space' as const, description: 'ground-floor rooms', areaM2: 180 }],
        partnerGives: [{ kind: 'asset' as const, description: 'kitchen fit-out', quantity: 1 }],
        termStart: '2022-07-01T00:00:00.000+08:00',
        termEnd: '2026-07-01T00:00:00.000+08:00',
        revenueSharePercent: 15,
      },
      {
        partnershipId: this.partnershipId(community, 'market'),
        partnerId: 'org-weekend-market',
        compoundGives: [{ kind: 'space' as const, description: 'the square on weekends' }],
        partnerGives: [{ kind: 'money' as const, amountFen: 1_200_000 }],
        termStart: '2026-02-01T00:00:00.000+08:00',
        termEnd: '2028-02-01T00:00:00.000+08:00',
      },
    ];
    for (const data of agreements) {
      await commander.run(
        { type: 'AgreePartnership', data: { ...data, ...base } },
        fundKeeper(community),
        agenda.now,
      );
    }
  }

  private async partnerMoney(): Promise<void> {
    const community = this.firstCommunity;
    if (community === undefined) return;
    const data = {
      partnershipId: this.partnershipId(community, 'charging'),
      contributionId: 'build-out',
      moneyFen: 79_000_000,
      assets: [
        { description: 'smart charging shed', quantity: 6 },
        { description: 'room fitted out', quantity: 3 },
      ],
      receivedOn: '2026-03-01',
      description: '6 charging sheds built and 3 rooms fitted out',
    };
    await this.world.commander.run(
      { type: 'RecordPartnerContribution', data },
      fundKeeper(community),
      this.world.agenda.now,
    );
  }

  private async shareRevenue(): Promise<void> {
    const community = this.firstCommunity;
    if (community === undefined) return;
    const { commander, agenda } = this.world;
    const keeper = fundKeeper(community);
    const early = { partnershipId: this.partnershipId(community, 'charging') };
    await commander.provoke(
      'revenue sharing before the term ends',
      'invalid-transition',
      { type: 'StartRevenueShare', data: early },
      keeper,
      agenda.now,
    );
    const due = { partnershipId: this.partnershipId(community, 'canteen') };
    await commander.run({ type: 'StartRevenueShare', data: due }, keeper, agenda.now);
  }

  private async endPartnership(): Promise<void> {
    const community = this.firstCommunity;
    if (community === undefined) return;
    const data = {
      partnershipId: this.partnershipId(community, 'market'),
      reason: 'the market organiser withdrew',
    };
    await this.world.commander.run(
      { type: 'EndPartnership', data },
      fundKeeper(community),
      this.world.agenda.now,
    );
  }
}
