import type { Draft } from 'immer';
import type { Recorded } from '../../commands/aggregate.js';
import type { LinliEvent } from '../../domain/linli.js';
import { entryOf, idRecord } from '../id-record.js';
import type { Projection } from '../projection.js';
import { assertTimeZone, DEFAULT_HONOUR_TIME_ZONE, monthKeyOf } from './calendar.js';
import { emptyHonourRoll, type Contribution, type HonourRollState } from './state.js';

/** Options of {@link createHonourRollProjection}. */
export interface HonourRollOptions {
  /** The IANA time zone months, quarters and years are cut in; default {@link DEFAULT_HONOUR_TIME_ZONE}. */
  readonly timeZone?: string;
}

type RollDraft = Draft<HonourRollState>;

/** The contribution a resident made to a community in the month of `occurredAt`, created at zero. */
const contributionAt = (
  draft: RollDraft,
  occurredAt: string,
  community: string,
  residentId: string,
): Draft<Contribution> => {
  const monthKey = monthKeyOf(occurredAt, draft.timeZone);
  let month = entryOf(draft.months, monthKey);
  if (month === undefined) {
    month = idRecord();
    draft.months[monthKey] = month;
  }
  let residents = entryOf(month, community);
  if (residents === undefined) {
    residents = idRecord();
    month[community] = residents;
  }
  let contribution = entryOf(residents, residentId);
  if (contribution === undefined) {
    contribution = { points: 0, verifiedTasks: 0 };
    residents[residentId] = contribution;
  }
  return contribution;
};

/** Whether the event is new for its stream, recording its revision if it is. */
const isFresh = (draft: RollDraft, event: Recorded<LinliEvent>): boolean => {
  const revision = Number(event.revision);
  const seen = entryOf(draft.revisions, event.streamId);
  if (seen !== undefined && revision <= seen) return false;
  draft.revisions[event.streamId] = revision;
  return true;
};

/**
 * Builds the honour roll projection: `PointsEarned` adds to a resident's points, `TaskVerified` to their
 * verified tasks, in the month (in the configured time zone) the event occurred and the community it names.
 * Redemptions and adjustments are left out on purpose: spending points does not undo the work that earned
 * them, and a correction is bookkeeping, not service. A roll kept in another zone than the default is named
 * after it, so the two keep separate checkpoints.
 * @throws RangeError for a time zone the runtime does not know.
 */
export const createHonourRollProjection = (
  options: HonourRollOptions = {},
): Projection<Recorded<LinliEvent>, HonourRollState> => {
  const timeZone = options.timeZone ?? DEFAULT_HONOUR_TIME_ZONE;
  assertTimeZone(timeZone);
  return {
    name: timeZone === DEFAULT_HONOUR_TIME_ZONE ? 'honour-roll' : `honour-roll:${timeZone}`,
    initialState: emptyHonourRoll(timeZone),
    apply: (draft, event) => {
      switch (event.type) {
        case 'PointsEarned': {
          if (!isFresh(draft, event)) break;
          const { community, residentId, points } = event.data;
          contributionAt(draft, event.metadata.occurredAt, community, residentId).points += points;
          break;
        }
        case 'TaskVerified': {
          if (!isFresh(draft, event)) break;
          const { community, residentId } = event.data;
          contributionAt(draft, event.metadata.occurredAt, community, residentId).verifiedTasks += 1;
          break;
        }
        default:
          break;
      }
    },
  };
};

/** The honour roll kept in {@link DEFAULT_HONOUR_TIME_ZONE}. */
export const honourRollProjection: Projection<
  Recorded<LinliEvent>,
  HonourRollState
> = createHonourRollProjection();
