import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  createMeetingAggregate,
  deliberationDayFor,
  deliberationDaysOf,
  meetingAggregate,
  type MeetingEvent,
} from '../../../src/domain/meeting/index.js';
import {
  createProblemDecider,
  problemAggregate,
  type ProblemEvent,
} from '../../../src/domain/problem/index.js';
import { fold } from '../../../src/domain/shared/decider.js';
import type { CommandContextInput } from '../../../src/domain/shared/context.js';
import { CommandContextSchema } from '../../../src/domain/shared/context.js';
import { spec } from '../../../src/testing/spec.js';

const community = 'community-longtanzi';
const compound = 'compound-7';
const staff = { id: 'staff-1', role: 'community-staff' as const, scope: [community] };
const ctx = (now: string, actor: CommandContextInput['actor'] = staff): CommandContextInput => ({
  actor,
  now,
  commandId: 'cmd-1',
});
const parties = [
  { kind: 'residents-committee' as const, organisationId: 'org-rc' },
  { kind: 'owners-committee' as const, organisationId: 'org-oc' },
  { kind: 'property-company' as const, organisationId: 'org-property' },
  { kind: 'social-organisation' as const, organisationId: 'org-elders' },
];
const schedule = (
  scheduledFor: string,
  kind: 'deliberation-day' | 'four-party' | 'joint' = 'deliberation-day',
) => ({
  type: 'ScheduleMeeting' as const,
  data: { meetingId: 'm-1', kind, community, unitId: compound, scheduledFor, parties },
});

describe('the deliberation day falls on the 10th of each month in Shanghai', () => {
  it('accepts 00:30 on the 10th in Shanghai, which is still the 9th in UTC', () => {
    const scheduled = schedule('2026-03-09T16:30:00.000Z');
    spec(meetingAggregate)
      .given([])
      .when(scheduled, ctx('2026-03-01T00:00:00.000Z'))
      .then([{ type: 'MeetingScheduled', data: scheduled.data }]);
  });

  it('refuses 00:30 on the 11th in Shanghai, which is still the 10th in UTC', () => {
    spec(meetingAggregate)
      .given([])
      .when(schedule('2026-03-10T16:30:00.000Z'), ctx('2026-03-01T00:00:00.000Z'))
      .thenError('invalid-command');
  });

  it('sends a referral made on the 10th to that day, on the 11th to next month, in December to January', () => {
    expect(deliberationDayFor('2026-03-10T15:59:00.000Z')).toBe('2026-03-10');
    expect(deliberationDayFor('2026-03-10T16:00:00.000Z')).toBe('2026-04-10');
    expect(deliberationDayFor('2026-12-11T02:00:00.000Z')).toBe('2027-01-10');
    expect(deliberationDaysOf(2026)).toHaveLength(12);
    expect(deliberationDaysOf(2026).every((day) => day.endsWith('-10'))).toBe(true);
  });

  it('takes another day of the month as configuration', () => {
    spec(createMeetingAggregate({ deliberationDay: 15 }))
      .given([])
      .when(schedule('2026-03-15T02:00:00.000Z'), ctx('2026-03-01T00:00:00.000Z'))
      .then([{ type: 'MeetingScheduled', data: schedule('2026-03-15T02:00:00.000Z').data }]);
    expect(() => createMeetingAggregate({ deliberationDay: 31 })).toThrow();
  });
});

