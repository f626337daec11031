import { isDeepStrictEqual } from 'node:util';
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
  /** What each task's award, each redemption and each adjustment recorded, by id. */
  awarded: Map<string, unknown>;
  redemptions: Map<string, unknown>;
  adjustments: Map<string, unknown>;
  /** Every accepted command, in order: what a retry re-sends. */
  accepted: PointsCommandInput[];
}

interface Real {
  readonly store: InMemoryEventStore;
  handler: CommandHandler;
  commands: number;
}

type Expected =
  { readonly accept: PointsEvent['type'] } | { readonly noop: true } | { readonly reject: ErrorCode };

/** The community's administrator: may award, redeem at the counter and adjust. */
const ADMIN: ActorInput = { id: 'admin-community', role: 'administrator', scope: [world.community] };

const covers = (actor: ActorInput, roles: readonly string[], community: string): boolean =>
  roles.includes(actor.role) && (actor.scope ?? []).includes(community);

/** A reused id: nothing to do when it recorded this very content, a conflict when it recorded other content. */
const reuse = (recorded: Map<string, unknown>, id: string, data: unknown): Expected | undefined => {
  if (!recorded.has(id)) return undefined;
  return isDeepStrictEqual(recorded.get(id), data) ? { noop: true } : { reject: 'idempotency-conflict' };
};

/** The points rules, restated for the model. */
const expected = (model: Model, command: PointsCommandInput, actor: ActorInput): Expected => {
  const self = actor.id === world.residentId;
  const { community } = command.data;
  // Redemptions and corrections belong to the community that keeps the account (its first entry's).
  const elsewhere = model.community !== undefined && community !== model.community;
  switch (command.type) {
    case 'AwardPoints':
      if (self || !covers(actor, ['system', 'administrator'], community)) return { reject: 'forbidden' };
      return reuse(model.awarded, command.data.taskId, command.data) ?? { accept: 'PointsEarned' };
    case 'RedeemPoints': {
      if (elsewhere) return { reject: 'forbidden' };
      if (!(
        (self && actor.role === 'resident') ||
        covers(actor, ['community-staff', 'administrator'], community)
      )) {
        return { reject: 'forbidden' };
      }
      const reused = reuse(model.redemptions, command.data.redemptionId, command.data);
      if (reused !== undefined) return reused;
      const open = windows.some((w) => w.opens <= dayAt(model.day) && dayAt(model.day) < w.closes);
      if (!open) return { reject: 'redemption-closed' };
      return command.data.total > model.balance
        ? { reject: 'insufficient-points' }
        : { accept: 'PointsRedeemed' };
    }
    case 'AdjustPoints': {
      if (elsewhere || self || !covers(actor, ['administrator'], community)) return { reject: 'forbidden' };
      const reused = reuse(model.adjustments, command.data.adjustmentId, command.data);
      if (reused !== undefined) return reused;
      if (model.balance + command.data.delta < 0) return { reject: 'insufficient-points' };
      return { accept: 'PointsAdjusted' };
    }
  }
};

const apply = (model: Model, command: PointsCommandInput): void => {
  model.community ??= command.data.community;
  model.accepted.push(command);
  switch (command.type) {
    case 'AwardPoints':
      model.balance += command.data.points;
      model.earned += command.data.points;
      model.awarded.set(command.data.taskId, command.data);
      return;
    case 'RedeemPoints':
      model.balance -= command.data.total;
      model.redeemed += command.data.total;
      model.redemptions.set(command.data.redemptionId, command.data);
      return;
    case 'AdjustPoints':
      model.balance += command.data.delta;
      model.adjusted += command.data.delta;
      model.adjustments.set(command.data.adjustmentId, command.data);
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

/** A map's entries as pairs sorted by id, for comparison with the model's. */
const entriesByIdOf = (map: IdMap<unknown> | Map<string, unknown>): (readonly [string, unknown])[] =>
  [...(map instanceof Map ? map.entries() : entriesOf(map))].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

const checkInvariants = (model: Model, events: readonly PointsEvent[]): void => {
  const state = fold(aggregate.decider, events);
  expect(state.balance).toBeGreaterThanOrEqual(0);
  expect(state.balance).toBe(state.earned - state.redeemed + state.adjusted);
  expect({
    ...state,
    awardedTaskIds: entriesByIdOf(state.awardedTaskIds),
    redemptionIds: entriesByIdOf(state.redemptionIds),
    adjustmentIds: entriesByIdOf(state.adjustmentIds),
  }).toEqual({
    ...(model.community === undefined ? {} : { community: model.community }),
    balance: model.balance,
    earned: model.earned,
    redeemed: model.redeemed,
    adjusted: model.adjusted,
    awardedTaskIds: entriesByIdOf(model.awarded),
    redemptionIds: entriesByIdOf(model.redemptions),
    adjustmentIds: entriesByIdOf(model.adjustments),
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
    reached.add(
      'accept' in want
        ? want.accept
        : 'noop' in want
          ? `noop ${this.command.type}`
          : want.reject === 'idempotency-conflict'
            ? `conflict ${this.command.type}`
            : want.reject,
    );
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

/** Re-sends an accepted entry (a retry under a new command id) as the community's administrator. */
class RepeatEntryCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly advanceDays: number,
  ) {}

  check(model: Readonly<Model>): boolean {
    return model.accepted.length > 0;
  }

  async run(model: Model, real: Real): Promise<void> {
    const command = model.accepted[this.pick % model.accepted.length]!;
    await new PointsActionCommand(command, ADMIN, this.advanceDays).run(model, real);
  }

  toString(): string {
    return `repeat #${this.pick} +${this.advanceDays}d`;
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

const repeatArb = fc
  .tuple(fc.nat(), fc.integer({ min: 0, max: 4 }))
  .map(([pick, days]) => new RepeatEntryCommand(pick, days));

const actionArb = fc
  .tuple(pointsCommandArb(world), pointsActorArb(world), fc.integer({ min: 0, max: 4 }))
  .map(([command, actor, days]) => new PointsActionCommand(command, actor, days));

/** Adjustments by the community's administrator, so that repeated adjustment ids are reached too. */
const adminAdjustArb = fc
  .tuple(adjustPointsCommandArb(world), fc.integer({ min: 0, max: 4 }))
  .map(([command, days]) => new PointsActionCommand(command, ADMIN, days));

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
      awarded: new Map<string, unknown>(),
      redemptions: new Map<string, unknown>(),
      adjustments: new Map<string, unknown>(),
      accepted: [],
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
            repeatArb,
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
        'conflict AdjustPoints',
        'conflict AwardPoints',
        'conflict RedeemPoints',
        'redemption-closed',
      ].sort(),
    );
  });
});
