import type { ProblemStatus } from '../../domain/problem/state.js';
import type { Tier } from '../../domain/shared/tiers.js';
import { toMillis } from '../../domain/shared/time.js';
import type { UnitPath } from '../../domain/shared/units.js';

/**
 * One dated step of a problem's life, with only what the figures read (no text). `at` is the event's
 * `occurredAt`; `dueBy` is the deadline the step set for the tier now holding the problem.
 */
export type TrackStep =
  | { readonly kind: 'triaged'; readonly at: string; readonly tier: Tier; readonly dueBy: string }
  | { readonly kind: 'escalated'; readonly at: string; readonly tier: Tier; readonly dueBy: string }
  | { readonly kind: 'resolved'; readonly at: string; readonly tier: Tier }
  | { readonly kind: 'rated'; readonly at: string; readonly satisfied: boolean; readonly score: number }
  | { readonly kind: 'reopened'; readonly at: string; readonly tier: Tier; readonly dueBy: string }
  | { readonly kind: 'closed'; readonly at: string }
  | { readonly kind: 'rejected'; readonly at: string };

/**
 * A problem as the statistics keep it: where and when it was reported and its dated steps in stream order.
 * Keeping the steps rather than only the latest state is what lets a query ask how things stood at any
 * `asOf`, so that a month's figures computed today and in a year's time agree. `revision` is the stream
 * revision of the last event applied: an event at or below it is a redelivery and changes nothing.
 */
export interface ProblemTrack {
  readonly problemId: string;
  readonly path: UnitPath;
  readonly reportedAt: string;
  readonly revision: number;
  readonly steps: readonly TrackStep[];
}

/** The resolution standing at some instant: when, by which tier, and the deadline it was due by. */
export interface StandingResolution {
  readonly at: string;
  readonly tier: Tier;
  /** The deadline in force when the problem was resolved; on time means `at` is not after it. */
  readonly dueBy: string | undefined;
}

/** How a problem stood at an instant (see {@link outcomeAt}). */
export interface ProblemOutcome {
  readonly status: ProblemStatus;
  /** The first triage or rejection: the moment someone answered the report. */
  readonly respondedAt: string | undefined;
  /** The tier holding the problem (or that last held it). */
  readonly tier: Tier | undefined;
  /** The deadline of the tier holding the problem. */
  readonly dueBy: string | undefined;
  /** The resolution in force: cleared by a reopening, replaced by the next resolution. */
  readonly resolution: StandingResolution | undefined;
  /** The latest rating given, kept even when its resolution was reopened afterwards. */
  readonly rating: { readonly satisfied: boolean; readonly score: number } | undefined;
}

/**
 * How a problem stood at `asOf`: its steps are replayed up to the first one dated after `asOf`. The steps of
 * one stream are replayed as a prefix rather than filtered by date, so a clock that stepped back between two
 * commands can never produce an impossible state (a resolution without a triage).
 */
export const outcomeAt = (track: ProblemTrack, asOf: string | number): ProblemOutcome => {
  const limit = typeof asOf === 'number' ? asOf : toMillis(asOf);
  let status: ProblemStatus = 'reported';
  let respondedAt: string | undefined;
  let tier: Tier | undefined;
  let dueBy: string | undefined;
  let resolution: StandingResolution | undefined;
  let rating: ProblemOutcome['rating'];
  for (const step of track.steps) {
    if (toMillis(step.at) > limit) break;
    switch (step.kind) {
      case 'triaged':
        respondedAt ??= step.at;
        status = 'triaged';
        tier = step.tier;
        dueBy = step.dueBy;
        break;
      case 'escalated':
        tier = step.tier;
        dueBy = step.dueBy;
        break;
      case 'resolved':
        status = 'resolved';
        tier = step.tier;
        resolution = { at: step.at, tier: step.tier, dueBy };
        break;
      case 'rated':
        rating = { satisfied: step.satisfied, score: step.score };
        break;
      case 'reopened':
        status = 'triaged';
        tier = step.tier;
        dueBy = step.dueBy;
        resolution = undefined;
        break;
      case 'closed':
        status = 'closed';
        break;
      case 'rejected':
        respondedAt ??= step.at;
        status = 'rejected';
        break;
    }
  }
  return { status, respondedAt, tier, dueBy, resolution, rating };
};

/** True when the problem was open (neither resolved, closed nor rejected) and past its deadline at `asOf`. */
export const isOverdueOutcome = (outcome: ProblemOutcome, asOf: number): boolean =>
  (outcome.status === 'reported' || outcome.status === 'triaged') &&
  outcome.dueBy !== undefined &&
  toMillis(outcome.dueBy) < asOf;
