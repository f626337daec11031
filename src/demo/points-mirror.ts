import type { LinliEvent } from '../domain/linli.js';
import { localTime } from './clock.js';

/** What the simulation knows of one resident's points, learnt from the events the facade returned. */
interface Account {
  readonly residentId: string;
  readonly community: string;
  balance: number;
  /** Points earned from tasks in each quarter (index 0 is Q1). */
  readonly earnedByQuarter: number[];
}

/**
 * The simulation's view of the points ledger, kept from the events each command returned (never written
 * directly): enough to know who can redeem what, and who the quarter's most active residents were.
 */
export class PointsMirror {
  private readonly accounts = new Map<string, Account>();

  /** Takes note of recorded events; anything but points events is ignored. */
  observe(events: readonly LinliEvent[], at: number): void {
    for (const event of events) {
      switch (event.type) {
        case 'PointsEarned': {
          const account = this.account(event.data.residentId, event.data.community);
          account.balance += event.data.points;
          const quarter = Math.ceil(localTime(at).month / 3) - 1;
          account.earnedByQuarter[quarter] = (account.earnedByQuarter[quarter] ?? 0) + event.data.points;
          break;
        }
        case 'PointsRedeemed':
          this.account(event.data.residentId, event.data.community).balance -= event.data.total;
          break;
        case 'PointsAdjusted':
          this.account(event.data.residentId, event.data.community).balance += event.data.delta;
          break;
        default:
          break;
      }
    }
  }

  /** A resident's balance as the ledger holds it. */
  balance(residentId: string): number {
    return this.accounts.get(residentId)?.balance ?? 0;
  }

  /** The residents of a community with at least `minimum` points, in the order they first earned. */
  holders(community: string, minimum: number): string[] {
    const ids: string[] = [];
    for (const account of this.accounts.values()) {
      if (account.community === community && account.balance >= minimum) ids.push(account.residentId);
    }
    return ids;
  }

  /** The `count` residents of a community who earned most in a quarter (1 to 4), ties by id. */
  topEarners(community: string, quarter: number, count: number): { residentId: string; points: number }[] {
    const earners: { residentId: string; points: number }[] = [];
    for (const account of this.accounts.values()) {
      const points = account.earnedByQuarter[quarter - 1] ?? 0;
      if (account.community === community && points > 0)
        earners.push({ residentId: account.residentId, points });
    }
    earners.sort((a, b) => b.points - a.points || (a.residentId < b.residentId ? -1 : 1));
    return earners.slice(0, count);
  }

  private account(residentId: string, community: string): Account {
    let account = this.accounts.get(residentId);
    if (account === undefined) {
      account = { residentId, community, balance: 0, earnedByQuarter: [0, 0, 0, 0] };
      this.accounts.set(residentId, account);
    }
    return account;
  }
}
