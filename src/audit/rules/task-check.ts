import { taskStream } from '../../domain/shared/ids.js';
import { taskAggregate, type TaskAggregate } from '../../domain/task/aggregate.js';
import type { TaskEvent } from '../../domain/task/events.js';
import { activeClaims, isComplete, type PublishedTask, type TaskState } from '../../domain/task/state.js';
import type { TaskFigures } from '../audit-summary.js';
import type { AuditCheck, AuditedEvent, ReportViolation } from '../auditor.js';
import { replayDecision, trackingReport } from './decision-replay.js';
import { eventIdOf, occurredAtOf } from './event-facts.js';
import type { VerifiedClaims } from './verified-claims.js';

const PREFIX = taskStream('');

/**
 * Whether `event` can follow the published `task`, as the Task decider would have produced it: claims fit
 * the slots and come before the deadline, one per resident; proof follows a claim; verification and
 * rejection follow proof; a verified claim stays; cancellation and expiry end an unfinished task.
 */
const checkOnTask = (
  task: PublishedTask,
  event: Exclude<TaskEvent, { type: 'TaskPublished' }>,
  occurredAt: number | undefined,
  report: ReportViolation,
): void => {
  const claim = (residentId: string): string => task.claims.get(residentId) ?? 'none';
  switch (event.type) {
    case 'TaskClaimed': {
      const { residentId } = event.data;
      if (task.claims.has(residentId)) {
        report(
          'impossible-transition',
          `${residentId} claimed the task again (their claim is ${claim(residentId)})`,
        );
      } else if (activeClaims(task) >= task.slots) {
        report('impossible-transition', `a claim beyond the task's ${task.slots} slots`);
      }
      if (occurredAt !== undefined && occurredAt >= Date.parse(task.deadline)) {
        report('impossible-transition', `claimed after the deadline ${task.deadline}`);
      }
      return;
    }
    case 'TaskProofSubmitted':
      if (claim(event.data.residentId) !== 'claimed') {
        report(
          'impossible-transition',
          `proof from ${event.data.residentId}, whose claim is ${claim(event.data.residentId)}`,
        );
      }
      return;
    case 'TaskVerified': {
      const { residentId } = event.data;
      if (!task.claims.has(residentId)) {
        report('impossible-transition', `TaskVerified without a claim by ${residentId}`);
      } else if (claim(residentId) !== 'proof-submitted') {
        report(
          'impossible-transition',
          `TaskVerified of a claim that is ${claim(residentId)}, not awaiting verification`,
        );
      }
      if (event.data.points !== task.points || event.data.community !== task.community) {
        report(
          'impossible-transition',
          `TaskVerified awards ${event.data.points} points in ${event.data.community}; the task was published with ${task.points} in ${task.community}`,
        );
      }
      return;
    }
    case 'TaskProofRejected':
      if (claim(event.data.residentId) !== 'proof-submitted') {
        report(
          'impossible-transition',
          `proof of ${event.data.residentId} rejected, but their claim is ${claim(event.data.residentId)}`,
        );
      }
      return;
    case 'TaskClaimReleased': {
      const status = claim(event.data.residentId);
      if (status === 'none' || status === 'verified') {
        report('impossible-transition', `a claim by ${event.data.residentId} released while it is ${status}`);
      }
      return;
    }
    case 'TaskCancelled':
      if (isComplete(task))
        report('impossible-transition', 'a task whose every slot is verified was cancelled');
      return;
    case 'TaskExpired':
      if (isComplete(task)) report('impossible-transition', 'a task whose every slot is verified expired');
      if (occurredAt !== undefined && occurredAt < Date.parse(task.deadline)) {
        report('impossible-transition', `expired before its deadline ${task.deadline}`);
      }
      return;
  }
};

const checkTransition = (
  state: TaskState,
  event: TaskEvent,
  occurredAt: number | undefined,
  report: ReportViolation,
): void => {
  if (event.type === 'TaskPublished') {
    if (state.status !== 'unpublished') report('impossible-transition', 'the task was already published');
    return;
  }
  if (state.status === 'unpublished') {
    report('impossible-transition', `${event.type} before the task was published`);
    return;
  }
  if (state.status !== 'open') {
    report('event-after-close', `${event.type} after the task was ${state.status}`);
    return;
  }
  checkOnTask(state, event, occurredAt, report);
};

/**
 * Replays every `task-` stream through the Task decider's `evolve`, checking each event against the state
 * before it and that it names the task of its stream, and records each verified claim (by its
 * `TaskVerified` event id) for the points check to match awards against. An event the lifecycle allows is
 * decided again (see {@link replayDecision}).
 */
export const taskCheck = (claims: VerifiedClaims, aggregate: TaskAggregate = taskAggregate): AuditCheck => {
  const states = new Map<string, TaskState>();
  const { evolve, initialState } = aggregate.decider;
  let verified = 0;
  return {
    name: 'task lifecycle',
    observe(audited: AuditedEvent, report: ReportViolation): void {
      const { recorded } = audited;
      if (!recorded.streamId.startsWith(PREFIX) || !aggregate.events.has(audited.type)) return;
      const event = { type: audited.type, data: audited.data } as TaskEvent;
      const tracked = trackingReport(report);
      if (taskStream(event.data.taskId) !== recorded.streamId) {
        tracked.report('wrong-stream', `${event.type} of task ${event.data.taskId} in ${recorded.streamId}`);
      }
      const before = states.get(recorded.streamId) ?? initialState;
      checkTransition(before, event, occurredAtOf(recorded), tracked.report);
      if (!tracked.found()) replayDecision(aggregate, before, audited, report);
      states.set(recorded.streamId, evolve(before, event));
      if (event.type === 'TaskVerified') {
        verified += 1;
        const eventId = eventIdOf(recorded);
        if (eventId !== undefined) {
          claims.verified(eventId, {
            taskId: event.data.taskId,
            residentId: event.data.residentId,
            points: event.data.points,
            streamId: recorded.streamId,
            revision: recorded.revision,
          });
        }
      }
    },
    figures(): { tasks: TaskFigures } {
      const figures = { published: 0, verifiedClaims: verified, cancelled: 0, expired: 0 };
      for (const state of states.values()) {
        if (state.status === 'unpublished') continue;
        figures.published += 1;
        if (state.status === 'cancelled') figures.cancelled += 1;
        if (state.status === 'expired') figures.expired += 1;
      }
      return { tasks: figures };
    },
  };
};
