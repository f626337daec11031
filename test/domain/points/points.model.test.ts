import { entriesOf, type IdMap } from '../../../src/domain/shared/id-map.js';
import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { CommandHandler } from '../../../src/commands/command-handler.js';
import {
  createResidentPointsAggregate,
  pointsEvents,
  type PointsCommandInput,
  type PointsEvent,
} from '../../../src/domain/points/index.js';
import { fold } from '../../../src/domain/shared/decider.js';
import type { ErrorCode } from '../../../src/domain/shared/errors.js';
import { pointsStream } from '../../../src/domain/shared/ids.js';
import type { RecordedEvent } from '../../../src/store/event-store.js';
import { InMemoryEventStore } from '../../../src/store/memory.js';
import {
  adjustPointsCommandArb,
  pointsActorArb,
  pointsCommandArb,
  redeemPointsCommandArb,
} from '../../../src/testing/arbitraries/points.js';
import { defaultPointsWorld } from '../../../src/testing/scenarios/points-world.js';
import type { ActorInput } from '../../../src/testing/scenarios/task-world.js';
import { collect } from '../../store/contract.js';

const world = defaultPointsWorld;
const stream = pointsStream(world.residentId);
const DAY = 86_400_000;
const dayAt = (day: number): string => new Date(Date.parse(world.epoch) + day * DAY).toISOString();

/** The redemption events of the test calendar: ten days open, ten days closed, and so on. */
const windows = [0, 20, 40, 60, 80, 100, 120, 140].map((day) => ({
  opens: dayAt(day),
  closes: dayAt(day + 10),
}));
const aggregate = createResidentPointsAggregate({ redemptionWindows: windows });

interface Model {
  day: number;
  /** The community that keeps the account: its first entry's. */
  community?: string;
  balance: number;
  earned: number;
  redeemed: number;
  adjusted: number;
  awarded: Set<string>;
  redemptions: Set<string>;
  adjustments: Set<string>;
}

interface Real {
  readonly store: InMemoryEventStore;
  handler: CommandHandler;
  commands: number;
}

type Expected =
  { readonly accept: PointsEvent['type'] } | { readonly noop: true } | { readonly reject: ErrorCode };

const covers = (actor: ActorInput, roles: readonly string[], community: string): boolean =>
  roles.includes(actor.role) && (actor.scope ?? []).includes(community);

/** The points rules, restated for the model. */
const expected = (model: Model, command: PointsCommandInput, actor: ActorInput): Expected => {
  const self = actor.id === world.residentId;
  const { community } = command.data;
  // Redemptions and corrections belong to the community that keeps the account (its first entry's).
  const elsewhere = model.community !== undefined && community !== model.community;
  switch (command.type) {
    case 'AwardPoints':
      if (self || !covers(actor, ['system', 'administrator'], community)) return { reject: 'forbidden' };
      return model.awarded.has(command.data.taskId) ? { noop: true } : { accept: 'PointsEarned' };
    case 'RedeemPoints': {
      if (elsewhere) return { reject: 'forbidden' };
      if (!(
        (self && actor.role === 'resident') ||
        covers(actor, ['community-staff', 'administrator'], community)
      )) {
        return { reject: 'forbidden' };
      }
      if (model.redemptions.has(command.data.redemptionId)) return { noop: true };
      const open = windows.some((w) => w.opens <= dayAt(model.day) && dayAt(model.day) < w.closes);
      if (!open) return { reject: 'redemption-closed' };
      return command.data.total > model.balance
        ? { reject: 'insufficient-points' }
        : { accept: 'PointsRedeemed' };
    }
    case 'AdjustPoints':
      if (elsewhere || self || !covers(actor, ['administrator'], community)) return { reject: 'forbidden' };
      if (model.adjustments.has(command.data.adjustmentId)) return { noop: true };
      if (model.balance + command.data.delta < 0) return { reject: 'insufficient-points' };
      return { accept: 'PointsAdjusted' };
  }
};

const apply = (model: Model, command: PointsCommandInput): void => {
  model.community ??= command.data.community;
  switch (command.type) {
    case 'AwardPoints':
      model.balance += command.data.points;
      model.earned += command.data.points;
      model.awarded.add(command.data.taskId);
      return;
    case 'RedeemPoints':
      model.balance -= command.data.total;
      model.redeemed += command.data.total;
      model.redemptions.add(command.data.redemptionId);
      return;
    case 'AdjustPoints':
      model.balance += command.data.delta;
      model.adjusted += command.data.delta;
      model.adjustments.add(command.data.adjustmentId);
  }
};

/** The stream's events as the store holds them. */
const readStream = (store: InMemoryEventStore): Promise<RecordedEvent[]> => collect(store.readStream(stream));

const parsed = (events: readonly RecordedEvent[]): PointsEvent[] =>
  events.map((raw) => {
    const event = pointsEvents.parse(raw);
    if (isLeft(event)) throw new Error(event.left.message);
    return event.right;
  });

const idsOf = (ids: IdMap<true>): string[] => [...entriesOf(ids)].map(([id]) => id).sort();

