import type { Actor } from '../domain/shared/actors.js';
import { DAY, HOUR, dayOf, dayStart, duringWorkingHours, iso, localInstant } from './clock.js';
import type { Community, Household, Team } from './district.js';
import type { SimProblem } from './problems.js';
import type { Random } from './random.js';
import { DIRECTED_TASKS, PUBLIC_TASKS, TASK_FOR_PROBLEM, type TaskKind } from './task-menu.js';
import type { World } from './world.js';

type ClaimStatus = 'claimed' | 'proof-submitted' | 'verified';

/** A task as the simulation follows it. */
interface SimTask {
  readonly taskId: string;
  readonly community: Community;
  readonly slots: number;
  readonly deadline: number;
  readonly team: Team | undefined;
  status: 'open' | 'cancelled' | 'expired';
  /** Active claims by resident id, as the Task aggregate holds them. */
  readonly claims: Map<string, ClaimStatus>;
  /** Everyone who ever claimed it: a resident who gave a task up does not come back to it. */
  readonly tried: Set<string>;
  verified: number;
}

const PROOF_REJECTIONS = [
  'The photo does not show the finished work',
  'The video is too short to judge',
  'Please show the whole stairwell',
];

/**
 * The task side of the year: each community publishes its monthly list and a few directed tasks, and now
 * and then a task born of a reported problem; residents claim, submit proof, get verified (the facade pays
 * the points in the same call) or have the proof sent back and try again; some give up, some never show,
 * some tasks are withdrawn, and the scheduler expires what the deadline overtook.
 */
export class TaskSimulation {
  private readonly counters = new Map<Community, number>();
  private fullProvoked = false;
  private publishedCount = 0;
  private verifiedCount = 0;

  /** Hooks the simulation into the world. */
  constructor(
    private readonly world: World,
    private readonly random: Random,
  ) {}

  /** Tasks published so far. */
  get published(): number {
    return this.publishedCount;
  }

  /** Claims verified (and paid) so far. */
  get verified(): number {
    return this.verifiedCount;
  }

  /** Schedules each community's monthly list, on the morning of the 1st of `month` (1 to 12). */
  scheduleMonth(month: number): void {
    const morning = localInstant(2026, month, 1, 9);
    for (const community of this.world.district.communities) {
      this.world.agenda.at(morning + this.random.int(0, 120) * 60_000, () => this.publishList(community));
    }
  }

  /** Sometimes a community turns a small reported problem into a task for its residents. */
  fromProblem(problem: SimProblem, at: number): void {
    const kind = TASK_FOR_PROBLEM[problem.category];
    if (kind === undefined || !this.random.chance(0.08)) return;
    const when = duringWorkingHours(at + this.random.float(1, 6) * HOUR, this.random.float(0, 2));
    this.world.agenda.at(when, () =>
      this.publish(problem.community, kind, this.random.int(5, 10), problem.grid.gridId, problem.problemId),
    );
  }

  private async publishList(community: Community): Promise<void> {
    const publicTasks = Math.max(3, Math.round(community.households.length / 150));
    for (let i = 0; i < publicTasks; i++) {
      const kind = this.random.weighted(PUBLIC_TASKS);
      const unit = this.random.chance(0.7) ? this.random.pick(community.grids).gridId : undefined;
      await this.publish(community, kind, this.random.int(14, 28), unit);
    }
    const directed = this.random.int(1, 3);
    for (let i = 0; i < directed; i++) {
      await this.publish(community, this.random.weighted(DIRECTED_TASKS), this.random.int(14, 28));
    }
  }

