import { idRecord, type IdRecord } from '../id-record.js';

/** What one resident did for one community in one month. */
export interface Contribution {
  /** Points earned (`PointsEarned`); redemptions and adjustments never count towards honour. */
  readonly points: number;
  /** Tasks verified (`TaskVerified`): the work the red list (红榜) counts. */
  readonly verifiedTasks: number;
}

/**
 * The honour roll's fold: contributions by local month (`YYYY-MM` in {@link HonourRollState.timeZone}), then
 * community, then resident. Quarters and years are sums of their months, taken when a roll is drawn up, so
 * one fold answers every period.
 */
export interface HonourRollState {
  /** The IANA time zone months are cut in. */
  readonly timeZone: string;
  readonly months: Readonly<IdRecord<Readonly<IdRecord<Readonly<IdRecord<Contribution>>>>>>;
  /**
   * The revision of the last event applied per stream (`points-<resident>`, `task-<id>`), so a redelivered
   * event, at or below it, is not counted twice.
   */
  readonly revisions: Readonly<IdRecord<number>>;
}

/** The roll before any contribution, months cut in `timeZone`. */
export const emptyHonourRoll = (timeZone: string): HonourRollState => ({
  timeZone,
  months: idRecord(),
  revisions: idRecord(),
});
