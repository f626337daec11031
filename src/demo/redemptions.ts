import type { RedemptionWindow } from '../domain/points/redemption-windows.js';
import type { RedemptionItem } from '../domain/points/events.js';
import { DAY, iso, lastSaturday, localInstant } from './clock.js';
import type { Community, Household } from './district.js';
import { CHEAPEST, GOODS } from './goods.js';
import type { PointsMirror } from './points-mirror.js';
import type { Random } from './random.js';
import type { World } from './world.js';

/** When a quarter's redemption event runs: the last Saturday of its last month, 09:00 to 17:00. */
export const redemptionEvent = (quarter: number): { readonly opens: number; readonly closes: number } => {
  const month = quarter * 3;
  const day = lastSaturday(2026, month);
  return { opens: localInstant(2026, month, day, 9), closes: localInstant(2026, month, day, 17) };
};

/** The four redemption events of the simulated year, as the ResidentPoints aggregate is configured with. */
export const redemptionWindows = (): RedemptionWindow[] =>
  [1, 2, 3, 4].map((quarter) => {
    const { opens, closes } = redemptionEvent(quarter);
    return { opens: iso(opens), closes: iso(closes) };
  });

/**
 * The points side of the year: each quarter the community holds its redemption event (its honours are
 * awarded by `HonoursSimulation`, not paid in points), where residents trade
 * points for cooking oil, rice, pots and paper within their balance; once in the summer a mistaken award is
 * corrected.
 */
export class RedemptionSimulation {
  private readonly residents = new Map<string, Household>();
  private redeemedCount = 0;

  /** Hooks the simulation into the world; `mirror` tells who holds how many points. */
  constructor(
    private readonly world: World,
    private readonly random: Random,
    private readonly mirror: PointsMirror,
  ) {
    for (const community of world.district.communities) {
      for (const household of community.households) this.residents.set(household.resident.id, household);
    }
  }

  /** Redemptions recorded so far. */
  get redeemed(): number {
    return this.redeemedCount;
  }

  /** Schedules the year's four redemption events, the summer correction and two mistakes. */
  scheduleYear(): void {
    const { agenda } = this.world;
    for (const quarter of [1, 2, 3, 4]) {
      const event = redemptionEvent(quarter);
      agenda.at(event.opens, () => this.open(quarter, event.closes - event.opens));
    }
    agenda.at(redemptionEvent(1).opens - 7 * DAY, () => this.tooEarly());
    agenda.at(localInstant(2026, 8, 14, 10), () => this.correct());
  }

  private async open(quarter: number, length: number): Promise<void> {
    const { agenda, commander, district } = this.world;
    const opens = agenda.now;
    for (const community of district.communities) {
      const holders = this.mirror.holders(community.communityId, CHEAPEST);
      if (quarter === 2 && community.index === 0 && holders[0] !== undefined) {
        const residentId = holders[0];
        const balance = this.mirror.balance(residentId);
        const pot = GOODS[GOODS.length - 1] ?? { sku: 'pot-1', name: 'cooking-pot', points: 80 };
        const quantity = Math.floor(balance / pot.points) + 1;
        await commander.provoke(
          'a resident asks for more goods than their balance pays for',
          'insufficient-points',
          {
            type: 'RedeemPoints',
            data: {
              residentId,
              community: community.communityId,
              redemptionId: `${residentId}-2026-q2-too-much`,
              items: [{ ...pot, quantity }],
              total: pot.points * quantity,
            },
          },
          this.random.pick(community.staff),
          opens,
        );
      }
      for (const residentId of holders) {
        if (!this.random.chance(0.65)) continue;
        agenda.at(opens + this.random.float(0, 0.95) * length, () =>
          this.redeem(community, residentId, quarter),
        );
      }
    }
  }

  private basket(balance: number): RedemptionItem[] {
    const items: RedemptionItem[] = [];
    let left = balance;
    for (const good of this.random.shuffled(GOODS)) {
      if (good.points > left || !this.random.chance(0.5)) continue;
      const quantity = this.random.int(1, Math.min(3, Math.floor(left / good.points)));
      items.push({ sku: good.sku, name: good.name, quantity, points: good.points });
      left -= quantity * good.points;
    }
    if (items.length > 0) return items;
    const affordable = GOODS.filter((good) => good.points <= balance);
    const dearest = affordable[affordable.length - 1];
    return dearest === undefined
      ? []
      : [{ sku: dearest.sku, name: dearest.name, quantity: 1, points: dearest.points }];
  }

  private async redeem(community: Community, residentId: string, quarter: number): Promise<void> {
    const { agenda, commander } = this.world;
    const items = this.basket(this.mirror.balance(residentId));
    if (items.length === 0) return;
    const resident = this.residents.get(residentId)?.resident;
    // Most residents queue at the counter, where staff record the exchange; some use the app themselves.
    const actor =
      resident !== undefined && this.random.chance(0.3) ? resident : this.random.pick(community.staff);
    const redeemed = await commander.run(
      {
        type: 'RedeemPoints',
        data: {
          residentId,
          community: community.communityId,
          redemptionId: `${residentId}-2026-q${quarter}`,
          items,
          total: items.reduce((sum, item) => sum + item.quantity * item.points, 0),
        },
      },
      actor,
      agenda.now,
    );
    if (redeemed !== undefined) this.redeemedCount += 1;
  }

  /** A resident tries the app a week before the event, and is told to come back on the day. */
  private async tooEarly(): Promise<void> {
    for (const community of this.world.district.communities) {
      const residentId = this.mirror.holders(community.communityId, CHEAPEST)[0];
      const resident = residentId === undefined ? undefined : this.residents.get(residentId)?.resident;
      if (resident === undefined) continue;
      const good = GOODS[0] ?? { sku: 'paper-10', name: 'tissue-paper-10-rolls', points: 10 };
      await this.world.commander.provoke(
        'a resident tries to redeem before the redemption event opens',
        'redemption-closed',
        {
          type: 'RedeemPoints',
          data: {
            residentId: resident.id,
            community: community.communityId,
            redemptionId: `${resident.id}-2026-early`,
            items: [{ ...good, quantity: 1 }],
            total: good.points,
          },
        },
        resident,
        this.world.agenda.now,
      );
      return;
    }
  }

  /** An administrator takes back points paid twice for one photo, in half the communities. */
  private async correct(): Promise<void> {
    const { agenda, commander, district } = this.world;
    for (const community of district.communities) {
      if (community.index > 0 && !this.random.chance(0.5)) continue;
      const residentId = this.mirror.holders(community.communityId, 5)[0];
      if (residentId === undefined) continue;
      await commander.run(
        {
          type: 'AdjustPoints',
          data: {
            residentId,
            community: community.communityId,
            adjustmentId: `${community.communityId}-2026-correction-1`,
            delta: -5,
            reason: 'Correction: the same photo was submitted as proof of two tasks',
          },
        },
        community.administrator,
        agenda.now,
      );
    }
  }
}
