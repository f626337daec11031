import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { CommandHandler } from '../../../src/commands/command-handler.js';
import type { ErrorCode } from '../../../src/domain/shared/errors.js';
import { fold } from '../../../src/domain/shared/decider.js';
import { taskStream } from '../../../src/domain/shared/ids.js';
import {
  taskAggregate,
  taskEvents,
  type Audience,
  type ClaimStatus,
  type TaskEvent,
} from '../../../src/domain/task/index.js';
import { InMemoryEventStore } from '../../../src/store/memory.js';
import {
  defaultTaskWorld,
  instantAfter,
  type ActorInput,
} from '../../../src/testing/scenarios/task-world.js';
import {
  publishTaskDataArb,
  taskEpisodeArb,
  type TaskAction,
} from '../../../src/testing/arbitraries/task.js';
import type { RecordedEvent } from '../../../src/store/event-store.js';
import { collect } from '../../store/contract.js';

const world = defaultTaskWorld;
const taskId = 'task-1';
const stream = taskStream(taskId);

/** What the model knows of the task: the rules below are written against it, independently of the decider. */
interface ModelTask {
  status: 'open' | 'cancelled' | 'expired';
  community: string;
  unit: string | undefined;
  points: number;
  slots: number;
  audience: Audience;
  deadlineMinutes: number;
  claims: Map<string, ClaimStatus>;
}

interface Model {
  minutes: number;
  task: ModelTask | undefined;
}

interface Real {
  readonly store: InMemoryEventStore;
  handler: CommandHandler;
  commands: number;
}

/** The outcome the model expects: the one event type a command records, nothing (no-op), or a rejection. */
type Expected = { readonly accept: TaskEvent['type'] } | { readonly reject: ErrorCode };

const minutesOf = (instant: string): number => (Date.parse(instant) - Date.parse(world.epoch)) / 60_000;

const staffCovers = (actor: ActorInput, community: string, unit: string | undefined): boolean =>
  (actor.role === 'community-staff' || actor.role === 'administrator') &&
  (actor.scope ?? []).some((u) => u === community || (unit !== undefined && u === unit));

const verifiedCount = (task: ModelTask): number =>
  [...task.claims.values()].filter((s) => s === 'verified').length;

/** The rules of DOMAIN.md and the brief, restated for the model. */
const expected = (model: Model, action: TaskAction): Expected => {
  const { command, actor } = action;
  const now = model.minutes;
  if (command.type === 'PublishTask') {
    if (model.task !== undefined) return { reject: 'already-exists' };
    if (!staffCovers(actor, command.data.community, command.data.unit)) return { reject: 'forbidden' };
    if (minutesOf(command.data.deadline) <= now) return { reject: 'invalid-command' };
    return { accept: 'TaskPublished' };
  }
  const task = model.task;
  if (task === undefined) return { reject: 'not-found' };
  if (task.status !== 'open') return { reject: 'invalid-transition' };
  const staff = staffCovers(actor, task.community, task.unit);
  switch (command.type) {
    case 'ClaimTask':
      // Residents and cadres claim; membership of a directed task's organisation is judged outside the
      // decider, against the organisation's history (test/domain/organisation/claims.test.ts).
      if (!['resident', 'grid-worker', 'community-staff'].includes(actor.role))
        return { reject: 'forbidden' };
      if (now >= task.deadlineMinutes) return { reject: 'invalid-transition' };
      if (task.claims.has(actor.id)) return { reject: 'already-exists' };
      if (task.claims.size >= task.slots) return { reject: 'limit-exceeded' };
      return { accept: 'TaskClaimed' };
    case 'SubmitProof': {
      const claim = task.claims.get(actor.id);
      if (claim === undefined) return { reject: 'forbidden' };
      return claim === 'claimed' ? { accept: 'TaskProofSubmitted' } : { reject: 'invalid-transition' };
    }
    case 'VerifyTask':
    case 'RejectProof': {
      const { residentId } = command.data;
      if (!staff || actor.id === residentId) return { reject: 'forbidden' };
      const claim = task.claims.get(residentId);
      if (claim === undefined) return { reject: 'not-found' };
      if (claim !== 'proof-submitted') return { reject: 'invalid-transition' };
      return { accept: command.type === 'VerifyTask' ? 'TaskVerified' : 'TaskProofRejected' };
    }
    case 'ReleaseClaim': {
      const residentId = command.data.residentId ?? actor.id;
      if (actor.id !== residentId && !staff) return { reject: 'forbidden' };
      const claim = task.claims.get(residentId);
      if (claim === undefined) return { reject: 'not-found' };
      return claim === 'verified' ? { reject: 'invalid-transition' } : { accept: 'TaskClaimReleased' };
    }
    case 'CancelTask':
      if (!staff) return { reject: 'forbidden' };
      return verifiedCount(task) >= task.slots
        ? { reject: 'invalid-transition' }
        : { accept: 'TaskCancelled' };
    case 'ExpireTask':
      if (now < task.deadlineMinutes || verifiedCount(task) >= task.slots)
        return { reject: 'invalid-transition' };
      return { accept: 'TaskExpired' };
  }
};