  private async publish(
    community: Community,
    kind: TaskKind,
    days: number,
    unit?: string,
    sourceProblemId?: string,
  ): Promise<void> {
    const { agenda, commander } = this.world;
    const now = agenda.now;
    const team = kind.team === undefined ? undefined : community.teams[kind.team];
    if (team !== undefined && team.members.length === 0) return;
    const n = (this.counters.get(community) ?? 0) + 1;
    this.counters.set(community, n);
    const taskId = `${community.communityId}-t${String(n).padStart(4, '0')}`;
    const slots = this.random.int(kind.slots[0], kind.slots[1]);
    const deadline = dayStart(dayOf(now) + days) + 18 * HOUR;
    const published = await commander.run(
      {
        type: 'PublishTask',
        data: {
          taskId,
          community: community.communityId,
          ...(unit === undefined ? {} : { unit }),
          title: kind.title,
          difficulty: this.random.pick(kind.difficulties),
          audience:
            team === undefined
              ? { kind: 'public' }
              : { kind: 'directed', organisationId: team.organisationId },
          slots,
          deadline: iso(deadline),
          ...(sourceProblemId === undefined ? {} : { sourceProblemId }),
          media: [`media/${taskId}/poster.jpg`],
        },
      },
      this.random.pick(community.staff),
      now,
      taskId,
    );
    if (published === undefined) return;
    this.publishedCount += 1;
    const task: SimTask = {
      taskId,
      community,
      slots,
      deadline,
      team,
      status: 'open',
      claims: new Map(),
      tried: new Set(),
      verified: 0,
    };
    const window = deadline - now;
    const attempts = slots + (this.random.chance(0.1) ? 1 : 0);
    for (let i = 0; i < attempts; i++) {
      if (!this.random.chance(team === undefined ? 0.85 : 0.95)) continue;
      agenda.at(now + window * this.random.float(0.02, 0.5), () => this.claim(task));
    }
    if (this.random.chance(0.02)) {
      agenda.at(duringWorkingHours(now + this.random.float(1, 5) * DAY, 1), () => this.cancel(task));
    }
    agenda.at(deadline + 4 * DAY + 2 * HOUR, () => this.expire(task));
  }

  private candidate(task: SimTask): Household | undefined {
    for (let tries = 0; tries < 10; tries++) {
      const household =
        task.team === undefined
          ? task.community.volunteers.draw(this.random)
          : this.random.pick(task.team.members);
      if (household !== undefined && household.active && !task.tried.has(household.resident.id))
        return household;
    }
    return undefined;
  }

  private async claim(task: SimTask): Promise<void> {
    const { agenda, commander } = this.world;
    const now = agenda.now;
    if (task.status !== 'open' || now >= task.deadline - DAY) return;
    const household = this.candidate(task);
    if (household === undefined) return;
    const resident = household.resident;
    if (task.claims.size >= task.slots) {
      // Normally the board shows the task is full and nobody tries; once, someone does.
      if (!this.fullProvoked && now > dayStart(20)) {
        this.fullProvoked = true;
        await commander.provoke(
          'a resident tries to claim a task whose slots are all taken',
          'limit-exceeded',
          { type: 'ClaimTask', data: { taskId: task.taskId } },
          resident,
          now,
        );
      }
      return;
    }
    const claimed = await commander.run(
      { type: 'ClaimTask', data: { taskId: task.taskId } },
      resident,
      now,
      task.taskId,
    );
    if (claimed === undefined) return;
    task.claims.set(resident.id, 'claimed');
    task.tried.add(resident.id);
    const fate = this.random.next();
    if (fate < 0.04) {
      agenda.at(now + this.random.float(1, 5) * DAY, () => this.release(task, resident, undefined));
    } else if (fate < 0.06) {
      const staff = this.random.pick(task.community.staff);
      agenda.at(duringWorkingHours(task.deadline - this.random.float(30, 48) * HOUR, 0), () =>
        this.release(task, resident, staff),
      );
    } else if (fate >= 0.1) {
      const when = now + (task.deadline - now) * this.random.float(0.2, 0.7);
      if (when < task.deadline - HOUR) agenda.at(when, () => this.submit(task, resident, 0));
    }
    // Otherwise the resident never shows up: the claim lapses when the task expires.
  }

