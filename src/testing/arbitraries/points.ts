import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { pointsCommands, type PointsCommandInput } from '../../domain/points/commands.js';
import { pointsDecider } from '../../domain/points/decider.js';
import { redemptionTotal, type PointsEvent, type RedemptionItem } from '../../domain/points/events.js';
import type { ResidentPointsState } from '../../domain/points/state.js';
import { CommandContextSchema, type CommandContextInput } from '../../domain/shared/context.js';
import {
  defaultPointsWorld,
  pointsActors,
  REDEMPTION_GOODS,
  type PointsWorld,
} from '../scenarios/points-world.js';
import type { ActorInput } from '../scenarios/task-world.js';

/**
 * The community a redemption or correction names: the account's own mostly, now and then another, which only
 * the community that keeps the account may not be bypassed by.
 */
const namedCommunityArb = (world: PointsWorld): fc.Arbitrary<string> =>
  fc.constantFrom(world.community, world.community, world.community, world.otherCommunity);

/** Any actor of the world. */
export const pointsActorArb = (world: PointsWorld = defaultPointsWorld): fc.Arbitrary<ActorInput> =>
  fc.constantFrom(...pointsActors(world));

/** One or two lines of goods, one or two units each, the cheap goods more often. */
export const redemptionItemsArb: fc.Arbitrary<RedemptionItem[]> = fc.array(
  fc
    .tuple(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...REDEMPTION_GOODS.slice(0, 2)) },
        { weight: 1, arbitrary: fc.constantFrom(...REDEMPTION_GOODS) },
      ),
      fc.integer({ min: 1, max: 2 }),
    )
    .map(([good, quantity]) => ({ ...good, quantity })),
  { minLength: 1, maxLength: 2 },
);

/** Award points per task: the default difficulty table (easy 5 ... expert 40). */
export const awardedPointsArb: fc.Arbitrary<number> = fc.constantFrom(5, 10, 20, 40);

/** `AwardPoints` for one of six tasks (so awards repeat), its audit link derived from the task. */
export const awardPointsCommandArb = (
  world: PointsWorld = defaultPointsWorld,
): fc.Arbitrary<Extract<PointsCommandInput, { type: 'AwardPoints' }>> =>
  fc.tuple(fc.integer({ min: 1, max: 6 }), awardedPointsArb).map(([n, points]) => ({
    type: 'AwardPoints',
    data: {
      residentId: world.residentId,
      community: world.community,
      taskId: `task-${n}`,
      points,
      verifiedEventId: `verified-task-${n}`,
    },
  }));

/** `RedeemPoints` with one of four redemption ids (so redemptions repeat) and a correct total. */
export const redeemPointsCommandArb = (
  world: PointsWorld = defaultPointsWorld,
): fc.Arbitrary<Extract<PointsCommandInput, { type: 'RedeemPoints' }>> =>
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), redemptionItemsArb, namedCommunityArb(world))
    .map(([n, items, community]) => ({
      type: 'RedeemPoints',
      data: {
        residentId: world.residentId,
        community,
        redemptionId: `redemption-${n}`,
        items,
        total: redemptionTotal(items),
      },
    }));

/** `AdjustPoints` by a signed, non-zero delta, with one of four adjustment ids (so adjustments repeat). */
export const adjustPointsCommandArb = (
  world: PointsWorld = defaultPointsWorld,
): fc.Arbitrary<Extract<PointsCommandInput, { type: 'AdjustPoints' }>> =>
  fc
    .tuple(
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: -80, max: 80 }).filter((delta) => delta !== 0),
      fc.constantFrom('correction of a double entry', 'bonus for the flood response', 'goods returned'),
      namedCommunityArb(world),
    )
    .map(([n, delta, reason, community]) => ({
      type: 'AdjustPoints',
      data: {
        residentId: world.residentId,
        community,
        adjustmentId: `adjustment-${n}`,
        delta,
        reason,
      },
    }));

/** Any points command on the world's resident, awards weighted up so that balances grow. */
export const pointsCommandArb = (world: PointsWorld = defaultPointsWorld): fc.Arbitrary<PointsCommandInput> =>
  fc.oneof(
    { weight: 3, arbitrary: awardPointsCommandArb(world) },
    { weight: 2, arbitrary: redeemPointsCommandArb(world) },
    { weight: 1, arbitrary: adjustPointsCommandArb(world) },
  );

/** A command ready for the command handler: the command and its full context. */
export interface PointsStep {
  readonly command: PointsCommandInput;
  readonly context: CommandContextInput;
}

/** Random points commands by random actors, a day apart, with unique command ids; many are rejected. */
export const pointsStepsArb = (
  world: PointsWorld = defaultPointsWorld,
  options: { readonly maxSteps?: number } = {},
): fc.Arbitrary<PointsStep[]> =>
  fc
    .array(fc.tuple(pointsCommandArb(world), pointsActorArb(world)), {
      maxLength: options.maxSteps ?? 30,
      size: 'medium',
    })
    .map((pairs) =>
      pairs.map(([command, actor], i) => ({
        command,
        context: {
          actor,
          now: new Date(Date.parse(world.epoch) + i * 86_400_000).toISOString(),
          commandId: `points-step-${i}`,
        },
      })),
    );

/** One resident's accepted points events, with the state they fold to. */
export interface PointsHistory {
  readonly residentId: string;
  readonly events: readonly PointsEvent[];
  readonly state: ResidentPointsState;
}

/**
 * Valid event histories of one resident's account (redemption always open), made by deciding random steps
 * with the ResidentPoints decider and keeping what it accepted: balances never go below zero, each task pays
 * once. For ledger and honour-roll projection tests.
 */
export const pointsHistoryArb = (
  world: PointsWorld = defaultPointsWorld,
  options: { readonly maxSteps?: number } = {},
): fc.Arbitrary<PointsHistory> =>
  pointsStepsArb(world, options).map((steps) => {
    let state = pointsDecider.initialState;
    const events: PointsEvent[] = [];
    for (const step of steps) {
      const command = pointsCommands.parse(step.command);
      if (isLeft(command)) continue;
      const decision = pointsDecider.decide(command.right, state, CommandContextSchema.parse(step.context));
      if (isLeft(decision)) continue;
      for (const event of decision.right) {
        events.push(event);
        state = pointsDecider.evolve(state, event);
      }
    }
    return { residentId: world.residentId, events, state };
  });
