import fc from 'fast-check';
import type { AnchorCommandInput } from '../../domain/anchor/commands.js';
import type { HonoursCommandInput } from '../../domain/honours/commands.js';
import { honoursIdOf } from '../../domain/honours/events.js';
import type { CommandContextInput } from '../../domain/shared/context.js';
import type { ActorInput } from '../scenarios/task-world.js';

/** One step of an Honours or HistoryAnchors stream: a command and its context. */
export interface HonoursStep {
  readonly command: HonoursCommandInput | AnchorCommandInput;
  readonly context: CommandContextInput;
}

const COMMUNITY = 'community-bairuijing';
const OTHER = 'community-longtanzi';
const YEAR = '2026';

/**
 * Everyone who might send an Honours command: community staff and an administrator of the community (who
 * may), staff of another community, a resident, the system, and a staff member who is also a candidate.
 */
export const honoursActorArb: fc.Arbitrary<ActorInput> = fc.constantFrom<ActorInput>(
  { id: 'staff-community', role: 'community-staff', scope: [COMMUNITY] },
  { id: 'admin-community', role: 'administrator', scope: [COMMUNITY] },
  { id: 'staff-elsewhere', role: 'community-staff', scope: [OTHER] },
  { id: 'resident-1', role: 'resident' },
  { id: 'points-policy', role: 'system', scope: ['*'] },
  { id: 'resident-2', role: 'community-staff', scope: [COMMUNITY] },
);

/** `AwardHonour` of any title to one of three residents, with one of four award ids (so awards repeat). */
export const awardHonourCommandArb: fc.Arbitrary<Extract<HonoursCommandInput, { type: 'AwardHonour' }>> = fc
  .record({
    n: fc.integer({ min: 1, max: 4 }),
    residentId: fc.constantFrom('resident-1', 'resident-2', 'resident-3'),
    quarter: fc.integer({ min: 1, max: 4 }),
    points: fc.integer({ min: 1, max: 400 }),
    verifiedTasks: fc.integer({ min: 1, max: 30 }),
    rank: fc.integer({ min: 1, max: 5 }),
    kind: fc.constantFrom('governance-talent', 'governance-pioneer', 'red-list', 'star-volunteer'),
  })
  .map(({ n, residentId, quarter, points, verifiedTasks, rank, kind }) => {
    const common = {
      honoursId: honoursIdOf(COMMUNITY, YEAR),
      community: COMMUNITY,
      awardId: `award-${n}`,
      residentId,
    };
    const q = { kind: 'quarter' as const, key: `${YEAR}-Q${quarter}` };
    switch (kind) {
      case 'governance-talent':
      case 'governance-pioneer':
        return {
          type: 'AwardHonour',
          data: { ...common, title: kind, period: q, basis: { points, verifiedTasks, rank } },
        };
      case 'red-list':
        return {
          type: 'AwardHonour',
          data: { ...common, title: kind, period: q, basis: { points, verifiedTasks } },
        };
      case 'star-volunteer': {
        const thresholds = [50, 150, 300];
        const stars = Math.max(1, thresholds.filter((t) => points >= t).length);
        return {
          type: 'AwardHonour',
          data: {
            ...common,
            title: kind,
            period: { kind: 'year', key: YEAR },
            basis: { points: Math.max(points, 50), stars, thresholds },
          },
        };
      }
    }
  });

/** `GivePrize` for one of the four award ids, one of two prizes. */
export const givePrizeCommandArb: fc.Arbitrary<Extract<HonoursCommandInput, { type: 'GivePrize' }>> = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.constantFrom('certificate', 'rice-10kg'))
  .map(([n, prize]) => ({
    type: 'GivePrize',
    data: { honoursId: honoursIdOf(COMMUNITY, YEAR), community: COMMUNITY, awardId: `award-${n}`, prize },
  }));

/** Random Honours steps on the stream `honours-community-bairuijing-2026`, a day apart. */
export const honoursStepsArb = (options: { readonly maxSteps?: number } = {}): fc.Arbitrary<HonoursStep[]> =>
  fc
    .array(
      fc.tuple(
        fc.oneof(
          { weight: 3, arbitrary: awardHonourCommandArb },
          { weight: 1, arbitrary: givePrizeCommandArb },
        ),
        honoursActorArb,
      ),
      {
        maxLength: options.maxSteps ?? 25,
      },
    )
    .map((pairs) =>
      pairs.map(([command, actor], i) => ({
        command,
        context: {
          actor,
          now: new Date(Date.UTC(2026, 2, 1) + i * 86_400_000).toISOString(),
          commandId: `honours-step-${i}`,
        },
      })),
    );

/**
 * Random `AnchorHistory` steps on the ledger `main`, as the decider sees them: counts that mostly rise, now
 * and then fall back; actors that may (the system, an administrator over everything) and may not.
 */
export const anchorStepsArb = (options: { readonly maxSteps?: number } = {}): fc.Arbitrary<HonoursStep[]> =>
  fc
    .array(
      fc.tuple(
        fc.integer({ min: 1, max: 50 }),
        fc.constantFrom<ActorInput>(
          { id: 'anchorer', role: 'system', scope: ['*'] },
          { id: 'admin-all', role: 'administrator', scope: ['*'] },
          { id: 'admin-community', role: 'administrator', scope: [COMMUNITY] },
          { id: 'resident-1', role: 'resident' },
        ),
        fc.stringMatching(/^[0-9a-f]{64}$/),
      ),
      { maxLength: options.maxSteps ?? 15 },
    )
    .map((triples) =>
      triples.map(([events, actor, hex], i) => ({
        command: {
          type: 'AnchorHistory' as const,
          data: {
            ledger: 'main',
            events: events * (i + 1),
            digest: `sha256:${hex}`,
            heads: [{ streamId: 'task-1', hash: hex }],
          },
        },
        context: {
          actor,
          now: new Date(Date.UTC(2026, 2, 1) + i * 3_600_000).toISOString(),
          commandId: `anchor-step-${i}`,
        },
      })),
    );