const checkInvariants = (model: Model, events: readonly PointsEvent[]): void => {
  const state = fold(aggregate.decider, events);
  expect(state.balance).toBeGreaterThanOrEqual(0);
  expect(state.balance).toBe(state.earned - state.redeemed + state.adjusted);
  expect({
    ...state,
    awardedTaskIds: idsOf(state.awardedTaskIds),
    redemptionIds: idsOf(state.redemptionIds),
    adjustmentIds: idsOf(state.adjustmentIds),
  }).toEqual({
    ...(model.community === undefined ? {} : { community: model.community }),
    balance: model.balance,
    earned: model.earned,
    redeemed: model.redeemed,
    adjusted: model.adjusted,
    awardedTaskIds: [...model.awarded].sort(),
    redemptionIds: [...model.redemptions].sort(),
    adjustmentIds: [...model.adjustments].sort(),
  });
  const earnedTasks = events.flatMap((e) => (e.type === 'PointsEarned' ? [e.data.taskId] : []));
  expect(new Set(earnedTasks).size).toBe(earnedTasks.length);
  // Every prefix of the history, not only the whole, kept the balance at or above zero.
  let prefix = aggregate.decider.initialState;
  for (const event of events) {
    prefix = aggregate.decider.evolve(prefix, event);
    expect(prefix.balance).toBeGreaterThanOrEqual(0);
  }
};

/** Sends one command as one actor after some days, and checks the outcome against the model. */
/** Every outcome the runs produced, so the test can tell it explored more than rejections. */
const reached = new Set<string>();

class PointsActionCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly command: PointsCommandInput,
    readonly actor: ActorInput,
    readonly advanceDays: number,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: Model, real: Real): Promise<void> {
    model.day += this.advanceDays;
    const context = { actor: this.actor, now: dayAt(model.day), commandId: `cmd-${(real.commands += 1)}` };
    const before = await readStream(real.store);
    const want = expected(model, this.command, this.actor);
    reached.add('accept' in want ? want.accept : 'noop' in want ? `noop ${this.command.type}` : want.reject);
    const result = await real.handler.handle(aggregate, this.command, context);
    const after = await readStream(real.store);
    if ('accept' in want) {
      if (isLeft(result))
        throw new Error(`expected ${want.accept}, got ${result.left.code}: ${result.left.message}`);
      expect(result.right.events.map((e) => e.type)).toEqual([want.accept]);
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.length).toBe(before.length + 1);
      apply(model, this.command);
    } else {
      if ('noop' in want) expect(isLeft(result) ? result.left.code : result.right.events).toEqual([]);
      else expect(isLeft(result) && result.left.code).toBe(want.reject);
      expect(after).toEqual(before);
    }
    checkInvariants(model, parsed(after));
  }

  toString(): string {
    return `+${this.advanceDays}d ${this.actor.id}/${this.actor.role} ${this.command.type} ${JSON.stringify(this.command.data)}`;
  }
}

/** Starts a cold handler on the same store: the account must refold from its history. */
class RestartHandlerCommand implements fc.AsyncCommand<Model, Real> {
  check(): boolean {
    return true;
  }

  async run(_model: Model, real: Real): Promise<void> {
    real.handler = new CommandHandler(real.store);
  }

  toString(): string {
    return 'restart handler';
  }
}

const actionArb = fc
  .tuple(pointsCommandArb(world), pointsActorArb(world), fc.integer({ min: 0, max: 4 }))
  .map(([command, actor, days]) => new PointsActionCommand(command, actor, days));

/** Adjustments by the community's administrator, so that repeated adjustment ids are reached too. */
const adminAdjustArb = fc
  .tuple(adjustPointsCommandArb(world), fc.integer({ min: 0, max: 4 }))
  .map(
    ([command, days]) =>
      new PointsActionCommand(
        command,
        { id: 'admin-community', role: 'administrator', scope: [world.community] },
        days,
      ),
  );

/** Redemptions by the resident at the counter, so that repeated redemption ids are reached too. */
const selfRedeemArb = fc
  .tuple(redeemPointsCommandArb(world), fc.integer({ min: 0, max: 4 }))
  .map(
    ([command, days]) => new PointsActionCommand(command, { id: world.residentId, role: 'resident' }, days),
  );

const freshSetup = () => {
  const store = new InMemoryEventStore();
  return () => ({
    model: {
      day: 0,
      balance: 0,
      earned: 0,
      redeemed: 0,
      adjusted: 0,
      awarded: new Set<string>(),
      redemptions: new Set<string>(),
      adjustments: new Set<string>(),
    } as Model,
    real: { store, handler: new CommandHandler(store), commands: 0 } as Real,
  });
};

describe('ResidentPoints: model-based, through the CommandHandler and the in-memory store', () => {
  it('agrees with the model on every command and never lets the balance go below zero', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.commands(
          [
            actionArb,
            actionArb,
            actionArb,
            adminAdjustArb,
            selfRedeemArb,
            fc.constant(new RestartHandlerCommand()),
          ],
          { maxCommands: 40, size: 'medium' },
        ),
        (commands) => fc.asyncModelRun(freshSetup(), commands),
      ),
      { numRuns: 100 },
    );
    expect([...reached].sort()).toEqual(
      [
        'PointsAdjusted',
        'PointsEarned',
        'PointsRedeemed',
        'forbidden',
        'insufficient-points',
        'noop AdjustPoints',
        'noop AwardPoints',
        'noop RedeemPoints',
        'redemption-closed',
      ].sort(),
    );
  });
});
