/** Places, people and events of the problem stories: one street, two communities, grids A and B. */
import { isLeft } from 'fp-ts/lib/Either.js';
import { problemAggregate } from '../../../src/domain/problem/aggregate.js';
import type { ProblemEvent } from '../../../src/domain/problem/events.js';
import type { CommandContextInput } from '../../../src/domain/shared/context.js';
import { problemStream } from '../../../src/domain/shared/ids.js';
import type { Tier } from '../../../src/domain/shared/tiers.js';
import type { UnitPath } from '../../../src/domain/shared/units.js';
import type { EventStore } from '../../../src/store/event-store.js';

export const NOW = '2026-03-01T08:00:00.000Z';
export const hoursAfter = (instant: string, hours: number): string =>
  new Date(Date.parse(instant) + hours * 3_600_000).toISOString();

/** Grid A of the Longtanzi community and grid B of the neighbouring one, both in the same street. */
export const gridA: UnitPath = { street: 'longtanzi-st', community: 'longtanzi', grid: 'longtanzi.g3' };
export const gridB: UnitPath = { street: 'longtanzi-st', community: 'baiyun', grid: 'baiyun.g1' };

type ActorInput = CommandContextInput['actor'];

export const rider: ActorInput = { id: 'rider-42', role: 'resident' };
export const resident: ActorInput = { id: 'res-7', role: 'resident' };
export const neighbour: ActorInput = { id: 'res-8', role: 'resident' };
export const gridWorkerA: ActorInput = { id: 'gw-a', role: 'grid-worker', scope: [gridA.grid] };
export const gridWorkerB: ActorInput = { id: 'gw-b', role: 'grid-worker', scope: [gridB.grid] };
export const communityStaffA: ActorInput = { id: 'cs-a', role: 'community-staff', scope: [gridA.community] };
export const communityStaffB: ActorInput = { id: 'cs-b', role: 'community-staff', scope: [gridB.community] };
export const streetOfficial: ActorInput = { id: 'so-1', role: 'street-official', scope: [gridA.street] };
export const otherStreetOfficial: ActorInput = { id: 'so-9', role: 'street-official', scope: ['far-st'] };
export const department: ActorInput = { id: 'dept-water', role: 'department' };
export const cityAdmin: ActorInput = { id: 'admin-1', role: 'administrator', scope: ['*'] };
export const farAdmin: ActorInput = { id: 'admin-9', role: 'administrator', scope: ['far-st'] };

/** The staff member of grid A's chain for each tier. */
export const staffA: Readonly<Record<Tier, ActorInput>> = {
  grid: gridWorkerA,
  community: communityStaffA,
  street: streetOfficial,
  department,
};

let seq = 0;
/** A context for `actor` at `now` (NOW unless given), with a fresh command id. */
export const by = (actor: ActorInput, now = NOW): CommandContextInput => {
  seq += 1;
  return { actor, now, commandId: `story-${seq}` };
};

export const P = 'p-1';

/** The events of a problem reported by `reporterId` in grid A as `category`. */
export const reported = (
  overrides: Partial<Extract<ProblemEvent, { type: 'ProblemReported' }>['data']> = {},
): ProblemEvent => ({
  type: 'ProblemReported',
  data: {
    problemId: P,
    path: gridA,
    category: 'garbage-collection',
    description: 'Garbage not collected for three days',
    reporterId: resident.id,
    channel: 'app',
    media: [],
    ...overrides,
  },
});

export const triaged = (tier: Tier, category = 'garbage-collection'): ProblemEvent => ({
  type: 'ProblemTriaged',
  data: { problemId: P, category, tier, priority: 'normal', dueBy: hoursAfter(NOW, 24) },
});

export const escalated = (fromTier: Tier, toTier: Tier): ProblemEvent => ({
  type: 'ProblemEscalated',
  data: { problemId: P, fromTier, toTier, reason: 'beyond our powers', dueBy: hoursAfter(NOW, 72) },
});

export const resolved = (tier: Tier): ProblemEvent => ({
  type: 'ProblemResolved',
  data: { problemId: P, tier, resolution: 'done' },
});

export const rated = (satisfied: boolean, score: number): ProblemEvent => ({
  type: 'ProblemRated',
  data: { problemId: P, satisfied, score },
});

export const closed: ProblemEvent = { type: 'ProblemClosed', data: { problemId: P } };

/** A problem's history read back from a store, each event parsed by the aggregate's catalogue. */
export const readHistory = async (store: EventStore, problemId: string): Promise<ProblemEvent[]> => {
  const history: ProblemEvent[] = [];
  for await (const raw of store.readStream(problemStream(problemId))) {
    const parsed = problemAggregate.events.parse(raw, { errorCode: 'invalid-event' });
    if (isLeft(parsed)) throw new Error(`${problemId}@${raw.revision}: ${parsed.left.message}`);
    history.push(parsed.right);
  }
  return history;
};