describe('four-party meetings and the closed loop', () => {
  const scheduled: MeetingEvent = {
    type: 'MeetingScheduled',
    data: schedule('2026-03-20T02:00:00.000Z', 'four-party').data,
  };
  const placed: MeetingEvent = {
    type: 'ItemPlaced',
    data: {
      meetingId: 'm-1',
      itemId: 'i-1',
      item: { kind: 'problem', problemId: 'p-1' },
      title: 'Fire lane blocked',
    },
  };
  const held: MeetingEvent = {
    type: 'MeetingHeld',
    data: { meetingId: 'm-1', attendance: 23, partiesPresent: ['org-rc', 'org-property'] },
  };

  it('seats all four parties, or refuses', () => {
    const three = { ...schedule('2026-03-20T02:00:00.000Z', 'four-party') };
    const data = { ...three.data, parties: parties.slice(0, 3) };
    spec(meetingAggregate)
      .given([])
      .when({ ...three, data }, ctx('2026-03-01T00:00:00.000Z'))
      .thenError('invalid-command');
  });

  it('concludes an item once, with an outcome, a follow-up owner and a due date after now', () => {
    const conclude = {
      type: 'ConcludeItem' as const,
      data: {
        meetingId: 'm-1',
        itemId: 'i-1',
        outcome: 'Property company clears the lane weekly',
        followUpOwner: 'org-property',
        dueBy: '2026-04-01T00:00:00.000Z',
      },
    };
    spec(meetingAggregate)
      .given([scheduled, placed, held])
      .when(conclude, ctx('2026-03-20T06:00:00.000Z'))
      .then([{ type: 'ItemConcluded', data: conclude.data }]);
    spec(meetingAggregate)
      .given([scheduled, placed, held, { type: 'ItemConcluded', data: conclude.data }])
      .when(conclude, ctx('2026-03-20T06:00:00.000Z'))
      .thenError('already-exists');
    spec(meetingAggregate)
      .given([scheduled, placed])
      .when(conclude, ctx('2026-03-20T06:00:00.000Z'))
      .thenError('invalid-transition');
  });

  it('is not held before its day, and not by a resident without the compound in scope', () => {
    const hold = { type: 'HoldMeeting' as const, data: held.data };
    spec(meetingAggregate)
      .given([scheduled])
      .when(hold, ctx('2026-03-19T02:00:00.000Z'))
      .thenError('invalid-transition');
    spec(meetingAggregate)
      .given([scheduled])
      .when(hold, ctx('2026-03-20T02:00:00.000Z', { id: 'r-1', role: 'resident' }))
      .thenError('forbidden');
  });
});

describe('a problem referred to the deliberation day keeps its tier', () => {
  const path = { street: 'street-1', community, grid: 'grid-1' };
  const history: ProblemEvent[] = [
    {
      type: 'ProblemReported',
      data: {
        problemId: 'p-1',
        path,
        category: 'fire-lane-obstruction',
        description: 'Cars on the fire lane',
        reporterId: 'r-1',
        channel: 'app',
        media: [],
      },
    },
    {
      type: 'ProblemTriaged',
      data: {
        problemId: 'p-1',
        category: 'fire-lane-obstruction',
        tier: 'community',
        priority: 'normal',
        dueBy: '2026-04-30T00:00:00.000Z',
      },
    },
  ];

  it("a referral on the 11th (Shanghai) goes to next month's deliberation day", () => {
    spec(problemAggregate)
      .given(history)
      .when(
        { type: 'ReferProblemToDeliberation', data: { problemId: 'p-1' } },
        ctx('2026-03-10T17:00:00.000Z'),
      )
      .then([
        { type: 'ProblemReferredToDeliberation', data: { problemId: 'p-1', deliberationDay: '2026-04-10' } },
      ]);
  });

  it('is deliberated once referred, and stays with the community tier', () => {
    const referred: ProblemEvent = {
      type: 'ProblemReferredToDeliberation',
      data: { problemId: 'p-1', deliberationDay: '2026-04-10' },
    };
    const deliberated: ProblemEvent = {
      type: 'ProblemDeliberated',
      data: { problemId: 'p-1', meetingId: 'm-1', outcome: 'Owners agreed to a parking rota' },
    };
    spec(problemAggregate)
      .given(history)
      .when({ type: 'RecordDeliberation', data: deliberated.data }, ctx('2026-04-10T06:00:00.000Z'))
      .thenError('invalid-transition');
    spec(problemAggregate)
      .given([...history, referred])
      .when(
        { type: 'ReferProblemToDeliberation', data: { problemId: 'p-1' } },
        ctx('2026-04-01T06:00:00.000Z'),
      )
      .thenError('already-exists');
    spec(problemAggregate)
      .given([...history, referred])
      .when(
        { type: 'RecordDeliberation', data: deliberated.data },
        ctx('2026-04-10T06:00:00.000Z', { id: 'w-1', role: 'grid-worker', scope: ['grid-1'] }),
      )
      .thenError('forbidden');
    const decider = createProblemDecider();
    const state = fold(decider, [...history, referred, deliberated]);
    expect(state.status === 'triaged' && state.tier).toBe('community');
    expect(state.status === 'triaged' && state.referredTo).toBeUndefined();
    const resolved = decider.decide(
      { type: 'ResolveProblem', data: { problemId: 'p-1', resolution: 'Rota posted' } },
      state,
      CommandContextSchema.parse(ctx('2026-04-11T06:00:00.000Z')),
    );
    expect(isLeft(resolved)).toBe(false);
  });
});
