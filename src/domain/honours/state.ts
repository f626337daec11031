import { emptyIdMap, type IdMap } from '../shared/id-map.js';
import type { HonourAward, HonoursEventOf } from './events.js';

/**
 * A community's honours of one year: each award by id, the key of each (title, period, resident) awarded so
 * that nobody holds one title twice for one period, and each prize by the award it was given for.
 */
export interface HonoursState {
  readonly awards: IdMap<HonourAward>;
  /** `<title>|<period key>|<resident>` to the award id that holds it. */
  readonly held: IdMap<string>;
  readonly prizes: IdMap<HonoursEventOf<'PrizeGiven'>['data']>;
}

/** A year with no honours yet. */
export const initialHonoursState: HonoursState = {
  awards: emptyIdMap(),
  held: emptyIdMap(),
  prizes: emptyIdMap(),
};

/** The key one (title, period, resident) is held under. */
export const heldKey = (award: Pick<HonourAward, 'title' | 'period' | 'residentId'>): string =>
  `${award.title}|${award.period.key}|${award.residentId}`;