/** Moves the model on after an accepted command. */
const apply = (model: Model, action: TaskAction, defaultPoints: number): void => {
  const { command, actor } = action;
  if (command.type === 'PublishTask') {
    model.task = {
      status: 'open',
      community: command.data.community,
      unit: command.data.unit,
      points: command.data.points ?? defaultPoints,
      slots: command.data.slots ?? 1,
      audience: command.data.audience ?? { kind: 'public' },
      deadlineMinutes: minutesOf(command.data.deadline),
      claims: new Map(),
    };
    return;
  }
  const task = model.task!;
  const end = (status: 'cancelled' | 'expired') => {
    task.status = status;
    for (const [resident, claim] of task.claims) if (claim !== 'verified') task.claims.delete(resident);
  };
  switch (command.type) {
    case 'ClaimTask':
      return void task.claims.set(actor.id, 'claimed');
    case 'SubmitProof':
      return void task.claims.set(actor.id, 'proof-submitted');
    case 'VerifyTask':
      return void task.claims.set(command.data.residentId, 'verified');
    case 'RejectProof':
      return void task.claims.set(command.data.residentId, 'claimed');
    case 'ReleaseClaim':
      return void task.claims.delete(command.data.residentId ?? actor.id);
    case 'CancelTask':
      return end('cancelled');
    case 'ExpireTask':
      return end('expired');
  }
};

const DEFAULT_POINTS = { easy: 5, medium: 10, hard: 20, expert: 40 } as const;

/** The stream's events as the store holds them. */
const readStream = (store: InMemoryEventStore): Promise<RecordedEvent[]> => collect(store.readStream(stream));

const parsed = (events: readonly RecordedEvent[]): TaskEvent[] =>
  events.map((raw) => {
    const event = taskEvents.parse(raw);
    if (isLeft(event)) throw new Error(event.left.message);
    return event.right;
  });

/** Runs one action through the real CommandHandler and checks it against the model and the invariants. */
const step = async (model: Model, real: Real, action: TaskAction): Promise<void> => {
  model.minutes += action.advanceMinutes;
  const context = {
    actor: action.actor,
    now: instantAfter(world, model.minutes),
    commandId: `cmd-${(real.commands += 1)}`,
  };
  const before = await readStream(real.store);
  const want = expected(model, action);
  const result = await real.handler.handle(taskAggregate, action.command, context);
  const after = await readStream(real.store);

  if ('reject' in want) {
    expect(isLeft(result) && result.left.code).toBe(want.reject);
    expect(after).toEqual(before);
  } else {
    if (isLeft(result))
      throw new Error(`expected ${want.accept}, got ${result.left.code}: ${result.left.message}`);
    expect(result.right.events.map((e) => e.type)).toEqual([want.accept]);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.map((e) => e.type)).toEqual([...before.map((e) => e.type), want.accept]);
    const difficulty = action.command.type === 'PublishTask' ? action.command.data.difficulty : 'easy';
    apply(model, action, DEFAULT_POINTS[difficulty]);
  }
  checkInvariants(model, parsed(after));
};

