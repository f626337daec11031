import fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { Appended } from '../../src/commands/aggregate.js';
import { CommandHandler } from '../../src/commands/command-handler.js';
import {
  awardPointsFor,
  runPointsPolicy,
  startPointsPolicy,
  type VerifiedTask,
} from '../../src/commands/points-policy.js';
import { residentPointsAggregate } from '../../src/domain/points/index.js';
import type { CommandContextInput } from '../../src/domain/shared/context.js';
import { GENESIS_HASH } from '../../src/domain/shared/events.js';
import { pointsStream } from '../../src/domain/shared/ids.js';
import { taskAggregate, type TaskCommandInput, type TaskEvent } from '../../src/domain/task/index.js';
import { InMemoryCheckpointStore } from '../../src/store/checkpoint-store.js';
import type { RecordedEvent } from '../../src/store/event-store.js';
import { InMemoryEventStore } from '../../src/store/memory.js';
import { defaultTaskWorld } from '../../src/testing/scenarios/task-world.js';
import { taskStepsArb } from '../../src/testing/arbitraries/task.js';

const community = 'community-bairuijing';
const staff = { id: 'staff-1', role: 'community-staff' as const, scope: [community] };
const resident = { id: 'resident-1', role: 'resident' as const };

const collect = async (events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> => {
  const out: RecordedEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
};

/** A world with a store, a handler and a clock that moves an hour per command. */
const setup = () => {
  const store = new InMemoryEventStore();
  const handler = new CommandHandler(store);
  let hour = 0;
  const send = async (command: TaskCommandInput, actor: CommandContextInput['actor']) => {
    hour += 1;
    const context = {
      actor,
      now: new Date(Date.parse('2026-03-01T08:00:00.000Z') + hour * 3_600_000).toISOString(),
      commandId: `cmd-${hour}`,
      correlationId: `bulb-story`,
    };
    const result = await handler.handle(taskAggregate, command, context);
    if (isLeft(result)) throw new Error(`${command.type}: ${result.left.code} ${result.left.message}`);
    return result.right;
  };
  return { store, handler, send };
};

/** Publishes, claims, proves and verifies the stairwell light bulb; returns the recorded TaskVerified. */
const lightBulbVerified = async (
  send: ReturnType<typeof setup>['send'],
  taskId = 'bulb-1',
  residentActor: CommandContextInput['actor'] = resident,
) => {
  await send(
    {
      type: 'PublishTask',
      data: {
        taskId,
        community,
        unit: 'grid-07',
        title: 'Replace the stairwell light bulb',
        difficulty: 'easy',
        deadline: '2026-03-08T08:00:00.000Z',
      },
    },
    staff,
  );
  await send({ type: 'ClaimTask', data: { taskId } }, residentActor);
  await send(
    { type: 'SubmitProof', data: { taskId, proof: [{ kind: 'photo', ref: 'media:new-bulb' }] } },
    residentActor,
  );
  const verified = await send({ type: 'VerifyTask', data: { taskId, residentId: residentActor.id } }, staff);
  return { verified: verified.events[0] as Appended<TaskEvent>, position: verified.position! };
};

describe('points policy: the light-bulb story, end to end', () => {
  it('pays the verified task into the resident points stream, once, with the audit link', async () => {
    const { store, handler, send } = setup();
    const { verified } = await lightBulbVerified(send);
    expect(verified.type).toBe('TaskVerified');

    const first = await runPointsPolicy(store, handler);
    expect(first).toMatchObject({ verified: 1, awarded: 1 });
    expect(first.failure).toBeUndefined();

    const points = await collect(store.readStream(pointsStream('resident-1')));
    expect(points).toHaveLength(1);
    const [earned] = points;
    expect(earned).toMatchObject({
      type: 'PointsEarned',
      data: {
        residentId: 'resident-1',
        community,
        taskId: 'bulb-1',
        points: 5,
        verifiedEventId: verified.metadata.eventId,
      },
      metadata: {
        actor: { id: 'points-policy', role: 'system' },
        occurredAt: verified.metadata.occurredAt,
        commandId: `award-${verified.metadata.eventId}`,
        causationId: verified.metadata.eventId,
        correlationId: 'bulb-story',
      },
    });

    const again = await runPointsPolicy(store, handler);
    expect(again).toMatchObject({ verified: 1, awarded: 0 });
    const coldHandler = await runPointsPolicy(store, new CommandHandler(store));
    expect(coldHandler).toMatchObject({ verified: 1, awarded: 0 });
    expect(await collect(store.readStream(pointsStream('resident-1')))).toEqual(points);
  });

  it('then refuses a redemption larger than the balance', async () => {
    const { store, handler, send } = setup();
    await lightBulbVerified(send);
    await runPointsPolicy(store, handler);
    const redeem = (quantity: number, redemptionId: string) => ({
      type: 'RedeemPoints',
      data: {
        residentId: 'resident-1',
        community,
        redemptionId,
        items: [{ sku: 'paper-1', name: 'tissue-paper-roll', quantity, points: 2 }],
        total: quantity * 2,
      },
    });
    const context = { actor: resident, now: '2026-04-01T09:00:00.000Z', commandId: 'redeem-1' };
    const tooMuch = await handler.handle(residentPointsAggregate, redeem(3, 'r-1'), context);
    expect(isLeft(tooMuch) && tooMuch.left.code).toBe('insufficient-points');
    const enough = await handler.handle(residentPointsAggregate, redeem(2, 'r-2'), {
      ...context,
      commandId: 'redeem-2',
    });
    expect(isRight(enough) && enough.right.events.map((e) => e.type)).toEqual(['PointsRedeemed']);
  });

  it('derives the award from the event alone', () => {
    const event: VerifiedTask = {
      type: 'TaskVerified',
      data: { taskId: 'bulb-1', residentId: 'resident-1', community, points: 5, verifiedBy: 'staff-1' },
      metadata: { eventId: 'ev-1', occurredAt: '2026-03-01T12:00:00.000Z', correlationId: 'corr-1' },
    };
    expect(awardPointsFor(event)).toEqual({
      command: {
        type: 'AwardPoints',
        data: { residentId: 'resident-1', community, taskId: 'bulb-1', points: 5, verifiedEventId: 'ev-1' },
      },
      context: {
        actor: { id: 'points-policy', role: 'system', scope: [community], organisations: [] },
        now: '2026-03-01T12:00:00.000Z',
        commandId: 'award-ev-1',
        correlationId: 'corr-1',
        causationId: 'ev-1',
      },
    });
    expect(awardPointsFor(event)).toEqual(awardPointsFor(structuredClone(event)));
  });
});

describe('points policy: running over the log', () => {
  it('resumes from its checkpoint and reads only what is new', async () => {
    const { store, handler, send } = setup();
    const checkpoints = new InMemoryCheckpointStore();
    await lightBulbVerified(send, 'bulb-1');
    expect(await runPointsPolicy(store, handler, { checkpoints })).toMatchObject({ verified: 1, awarded: 1 });
    expect(await runPointsPolicy(store, handler, { checkpoints })).toMatchObject({ verified: 0, awarded: 0 });
    await lightBulbVerified(send, 'bulb-2');
    expect(await runPointsPolicy(store, handler, { checkpoints })).toMatchObject({ verified: 1, awarded: 1 });
    expect(await collect(store.readStream(pointsStream('resident-1')))).toHaveLength(2);
  });

  it('processes a range of the log', async () => {
    const { store, handler, send } = setup();
    const first = await lightBulbVerified(send, 'bulb-1');
    await lightBulbVerified(send, 'bulb-2');
    const upToFirst = await runPointsPolicy(store, handler, { toPosition: first.position });
    expect(upToFirst).toMatchObject({ verified: 1, awarded: 1, nextPosition: first.position + 1n });
    const rest = await runPointsPolicy(store, handler, { fromPosition: upToFirst.nextPosition });
    expect(rest).toMatchObject({ verified: 1, awarded: 1 });
  });

  it('halts at an event it cannot pay instead of skipping it, and resumes there', async () => {
    const { store, handler, send } = setup();
    const broken: RecordedEvent['metadata'] = {
      eventId: 'broken-1',
      occurredAt: '2026-03-01T09:00:00.000Z',
      actor: { id: 'staff-1', role: 'community-staff' },
      commandId: 'legacy-1',
      correlationId: 'legacy-1',
      causationId: 'legacy-1',
      schemaVersion: 1,
      previousHash: GENESIS_HASH,
      hash: 'a'.repeat(64),
    };
    const at = await store.appendToStream('task-legacy', [
      { type: 'TaskVerified', data: { taskId: 'legacy', residentId: 'resident-1' }, metadata: broken },
    ]);
    await lightBulbVerified(send, 'bulb-1');

    const run = await runPointsPolicy(store, handler);
    expect(run).toMatchObject({ verified: 0, awarded: 0, nextPosition: at.position });
    expect(run.failure).toMatchObject({
      position: at.position,
      eventId: 'broken-1',
      error: { code: 'invalid-event' },
    });
    expect(await collect(store.readStream(pointsStream('resident-1')))).toEqual([]);

    const afterIt = await runPointsPolicy(store, handler, { fromPosition: at.position + 1n });
    expect(afterIt).toMatchObject({ verified: 1, awarded: 1 });
  });
});

describe('points policy: following the log', () => {
  it('pays tasks as they are verified, and stops on request', async () => {
    const { store, handler, send } = setup();
    const before = await lightBulbVerified(send, 'bulb-1');
    const policy = startPointsPolicy(store, handler);
    await policy.caughtUp(before.position);
    expect(await collect(store.readStream(pointsStream('resident-1')))).toHaveLength(1);

    const live = await lightBulbVerified(send, 'bulb-2', { id: 'resident-2', role: 'resident' });
    await policy.caughtUp(live.position);
    const earned = await collect(store.readStream(pointsStream('resident-2')));
    expect(earned.map((e) => e.data)).toEqual([
      expect.objectContaining({
        taskId: 'bulb-2',
        points: 5,
        verifiedEventId: live.verified.metadata.eventId,
      }),
    ]);

    const done = await policy.stop();
    expect(done).toMatchObject({ verified: 2, awarded: 2 });
    expect(done.failure).toBeUndefined();
    await expect(policy.caughtUp(live.position + 10n)).resolves.toBeUndefined();
  });

  it('awards once when a follower and a batch run race over the same history', async () => {
    const { store, handler, send } = setup();
    const verifiedPositions: bigint[] = [];
    for (const taskId of ['bulb-1', 'bulb-2', 'bulb-3']) {
      verifiedPositions.push((await lightBulbVerified(send, taskId)).position);
    }
    const follower = startPointsPolicy(store, new CommandHandler(store));
    const [batch] = await Promise.all([
      runPointsPolicy(store, handler),
      follower.caughtUp(verifiedPositions.at(-1)!),
    ]);
    const followed = await follower.stop();
    expect(batch.verified).toBe(3);
    expect(followed.verified).toBe(3);
    expect(batch.awarded + followed.awarded).toBe(3);
    const earned = await collect(store.readStream(pointsStream('resident-1')));
    expect(earned.map((e) => (e.data as { taskId: string }).taskId).sort()).toEqual([
      'bulb-1',
      'bulb-2',
      'bulb-3',
    ]);
  });

  it('rejects a wait it can no longer satisfy once stopped', async () => {
    const { store, handler, send } = setup();
    const policy = startPointsPolicy(store, handler);
    await policy.stop();
    const later = await lightBulbVerified(send, 'bulb-1');
    await expect(policy.caughtUp(later.position)).rejects.toThrow(/ended/);
  });
});

describe('points policy: properties', () => {
  it('pays every verified claim exactly once, however often and in whatever pieces it runs', async () => {
    const world = defaultTaskWorld;
    let paidAtAll = 0;
    await fc.assert(
      fc.asyncProperty(
        taskStepsArb(world, { taskIds: ['task-1', 'task-2', 'task-3'], maxEpisodes: 25 }),
        fc.nat(),
        async (steps, cut) => {
          const store = new InMemoryEventStore();
          const handler = new CommandHandler(store);
          for (const step of steps) await handler.handle(taskAggregate, step.command, step.context);
          const log = await collect(store.readAll());
          const verified = log.filter((e) => e.type === 'TaskVerified');
          paidAtAll += verified.length;

          // A first run over a prefix, then two full replays, one of them with a cold handler.
          const split = log.length === 0 ? 0n : BigInt(cut % log.length);
          await runPointsPolicy(store, handler, { toPosition: split });
          await runPointsPolicy(store, handler);
          const replay = await runPointsPolicy(store, new CommandHandler(store));
          expect(replay).toMatchObject({ verified: verified.length, awarded: 0 });
          expect(replay.failure).toBeUndefined();

          const earned = (await collect(store.readAll())).filter((e) => e.type === 'PointsEarned');
          const asAward = (e: RecordedEvent) => {
            const data = e.data as { residentId: string; taskId: string; points: number };
            return `${data.residentId}/${data.taskId}/${data.points}`;
          };
          expect(earned.map(asAward).sort()).toEqual(verified.map(asAward).sort());
          expect(earned.map((e) => (e.data as { verifiedEventId: string }).verifiedEventId).sort()).toEqual(
            verified.map((e) => e.metadata.eventId).sort(),
          );
          for (const e of earned)
            expect(e.streamId).toBe(pointsStream((e.data as { residentId: string }).residentId));
        },
      ),
      { numRuns: 60 },
    );
    expect(paidAtAll).toBeGreaterThan(0);
  });
});
