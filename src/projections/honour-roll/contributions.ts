import { compareIds, entryOf } from '../id-record.js';
import { monthsOf, type HonourPeriod } from './calendar.js';
import type { Contribution, HonourRollState } from './state.js';

/** A resident's contribution over a period. */
export interface ResidentContribution extends Contribution {
  readonly residentId: string;
}

/**
 * Every resident's contribution over a period, summed over its months, to one community or (left out) to all
 * of them; in resident id order. Costs the period's months times their contributors, never the history.
 * @throws RangeError for a malformed period key.
 */
export const contributionsIn = (
  state: HonourRollState,
  period: HonourPeriod,
  community?: string,
): readonly ResidentContribution[] => {
  const totals = new Map<string, { points: number; verifiedTasks: number }>();
  for (const monthKey of monthsOf(period)) {
    const month = entryOf(state.months, monthKey);
    if (month === undefined) continue;
    const communities = community === undefined ? Object.values(month) : [entryOf(month, community)];
    for (const residents of communities) {
      if (residents === undefined) continue;
      for (const [residentId, contribution] of Object.entries(residents)) {
        const total = totals.get(residentId) ?? { points: 0, verifiedTasks: 0 };
        total.points += contribution.points;
        total.verifiedTasks += contribution.verifiedTasks;
        totals.set(residentId, total);
      }
    }
  }
  return [...totals]
    .map(([residentId, total]) => ({ residentId, ...total }))
    .sort((a, b) => compareIds(a.residentId, b.residentId));
};
