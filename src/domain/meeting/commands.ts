import type { z } from 'zod';
import { MessageCatalogue, type MessageInputsOf, type MessagesOf } from '../shared/catalogue.js';
import { meetingEventSchemas } from './events.js';

/** The Meeting command schemas by type: each the data of the event it records. */
export const meetingCommandSchemas = {
  ScheduleMeeting: meetingEventSchemas.MeetingScheduled,
  PlaceItem: meetingEventSchemas.ItemPlaced,
  HoldMeeting: meetingEventSchemas.MeetingHeld,
  ConcludeItem: meetingEventSchemas.ItemConcluded,
  CancelMeeting: meetingEventSchemas.MeetingCancelled,
} satisfies Record<string, z.ZodType>;

/** The catalogue that parses Meeting commands from callers. */
export const meetingCommands = new MessageCatalogue(meetingCommandSchemas);

/** Any Meeting command, as parsed. */
export type MeetingCommand = MessagesOf<typeof meetingCommandSchemas>;

/** Any Meeting command as a caller may write it. */
export type MeetingCommandInput = MessageInputsOf<typeof meetingCommandSchemas>;

/** The Meeting command of one type, as parsed. */
export type MeetingCommandOf<T extends MeetingCommand['type']> = Extract<MeetingCommand, { type: T }>;
