/**
 * Honours, model-based: random award and prize commands by random actors, through the CommandHandler and
 * the in-memory store, against a model written from the rules (not from the decider): who may act, one
 * title per period and resident, replays and conflicts by id, prizes for recorded awards only.
 */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/audit/canonical.js';
import { CommandHandler } from '../../../src/commands/command-handler.js';
import { honoursAggregate } from '../../../src/domain/honours/index.js';
import type { ErrorCode } from '../../../src/domain/shared/errors.js';
import { InMemoryEventStore } from '../../../src/store/memory.js';
import { honoursStepsArb, type HonoursStep } from '../../../src/testing/arbitraries/honours.js';

const COMMUNITY = 'community-bairuijing';
const STREAM = `honours-${COMMUNITY}-2026`;

interface Model {
  readonly awards: Map<string, { readonly data: unknown; readonly residentId: string }>;
  readonly held: Set<string>;
  readonly prizes: Map<string, unknown>;
}

interface Real {
  readonly store: InMemoryEventStore;
  handler: CommandHandler;
}

type Expected = { readonly accept: boolean } | { readonly reject: ErrorCode };

interface AwardData {
  readonly awardId: string;
  readonly residentId: string;
  readonly title: string;
  readonly period: { readonly key: string };
}

/** What the rules say of a step, from the model alone. */
const expectedOf = (model: Model, step: HonoursStep): Expected => {
  const { actor } = step.context;
  const staff =
    (actor.role === 'community-staff' || actor.role === 'administrator') &&
    (actor.scope ?? []).includes(COMMUNITY);
  if (step.command.type === 'AwardHonour') {
    const data = step.command.data as unknown as AwardData;
    if (!staff || actor.id === data.residentId) return { reject: 'forbidden' };
    const recorded = model.awards.get(data.awardId);
    if (recorded !== undefined) {
      return canonicalJson(recorded.data) === canonicalJson(step.command.data)
        ? { accept: false }
        : { reject: 'idempotency-conflict' };
    }
    if (model.held.has(`${data.title}|${data.period.key}|${data.residentId}`))
      return { reject: 'already-awarded' };
    return { accept: true };
  }
  if (step.command.type !== 'GivePrize') throw new Error('an honours step');
  const data = step.command.data;
  if (!staff) return { reject: 'forbidden' };
  const award = model.awards.get(data.awardId);
  if (award === undefined) return { reject: 'not-found' };
  if (actor.id === award.residentId) return { reject: 'forbidden' };
  const given = model.prizes.get(data.awardId);
  if (given !== undefined)
    return canonicalJson(given) === canonicalJson(data)
      ? { accept: false }
      : { reject: 'idempotency-conflict' };
  return { accept: true };
};

let commandCount = 0;

/** One command, its outcome held to the model's, the model moved on when it records. */
class HonoursCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly step: HonoursStep) {}

  check(): boolean {
    return true;
  }

  async run(model: Model, real: Real): Promise<void> {
    const want = expectedOf(model, this.step);
    // A fresh command id each time: a reused one is the handler's idempotency, not the decider's rules.
    commandCount += 1;
    const context = { ...this.step.context, commandId: `cmd-${commandCount}` };
    const result = await real.handler.handle(honoursAggregate, this.step.command, context);
    if ('reject' in want) {
      expect(isLeft(result) ? result.left.code : 'accepted').toBe(want.reject);
      return;
    }
    if (isLeft(result)) throw new Error(`refused ${result.left.code}: ${result.left.message}`);
    expect(result.right.events.length).toBe(want.accept ? 1 : 0);
    if (!want.accept) return;
    if (this.step.command.type === 'AwardHonour') {
      const data = this.step.command.data as unknown as AwardData;
      model.awards.set(data.awardId, { data: this.step.command.data, residentId: data.residentId });
      model.held.add(`${data.title}|${data.period.key}|${data.residentId}`);
    } else if (this.step.command.type === 'GivePrize') {
      model.prizes.set(this.step.command.data.awardId, this.step.command.data);
    }
  }

  toString(): string {
    return `${this.step.context.actor.id} ${this.step.command.type} ${JSON.stringify(this.step.command.data)}`;
  }
}

/** A cold handler on the same store: the state must refold from the stream to the same decisions. */
class RestartCommand implements fc.AsyncCommand<Model, Real> {
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

const stepCommandArb = honoursStepsArb({ maxSteps: 1 })
  .filter((steps) => steps.length === 1)
  .map(([step]) => new HonoursCommand(step as HonoursStep));

describe('Honours: model-based, through the CommandHandler and the in-memory store', () => {
  it('agrees with the model on every command, and the stream holds exactly what the model recorded', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.commands([stepCommandArb, stepCommandArb, stepCommandArb, fc.constant(new RestartCommand())], {
          maxCommands: 40,
        }),
        async (commands) => {
          const store = new InMemoryEventStore();
          const model: Model = { awards: new Map(), held: new Set(), prizes: new Map() };
          await fc.asyncModelRun(
            () => ({ model, real: { store, handler: new CommandHandler(store) } }),
            commands,
          );
          const types: string[] = [];
          for await (const event of store.readStream(STREAM)) types.push(event.type);
          expect(types.filter((type) => type === 'HonourAwarded').length).toBe(model.awards.size);
          expect(types.filter((type) => type === 'PrizeGiven').length).toBe(model.prizes.size);
        },
      ),
      { numRuns: 80 },
    );
  });
});