  private async release(task: SimTask, resident: Actor, staff: Actor | undefined): Promise<void> {
    const { agenda, commander } = this.world;
    const now = agenda.now;
    if (task.status !== 'open' || task.claims.get(resident.id) !== 'claimed') return;
    const released = await commander.run(
      {
        type: 'ReleaseClaim',
        data:
          staff === undefined
            ? { taskId: task.taskId, reason: 'Cannot make it after all' }
            : {
                taskId: task.taskId,
                residentId: resident.id,
                reason: 'No proof close to the deadline; slot freed',
              },
      },
      staff ?? resident,
      now,
      task.taskId,
    );
    if (released === undefined) return;
    task.claims.delete(resident.id);
    if (now < task.deadline - 3 * DAY && this.random.chance(0.5)) {
      agenda.at(now + this.random.float(0.5, 2) * DAY, () => this.claim(task));
    }
  }

  private async submit(task: SimTask, resident: Actor, attempt: number): Promise<void> {
    const { agenda, commander } = this.world;
    const now = agenda.now;
    if (task.status !== 'open' || task.claims.get(resident.id) !== 'claimed' || now >= task.deadline) return;
    const submitted = await commander.run(
      {
        type: 'SubmitProof',
        data: {
          taskId: task.taskId,
          proof: [
            {
              kind: this.random.chance(0.8) ? 'photo' : 'video',
              ref: `media/${task.taskId}/${resident.id}-${attempt + 1}`,
            },
          ],
        },
      },
      resident,
      now,
      task.taskId,
    );
    if (submitted === undefined) return;
    task.claims.set(resident.id, 'proof-submitted');
    agenda.at(duringWorkingHours(now + this.random.float(2, 40) * HOUR, this.random.float(0, 2)), () =>
      this.judge(task, resident, attempt),
    );
  }

  private async judge(task: SimTask, resident: Actor, attempt: number): Promise<void> {
    const { agenda, commander } = this.world;
    const now = agenda.now;
    if (task.status !== 'open' || task.claims.get(resident.id) !== 'proof-submitted') return;
    const staff = this.random.pick(task.community.staff);
    if (attempt < 2 && this.random.chance(attempt === 0 ? 0.1 : 0.05)) {
      const rejected = await commander.run(
        {
          type: 'RejectProof',
          data: {
            taskId: task.taskId,
            residentId: resident.id,
            reason: PROOF_REJECTIONS[attempt % 3] ?? 'Not enough',
          },
        },
        staff,
        now,
        task.taskId,
      );
      if (rejected === undefined) return;
      task.claims.set(resident.id, 'claimed');
      const again = now + this.random.float(2, 48) * HOUR;
      if (again < task.deadline - HOUR) agenda.at(again, () => this.submit(task, resident, attempt + 1));
      return;
    }
    const verified = await commander.run(
      { type: 'VerifyTask', data: { taskId: task.taskId, residentId: resident.id } },
      staff,
      now,
      task.taskId,
    );
    if (verified === undefined) return;
    task.claims.set(resident.id, 'verified');
    task.verified += 1;
    this.verifiedCount += 1;
  }

  private async cancel(task: SimTask): Promise<void> {
    if (task.status !== 'open' || task.verified >= task.slots) return;
    const cancelled = await this.world.commander.run(
      {
        type: 'CancelTask',
        data: { taskId: task.taskId, reason: 'The property manager did the work first' },
      },
      this.random.pick(task.community.staff),
      this.world.agenda.now,
      task.taskId,
    );
    if (cancelled !== undefined) task.status = 'cancelled';
  }

  private async expire(task: SimTask): Promise<void> {
    if (task.status !== 'open' || task.verified >= task.slots) return;
    const expired = await this.world.commander.run(
      { type: 'ExpireTask', data: { taskId: task.taskId } },
      this.world.district.scheduler,
      this.world.agenda.now,
      task.taskId,
    );
    if (expired !== undefined) task.status = 'expired';
  }
}
