import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { CommandContext } from '../shared/context.js';
import type { Decider } from '../shared/decider.js';
import { domainError, type DomainError, type ErrorCode } from '../shared/errors.js';
import { toMillis } from '../shared/time.js';
import { mayConvene } from '../proposal/permissions.js';
import {
  DEFAULT_DELIBERATION_DAY,
  DeliberationDaySchema,
  isDeliberationDay,
  shanghaiDateOf,
} from './calendar.js';
import type { MeetingCommand, MeetingCommandOf } from './commands.js';
import { PARTY_KINDS, type MeetingEvent } from './events.js';
import { evolveMeeting, initialMeetingState, type MeetingState, type ScheduledMeeting } from './state.js';

/** How a community runs its meetings. */
export interface MeetingConfig {
  /** The day of each month that is deliberation day, in Shanghai. Default {@link DEFAULT_DELIBERATION_DAY}. */
  readonly deliberationDay?: number;
}

/** The Meeting decider's type. */
export type MeetingDecider = Decider<MeetingCommand, MeetingEvent, MeetingState>;

type Decision = Either<DomainError, readonly MeetingEvent[]>;

const refuse = (code: ErrorCode, message: string): Decision => left(domainError(code, message));

const schedule = (
  day: number,
  { data }: MeetingCommandOf<'ScheduleMeeting'>,
  state: MeetingState,
  context: CommandContext,
): Decision => {
  if (state.status !== 'unscheduled') return refuse('already-exists', `meeting ${data.meetingId} exists`);
  if (!mayConvene(context.actor, data.community, data.unitId)) {
    return refuse('forbidden', `only staff of ${data.community} or leaders of ${data.unitId} convene there`);
  }
  if (data.kind === 'deliberation-day' && !isDeliberationDay(data.scheduledFor, day)) {
    return refuse(
      'invalid-command',
      `deliberation day is the ${day}th (Shanghai), not ${shanghaiDateOf(data.scheduledFor)}`,
    );
  }
  const kinds = new Set(data.parties.map((party) => party.kind));
  if (data.kind === 'four-party' && PARTY_KINDS.some((kind) => !kinds.has(kind))) {
    return refuse('invalid-command', `a four-party meeting seats ${PARTY_KINDS.join(', ')}`);
  }
  if (data.kind === 'joint' && data.parties.length < 2)
    return refuse('invalid-command', 'a joint meeting seats two parties or more');
  if (new Set(data.parties.map((party) => party.organisationId)).size !== data.parties.length) {
    return refuse('invalid-command', 'an organisation is seated once');
  }
  return right([{ type: 'MeetingScheduled', data }]);
};

const decideOnMeeting = (
  meeting: ScheduledMeeting,
  command: MeetingCommand,
  context: CommandContext,
): Decision => {
  if (command.type === 'ScheduleMeeting')
    return refuse('already-exists', `meeting ${meeting.meetingId} exists`);
  if (!mayConvene(context.actor, meeting.community, meeting.unitId)) {
    return refuse(
      'forbidden',
      `only staff of ${meeting.community} or leaders of ${meeting.unitId} may do that`,
    );
  }
  if (meeting.status === 'cancelled') return refuse('invalid-transition', 'the meeting was cancelled');
  const { data } = command;
  switch (command.type) {
    case 'PlaceItem':
      if (meeting.status !== 'scheduled') return refuse('invalid-transition', 'the meeting was already held');
      if (meeting.items.has(command.data.itemId))
        return refuse('already-exists', `item ${command.data.itemId} is on the agenda`);
      return right([{ type: 'ItemPlaced', data: command.data }]);
    case 'HoldMeeting': {
      if (meeting.status !== 'scheduled') return refuse('invalid-transition', 'the meeting was already held');
      // Held on its day or later (Shanghai dates), never before it.
      if (shanghaiDateOf(context.now) < shanghaiDateOf(meeting.scheduledFor)) {
        return refuse('invalid-transition', `the meeting is set for ${shanghaiDateOf(meeting.scheduledFor)}`);
      }
      const seated = new Set(meeting.parties.map((party) => party.organisationId));
      const stranger = command.data.partiesPresent.find((id) => !seated.has(id));
      if (stranger !== undefined)
        return refuse('invalid-command', `${stranger} is not a party to the meeting`);
      return right([{ type: 'MeetingHeld', data: command.data }]);
    }
    case 'ConcludeItem': {
      if (meeting.status !== 'held')
        return refuse('invalid-transition', 'items are concluded at a held meeting');
      const item = meeting.items.get(command.data.itemId);
      if (item === undefined) return refuse('not-found', `item ${command.data.itemId} is not on the agenda`);
      if (item.concluded !== undefined)
        return refuse('already-exists', `item ${command.data.itemId} is concluded`);
      if (toMillis(command.data.dueBy) <= toMillis(context.now))
        return refuse('invalid-command', 'a follow-up is due after now');
      return right([{ type: 'ItemConcluded', data: command.data }]);
    }
    case 'CancelMeeting':
      if (meeting.status !== 'scheduled') return refuse('invalid-transition', 'a held meeting stays held');
      return right([
        { type: 'MeetingCancelled', data: { meetingId: data.meetingId, reason: command.data.reason } },
      ]);
  }
};

/**
 * Builds the Meeting decider: staff of the community or leaders of the unit schedule a meeting (a
 * deliberation day only on the configured day of the month in Shanghai, a four-party meeting with all four
 * parties seated), place items until it is held, hold it on or after its day, then conclude each item once
 * with an outcome, a follow-up owner and a due date. Throws at construction on a day outside 1-28.
 */
export const createMeetingDecider = (config: MeetingConfig = {}): MeetingDecider => {
  const day = DeliberationDaySchema.parse(config.deliberationDay ?? DEFAULT_DELIBERATION_DAY);
  return {
    initialState: initialMeetingState,
    evolve: evolveMeeting,
    decide: (command, state, context) => {
      if (command.type === 'ScheduleMeeting') return schedule(day, command, state, context);
      if (state.status === 'unscheduled' || state.meetingId !== command.data.meetingId) {
        return refuse('not-found', `meeting ${command.data.meetingId} was never scheduled`);
      }
      return decideOnMeeting(state, command, context);
    },
  };
};

/** The Meeting decider with the 10th as deliberation day. */
export const meetingDecider: MeetingDecider = createMeetingDecider();
