import type { Aggregate } from '../../commands/aggregate.js';
import { meetingStream } from '../shared/ids.js';
import { meetingCommands, type meetingCommandSchemas } from './commands.js';
import { createMeetingDecider, type MeetingConfig } from './decider.js';
import { meetingEvents, type meetingEventSchemas } from './events.js';
import type { MeetingState } from './state.js';

/** The Meeting aggregate as the command handler runs it. */
export type MeetingAggregate = Aggregate<
  typeof meetingCommandSchemas,
  typeof meetingEventSchemas,
  MeetingState
>;

/** Builds the Meeting aggregate (stream `meeting-<meetingId>`) for a community's configuration. */
export const createMeetingAggregate = (config: MeetingConfig = {}): MeetingAggregate => ({
  name: 'Meeting',
  commands: meetingCommands,
  events: meetingEvents,
  decider: createMeetingDecider(config),
  streamId: (command) => meetingStream(command.data.meetingId),
  recordedBy: {
    MeetingScheduled: 'ScheduleMeeting',
    ItemPlaced: 'PlaceItem',
    MeetingHeld: 'HoldMeeting',
    ItemConcluded: 'ConcludeItem',
    MeetingCancelled: 'CancelMeeting',
  },
});

/** The Meeting aggregate with the 10th as deliberation day. */
export const meetingAggregate: MeetingAggregate = createMeetingAggregate();
