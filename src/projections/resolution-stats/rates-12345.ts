import { z } from 'zod';
import { hoursBetween, toMillis } from '../../domain/shared/time.js';
import { cohortOf, type CohortMember, type PeriodQuery } from './cohort.js';
import type { ResolutionStatsState } from './projection.js';

/**
 * How the three rates of Beijing's 12345 model are counted. Beijing asks the callers themselves whether they
 * were answered, helped and satisfied; linli counts the same three things from the events, and each choice
 * below is one a city may set differently.
 */
export const Rates12345DefinitionsSchema = z.object({
  /**
   * A report is responded to when it is triaged or turned away within this many hours of being reported.
   * Default 24: the next day at the latest, as with the rider's manhole cover.
   */
  responseHours: z.number().positive().finite().default(24),
  /**
   * The response rate's denominator. `reported` (default): every report expects an answer, and turning one
   * away with a reason is an answer. `accepted`: only reports that were not turned away.
   */
  responseOver: z.enum(['reported', 'accepted']).default('reported'),
  /**
   * What counts as resolved. `resolved` (default): a resolution standing at `asOf`, closed or not. `closed`:
   * only problems whose file was closed, i.e. whose resolution was accepted.
   */
  resolvedWhen: z.enum(['resolved', 'closed']).default('resolved'),
  /**
   * The resolution rate's denominator. `accepted` (default): reports not turned away. `reported`: every
   * report, so that turning reports away lowers the rate.
   */
  resolutionOver: z.enum(['accepted', 'reported']).default('accepted'),
  /**
   * What counts as satisfied, over the accepted problems rated by `asOf` (the latest rating of each).
   * `flag` (default): the reporter said satisfied. `{ minScore: n }`: a score of n or more, as when "basically
   * satisfied" (基本满意) counts too.
   */
  satisfiedWhen: z
    .union([z.literal('flag'), z.object({ minScore: z.number().int().min(1).max(5) })])
    .default('flag'),
});

/** The definitions of the three rates (see {@link Rates12345DefinitionsSchema}). */
export type Rates12345Definitions = z.output<typeof Rates12345DefinitionsSchema>;

/** Definitions as a caller writes them: every field is optional and defaults as documented. */
export type Rates12345DefinitionsInput = z.input<typeof Rates12345DefinitionsSchema>;

/** The default definitions: respond within 24 hours, resolved over accepted, satisfied by the reporter's flag. */
export const DEFAULT_12345_DEFINITIONS: Rates12345Definitions = Object.freeze(
  Rates12345DefinitionsSchema.parse({}),
);

/** One rate with its numerator and denominator, so a reader can check it; null for an empty denominator. */
export interface Rate {
  readonly numerator: number;
  readonly denominator: number;
  readonly rate: number | null;
}

/** Beijing's three rates for one cohort. */
export interface Rates12345 {
  /**
   * Reports answered (triaged or turned away) within `responseHours`, over the reports of `responseOver`
   * whose answer is known at `asOf`: a report still inside its response window and not yet answered is left
   * out of both numerator and denominator until its window closes, so today's reports do not drag the rate
   * down.
   */
  readonly response: Rate;
  /** Problems resolved (`resolvedWhen`) at `asOf`, over the reports of `resolutionOver`. */
  readonly resolution: Rate;
  /** Accepted problems whose latest rating counts as satisfied (`satisfiedWhen`), over those rated. */
  readonly satisfaction: Rate;
}

/** A {@link PeriodQuery} for the 12345 rates, with the definitions to count them by. */
export interface Query12345 extends PeriodQuery {
  readonly definitions?: Rates12345DefinitionsInput;
}

const rate = (numerator: number, denominator: number): Rate => ({
  numerator,
  denominator,
  rate: denominator === 0 ? null : numerator / denominator,
});

/** Beijing's three rates of a cohort judged at `asOf`. */
export const rates12345Of = (
  cohort: readonly CohortMember[],
  asOf: string,
  definitions: Rates12345Definitions = DEFAULT_12345_DEFINITIONS,
): Rates12345 => {
  const at = toMillis(asOf);
  const counts = { answered: 0, answerKnown: 0, resolved: 0, resolutionBase: 0, satisfied: 0, rated: 0 };
  for (const { track, outcome } of cohort) {
    const rejected = outcome.status === 'rejected';
    if (!rejected || definitions.responseOver === 'reported') {
      const inTime =
        outcome.respondedAt !== undefined &&
        hoursBetween(track.reportedAt, outcome.respondedAt) <= definitions.responseHours;
      const windowClosed = (at - toMillis(track.reportedAt)) / 3_600_000 > definitions.responseHours;
      if (inTime) counts.answered += 1;
      if (inTime || windowClosed) counts.answerKnown += 1;
    }
    if (!rejected || definitions.resolutionOver === 'reported') counts.resolutionBase += 1;
    if (rejected) continue;
    const resolved =
      definitions.resolvedWhen === 'closed' ? outcome.status === 'closed' : outcome.resolution !== undefined;
    if (resolved) counts.resolved += 1;
    if (outcome.rating !== undefined) {
      counts.rated += 1;
      const { satisfiedWhen } = definitions;
      const satisfied =
        satisfiedWhen === 'flag' ? outcome.rating.satisfied : outcome.rating.score >= satisfiedWhen.minScore;
      if (satisfied) counts.satisfied += 1;
    }
  }
  return {
    response: rate(counts.answered, counts.answerKnown),
    resolution: rate(counts.resolved, counts.resolutionBase),
    satisfaction: rate(counts.satisfied, counts.rated),
  };
};

/**
 * Beijing's 12345 rates (response, resolution, satisfaction) of the problems in `scope` reported in `period`,
 * judged at `asOf`, counted by `definitions` (see {@link Rates12345DefinitionsSchema}).
 * @throws RangeError for a malformed period, an unknown time zone or an invalid `asOf`; a ZodError for
 * invalid definitions.
 */
export const rates12345 = (state: ResolutionStatsState, query: Query12345): Rates12345 =>
  rates12345Of(
    cohortOf(state, query),
    query.asOf,
    Rates12345DefinitionsSchema.parse(query.definitions ?? {}),
  );
