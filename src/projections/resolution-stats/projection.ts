import type { Draft } from 'immer';
import type { Recorded } from '../../commands/aggregate.js';
import type { LinliEvent } from '../../domain/linli.js';
import type { ProblemEvent } from '../../domain/problem/events.js';
import { idRecord } from '../id-record.js';
import type { Projection } from '../projection.js';
import type { ProblemTrack, TrackStep } from './track.js';
import { copyUnitPath } from '../../domain/shared/units.js';

/** The resolution statistics' state: one {@link ProblemTrack} per problem id. */
export interface ResolutionStatsState {
  readonly problems: Readonly<Record<string, ProblemTrack>>;
}

type Tracks = Draft<ResolutionStatsState>['problems'];

/**
 * The track an event continues, or undefined when the event must change nothing: its problem was never
 * reported, or the event is at or below the revision already applied (a redelivery). Checking revisions
 * here, not only in the runner, keeps the fold idempotent however its events are handed to it.
 */
const trackToContinue = (
  problems: Tracks,
  problemId: string,
  revision: number,
): Draft<ProblemTrack> | undefined => {
  if (!Object.hasOwn(problems, problemId)) return undefined;
  const track = problems[problemId];
  return track !== undefined && revision > track.revision ? track : undefined;
};

const addStep = (problems: Tracks, event: Recorded<ProblemEvent>, step: TrackStep): void => {
  const revision = Number(event.revision);
  const track = trackToContinue(problems, event.data.problemId, revision);
  if (track === undefined) return;
  track.steps.push(step);
  track.revision = revision;
};

/**
 * The 721 statistics as a fold: each problem event appends a dated step to its problem's track; the figures
 * are computed by queries ({@link query721}, {@link report721}, {@link rates12345}) for a scope, a period, a
 * time zone and an `asOf`. Events of other types pass through untouched, so the input can widen to every
 * linli event.
 */
export const resolutionStatsProjection: Projection<Recorded<LinliEvent>, ResolutionStatsState> = {
  name: 'resolution-stats',
  // No prototype: `__proto__`, `constructor` and `toString` are valid problem ids, and as keys of an ordinary
  // object the first would set the prototype (immer refuses) and the others would read inherited members.
  initialState: { problems: idRecord<ProblemTrack>() },
  apply: (draft, event) => {
    const at = event.metadata.occurredAt;
    switch (event.type) {
      case 'ProblemReported': {
        const { problemId, path } = event.data;
        if (Object.hasOwn(draft.problems, problemId)) return;
        draft.problems[problemId] = {
          problemId,
          path: copyUnitPath(path),
          reportedAt: at,
          revision: Number(event.revision),
          steps: [],
        };
        return;
      }
      case 'ProblemTriaged':
        return addStep(draft.problems, event, {
          kind: 'triaged',
          at,
          tier: event.data.tier,
          dueBy: event.data.dueBy,
        });
      case 'ProblemEscalated':
        return addStep(draft.problems, event, {
          kind: 'escalated',
          at,
          tier: event.data.toTier,
          dueBy: event.data.dueBy,
        });
      case 'ProblemResolved':
        return addStep(draft.problems, event, { kind: 'resolved', at, tier: event.data.tier });
      case 'ProblemRated':
        return addStep(draft.problems, event, {
          kind: 'rated',
          at,
          satisfied: event.data.satisfied,
          score: event.data.score,
        });
      case 'ProblemReopened':
        return addStep(draft.problems, event, {
          kind: 'reopened',
          at,
          tier: event.data.tier,
          dueBy: event.data.dueBy,
        });
      case 'ProblemClosed':
        return addStep(draft.problems, event, { kind: 'closed', at });
      case 'ProblemRejected':
        return addStep(draft.problems, event, { kind: 'rejected', at });
      default:
        break;
    }
  },
};
