import type { AgendaItem, MeetingEvent, MeetingKind, Party } from './events.js';

/** One agenda item and, once concluded, its follow-up. */
export interface MeetingItem {
  readonly itemId: string;
  readonly item: AgendaItem;
  readonly concluded?: { readonly followUpOwner: string; readonly dueBy: string };
}

/** A meeting never scheduled. */
export interface UnscheduledMeeting {
  readonly status: 'unscheduled';
}

/** A scheduled meeting: held or cancelled once. */
export interface ScheduledMeeting {
  readonly status: 'scheduled' | 'held' | 'cancelled';
  readonly meetingId: string;
  readonly kind: MeetingKind;
  readonly community: string;
  readonly unitId: string;
  readonly scheduledFor: string;
  readonly parties: readonly Party[];
  readonly items: ReadonlyMap<string, MeetingItem>;
}

/** The state of a Meeting aggregate. */
export type MeetingState = UnscheduledMeeting | ScheduledMeeting;

/** The state before `MeetingScheduled`. */
export const initialMeetingState: MeetingState = { status: 'unscheduled' };

/** Folds one Meeting event; total: an event that cannot apply to the state leaves it unchanged. */
export const evolveMeeting = (state: MeetingState, event: MeetingEvent): MeetingState => {
  if (event.type === 'MeetingScheduled') {
    if (state.status !== 'unscheduled') return state;
    const { meetingId, kind, community, unitId, scheduledFor, parties } = event.data;
    return {
      status: 'scheduled',
      meetingId,
      kind,
      community,
      unitId,
      scheduledFor,
      parties,
      items: new Map(),
    };
  }
  if (state.status === 'unscheduled') return state;
  switch (event.type) {
    case 'ItemPlaced': {
      const { itemId, item } = event.data;
      if (state.items.has(itemId)) return state;
      return { ...state, items: new Map(state.items).set(itemId, { itemId, item }) };
    }
    case 'MeetingHeld':
      return { ...state, status: 'held' };
    case 'ItemConcluded': {
      const { itemId, followUpOwner, dueBy } = event.data;
      const item = state.items.get(itemId);
      if (item === undefined) return state;
      return {
        ...state,
        items: new Map(state.items).set(itemId, { ...item, concluded: { followUpOwner, dueBy } }),
      };
    }
    case 'MeetingCancelled':
      return { ...state, status: 'cancelled' };
  }
};
