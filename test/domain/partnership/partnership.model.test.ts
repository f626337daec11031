/**
 * Partnership, model-based, through the CommandHandler and the in-memory store: every outcome is the
 * model's, revenue sharing never starts before the partner's term ends, and the money received is the sum
 * of the contributions recorded.
 */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { CommandHandler } from '../../../src/commands/command-handler.js';
import {
  partnershipAggregate,
  partnershipEvents,
  type PartnershipCommandInput,
  type PartnershipEvent,
} from '../../../src/domain/partnership/index.js';
import { fold } from '../../../src/domain/shared/decider.js';
import type { ErrorCode } from '../../../src/domain/shared/errors.js';
import { partnershipStream } from '../../../src/domain/shared/ids.js';
import { InMemoryEventStore } from '../../../src/store/memory.js';
import type { FundAction } from '../../../src/testing/arbitraries/fund-basics.js';
import {
  agreePartnershipDataArb,
  partnershipActionArb,
} from '../../../src/testing/arbitraries/partnership.js';
import { defaultFundWorld, fundStaff } from '../../../src/testing/scenarios/fund-world.js';
import { instantAfter, type ActorInput } from '../../../src/testing/scenarios/task-world.js';
import { collect } from '../../store/contract.js';

const world = defaultFundWorld;
const partnershipId = 'partnership-1';
const stream = partnershipStream(partnershipId);
type Action = FundAction<PartnershipCommandInput>;

interface Model {
  minutes: number;
  partnership:
    | {
        status: 'agreed' | 'sharing' | 'ended';
        termEndMinutes: number;
        share?: number;
        contributions: Set<string>;
        received: number;
      }
    | undefined;
}

interface Real {
  readonly store: InMemoryEventStore;
  readonly handler: CommandHandler;
  commands: number;
}

type Expected = { readonly accept: PartnershipEvent['type'] } | { readonly reject: ErrorCode };

const minutesOf = (instant: string): number => (Date.parse(instant) - Date.parse(world.epoch)) / 60_000;

const isStaff = (actor: ActorInput): boolean =>
  (actor.role === 'community-staff' || actor.role === 'administrator') &&
  (actor.scope ?? []).some((u) => u === '*' || u === world.street || u === world.community);

/** The rules, restated: staff of the community keep partnerships; sharing once, after the term. */
const expected = (model: Model, { command, actor }: Action): Expected => {
  const p = model.partnership;
  if (command.type === 'AgreePartnership') {
    if (p !== undefined) return { reject: 'already-exists' };
    if (!isStaff(actor)) return { reject: 'forbidden' };
    return minutesOf(command.data.termEnd) <= minutesOf(command.data.termStart)
      ? { reject: 'invalid-command' }
      : { accept: 'PartnershipAgreed' };
  }
  if (p === undefined) return { reject: 'not-found' };
  if (p.status === 'ended') return { reject: 'invalid-transition' };
  if (!isStaff(actor)) return { reject: 'forbidden' };
  switch (command.type) {
    case 'RecordPartnerContribution':
      if (command.data.moneyFen === 0 && (command.data.assets ?? []).length === 0)
        return { reject: 'invalid-command' };
      return p.contributions.has(command.data.contributionId)
        ? { reject: 'already-exists' }
        : { accept: 'PartnerContributionRecorded' };
    case 'StartRevenueShare':
      if (p.status === 'sharing' || model.minutes < p.termEndMinutes) return { reject: 'invalid-transition' };
      return (command.data.compoundSharePercent ?? p.share) === undefined
        ? { reject: 'invalid-command' }
        : { accept: 'RevenueShareStarted' };
    case 'EndPartnership':
      return { accept: 'PartnershipEnded' };
    default:
      throw new Error('a Partnership command the model has no rule for');
  }
};

const apply = (model: Model, { command }: Action): void => {
  if (command.type === 'AgreePartnership') {
    model.partnership = {
      status: 'agreed',
      termEndMinutes: minutesOf(command.data.termEnd),
      ...(command.data.revenueSharePercent === undefined ? {} : { share: command.data.revenueSharePercent }),
      contributions: new Set(),
      received: 0,
    };
    return;
  }
  const p = model.partnership!;
  if (command.type === 'RecordPartnerContribution') {
    p.contributions.add(command.data.contributionId);
    p.received += command.data.moneyFen;
  } else if (command.type === 'StartRevenueShare') {
    p.status = 'sharing';
    p.share = command.data.compoundSharePercent ?? p.share;
  } else if (command.type === 'EndPartnership') p.status = 'ended';
};

const step = async (model: Model, real: Real, action: Action): Promise<void> => {
  model.minutes += action.advanceMinutes;
  const context = {
    actor: action.actor,
    now: instantAfter(world, model.minutes),
    commandId: `cmd-${(real.commands += 1)}`,
  };
  const want = expected(model, action);
  const result = await real.handler.handle(partnershipAggregate, action.command, context);
  if ('reject' in want)
    expect(isLeft(result) ? result.left.code : `recorded ${action.command.type}`).toBe(want.reject);
  else {
    if (isLeft(result))
      throw new Error(`expected ${want.accept}, got ${result.left.code}: ${result.left.message}`);
    expect(result.right.events.map((e) => e.type)).toEqual([want.accept]);
    apply(model, action);
  }
  const events = (await collect(real.store.readStream(stream))).map((raw) => {
    const event = partnershipEvents.parse(raw);
    if (isLeft(event)) throw new Error(event.left.message);
    return { event: event.right, at: minutesOf(raw.metadata.occurredAt) };
  });
  const state = fold(
    partnershipAggregate.decider,
    events.map((e) => e.event),
  );
  const p = model.partnership;
  expect(state.status).toBe(p?.status ?? 'unagreed');
  if (state.status !== 'unagreed') expect(state.receivedFen).toBe(p?.received);
  for (const { event, at } of events)
    if (event.type === 'RevenueShareStarted') expect(at).toBeGreaterThanOrEqual(p!.termEndMinutes);
};

class ActionCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly action: Action) {}
  check(): boolean {
    return true;
  }
  async run(model: Model, real: Real): Promise<void> {
    await step(model, real, this.action);
  }
  toString(): string {
    const { command, actor, advanceMinutes } = this.action;
    return `+${advanceMinutes}m ${actor.id}/${actor.role} ${command.type} ${JSON.stringify(command.data)}`;
  }
}

const commandsArb = fc.commands(
  [partnershipActionArb(partnershipId, world).map((a) => new ActionCommand(a))],
  {
    maxCommands: 25,
  },
);
const agreeArb = agreePartnershipDataArb(partnershipId, world).map(
  (data) =>
    new ActionCommand({
      command: { type: 'AgreePartnership', data },
      actor: fundStaff(world),
      advanceMinutes: 0,
    }),
);

describe('Partnership: model-based, through the CommandHandler', () => {
  it('agrees with the model and never shares revenue before the term ends', async () => {
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.option(agreeArb, { freq: 6 }), commandsArb, async (agree, commands) => {
        const store = new InMemoryEventStore();
        const real: Real = { store, handler: new CommandHandler(store), commands: 0 };
        await fc.asyncModelRun(
          () => ({ model: { minutes: 0, partnership: undefined }, real }),
          agree === null ? commands : [agree, ...commands],
        );
        for (const event of await collect(store.readStream(stream))) reached.add(event.type);
      }),
      { numRuns: 100 },
    );
    expect([...reached].sort()).toEqual(Object.keys(partnershipAggregate.recordedBy ?? {}).sort());
  });
});
