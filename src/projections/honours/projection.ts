import type { Recorded } from '../../commands/aggregate.js';
import type { HonourAward } from '../../domain/honours/events.js';
import type { LinliEvent } from '../../domain/linli.js';
import { entryOf, idRecord, type IdRecord } from '../id-record.js';
import type { Projection } from '../projection.js';

/** An honour as it was posted: the award, when it was recorded, and the prize handed over, if any. */
export interface PostedHonour {
  readonly award: HonourAward;
  readonly awardedAt: string;
  readonly prize?: { readonly prize: string; readonly givenAt: string };
}

/**
 * The honours posted, by stream (`honours-<community>-<year>`) then award id, and the revision applied per
 * stream so that a redelivered event is not applied twice. Unlike the honour roll, which proposes, this
 * is what staff actually awarded.
 */
export interface HonoursBoardState {
  readonly streams: Readonly<IdRecord<Readonly<IdRecord<PostedHonour>>>>;
  readonly revisions: Readonly<IdRecord<number>>;
}

/** No honour posted yet. */
export const emptyHonoursBoard = (): HonoursBoardState => ({ streams: idRecord(), revisions: idRecord() });

/** The honours board: `HonourAwarded` posts an honour, `PrizeGiven` records its prize. */
export const honoursBoardProjection: Projection<Recorded<LinliEvent>, HonoursBoardState> = {
  name: 'honours-board',
  initialState: emptyHonoursBoard(),
  apply: (draft, event) => {
    if (event.type !== 'HonourAwarded' && event.type !== 'PrizeGiven') return;
    const revision = Number(event.revision);
    const seen = entryOf(draft.revisions, event.streamId);
    if (seen !== undefined && revision <= seen) return;
    draft.revisions[event.streamId] = revision;
    let stream = entryOf(draft.streams, event.streamId);
    if (stream === undefined) {
      stream = idRecord();
      draft.streams[event.streamId] = stream;
    }
    if (event.type === 'HonourAwarded') {
      stream[event.data.awardId] = { award: event.data, awardedAt: event.metadata.occurredAt };
      return;
    }
    const posted = entryOf(stream, event.data.awardId);
    if (posted !== undefined) posted.prize = { prize: event.data.prize, givenAt: event.metadata.occurredAt };
  },
};