const describeAction = ({ command, actor, advanceMinutes }: TaskAction): string =>
  `+${advanceMinutes}m ${actor.id}/${actor.role} ${command.type} ${JSON.stringify(command.data)}`;

/** One episode of the task's life (a single action or a resident's whole episode), each action checked. */
class TaskEpisodeCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly actions: readonly TaskAction[]) {}

  check(): boolean {
    return true;
  }

  async run(model: Model, real: Real): Promise<void> {
    for (const action of this.actions) await step(model, real, action);
  }

  toString(): string {
    return this.actions.map(describeAction).join(' ; ');
  }
}

/** Starts a cold handler on the same store: state must refold from the history to the same decisions. */
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

const checkInvariants = (model: Model, events: readonly TaskEvent[]): void => {
  const state = fold(taskAggregate.decider, events);
  if (model.task === undefined) {
    expect(state.status).toBe('unpublished');
    return;
  }
  if (state.status === 'unpublished') throw new Error('the model has a task, the stream does not');
  expect({
    status: state.status,
    points: state.points,
    slots: state.slots,
    claims: Object.fromEntries(state.claims),
  }).toEqual({
    status: model.task.status,
    points: model.task.points,
    slots: model.task.slots,
    claims: Object.fromEntries(model.task.claims),
  });
  expect(state.claims.size).toBeLessThanOrEqual(state.slots);
  const verified = events.filter((e) => e.type === 'TaskVerified');
  expect(verified.length).toBeLessThanOrEqual(state.slots);
  const verifiedResidents = verified.map((e) => e.data.residentId);
  expect(new Set(verifiedResidents).size).toBe(verifiedResidents.length);
  for (const event of verified) {
    expect(event.data.points).toBe(state.points);
    expect(event.data.verifiedBy).not.toBe(event.data.residentId);
  }
};

const episodeCommandArb = taskEpisodeArb(taskId, world).map((actions) => new TaskEpisodeCommand(actions));
const commandsArb = fc.commands(
  [episodeCommandArb, episodeCommandArb, episodeCommandArb, fc.constant(new RestartHandlerCommand())],
  { maxCommands: 30, size: 'medium' },
);
const staffPublish = publishTaskDataArb(taskId, world).map(
  (data) =>
    new TaskEpisodeCommand([
      {
        command: { type: 'PublishTask', data },
        actor: { id: 'staff-community', role: 'community-staff', scope: [world.community] },
        advanceMinutes: 0,
      },
    ]),
);

describe('Task: model-based, through the CommandHandler and the in-memory store', () => {
  it('agrees with the model on every command, accepted or rejected, and keeps the invariants', async () => {
    await fc.assert(
      fc.asyncProperty(fc.option(staffPublish, { freq: 5 }), commandsArb, async (publish, commands) => {
        const store = new InMemoryEventStore();
        const setup = () => ({
          model: { minutes: 0, task: undefined } as Model,
          real: { store, handler: new CommandHandler(store), commands: 0 } as Real,
        });
        await fc.asyncModelRun(setup, publish === null ? commands : [publish, ...commands]);
      }),
      { numRuns: 100 },
    );
  });

  it('reaches the interesting states (guards against a model that only ever rejects)', async () => {
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(staffPublish, commandsArb, async (publish, commands) => {
        const store = new InMemoryEventStore();
        const setup = () => ({
          model: { minutes: 0, task: undefined } as Model,
          real: { store, handler: new CommandHandler(store), commands: 0 } as Real,
        });
        await fc.asyncModelRun(setup, [publish, ...commands]);
        for (const event of await readStream(store)) reached.add(event.type);
      }),
      { numRuns: 60 },
    );
    expect([...reached].sort()).toEqual(
      [
        'TaskCancelled',
        'TaskClaimReleased',
        'TaskClaimed',
        'TaskExpired',
        'TaskProofRejected',
        'TaskProofSubmitted',
        'TaskPublished',
        'TaskVerified',
      ].sort(),
    );
  });
});
