/**
 * A brute-force recount of the 721 figures and the 12345 rates straight from the raw events, written
 * without any of the projection's code: periods by shifting instants by a fixed UTC offset (the zones the
 * properties use have no daylight saving), each problem's fate by walking its events.
 */
import type { Recorded } from '../../../src/commands/aggregate.js';
import type { ProblemEvent } from '../../../src/domain/problem/events.js';

type Tier = 'grid' | 'community' | 'street' | 'department';

export interface RecountQuery {
  readonly scope: { street?: string; community?: string; grid?: string };
  readonly kind: 'month' | 'quarter' | 'year';
  readonly key: string;
  readonly asOf: string;
  readonly offsetHours: number;
}

/** The period key of an instant at a fixed UTC offset. */
export const keyAtOffset = (instant: string, kind: RecountQuery['kind'], offsetHours: number): string => {
  const shifted = new Date(Date.parse(instant) + offsetHours * 3_600_000);
  const year = String(shifted.getUTCFullYear()).padStart(4, '0');
  const month = shifted.getUTCMonth() + 1;
  if (kind === 'year') return year;
  if (kind === 'quarter') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  return `${year}-${String(month).padStart(2, '0')}`;
};

interface Fate {
  reportedMs: number;
  rejected: boolean;
  closed: boolean;
  /** Standing resolution. */
  resolution?: { tier: Tier; ms: number; dueMs: number | undefined };
  deadlineMs?: number;
  rating?: { satisfied: boolean; score: number };
  firstAnswerMs?: number;
}

/** Each problem in the query's cohort, walked event by event up to asOf. */
const cohort = (events: readonly Recorded<ProblemEvent>[], q: RecountQuery): Fate[] => {
  const asOfMs = Date.parse(q.asOf);
  const streams: Record<string, Recorded<ProblemEvent>[]> = {};
  for (const e of events) (streams[`s:${e.data.problemId}`] ??= []).push(e);
  const fates: Fate[] = [];
  for (const stream of Object.values(streams)) {
    const first = stream[0]!;
    if (first.type !== 'ProblemReported') continue;
    const { path } = first.data;
    if (q.scope.street !== undefined && q.scope.street !== path.street) continue;
    if (q.scope.community !== undefined && q.scope.community !== path.community) continue;
    if (q.scope.grid !== undefined && q.scope.grid !== path.grid) continue;
    if (Date.parse(first.metadata.occurredAt) > asOfMs) continue;
    if (keyAtOffset(first.metadata.occurredAt, q.kind, q.offsetHours) !== q.key) continue;
    const fate: Fate = { reportedMs: Date.parse(first.metadata.occurredAt), rejected: false, closed: false };
    for (const e of stream.slice(1)) {
      const ms = Date.parse(e.metadata.occurredAt);
      if (ms > asOfMs) break;
      if (e.type === 'ProblemTriaged') {
        fate.firstAnswerMs ??= ms;
        fate.deadlineMs = Date.parse(e.data.dueBy);
      } else if (e.type === 'ProblemEscalated' || e.type === 'ProblemReopened') {
        fate.deadlineMs = Date.parse(e.data.dueBy);
        if (e.type === 'ProblemReopened') delete fate.resolution;
      } else if (e.type === 'ProblemResolved') {
        fate.resolution = { tier: e.data.tier, ms, dueMs: fate.deadlineMs };
      } else if (e.type === 'ProblemRated') {
        fate.rating = { satisfied: e.data.satisfied, score: e.data.score };
      } else if (e.type === 'ProblemClosed') {
        fate.closed = true;
      } else if (e.type === 'ProblemRejected') {
        fate.firstAnswerMs ??= ms;
        fate.rejected = true;
      }
    }
    fates.push(fate);
  }
  return fates;
};

const nearestRankOf = (values: number[], percent: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((values.length * percent) / 100) - 1]!;
};

const div = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** The 721 figures, recounted. */
export const recount721 = (events: readonly Recorded<ProblemEvent>[], q: RecountQuery) => {
  const fates = cohort(events, q);
  const asOfMs = Date.parse(q.asOf);
  const live = fates.filter((f) => !f.rejected);
  const resolved = live.filter((f) => f.resolution !== undefined);
  const open = live.filter((f) => f.resolution === undefined);
  const tiers = { grid: 0, community: 0, street: 0, department: 0 };
  for (const f of resolved) tiers[f.resolution!.tier] += 1;
  const bucket = (count: number, target: number) => {
    const share = div(count, resolved.length);
    return { resolved: count, share, target, deviation: share === null ? null : share - target };
  };
  const rated = live.filter((f) => f.rating !== undefined);
  const satisfied = rated.filter((f) => f.rating!.satisfied).length;
  const onTime = resolved.filter(
    (f) => f.resolution!.dueMs !== undefined && f.resolution!.ms <= f.resolution!.dueMs,
  ).length;
  const hours = resolved.map((f) => (f.resolution!.ms - f.reportedMs) / 3_600_000);
  return {
    reported: fates.length,
    rejected: fates.length - live.length,
    accepted: live.length,
    resolved: resolved.length,
    resolvedByTier: tiers,
    shares: {
      grid: bucket(tiers.grid, 0.7),
      community: bucket(tiers.community, 0.2),
      streetAndAbove: bucket(tiers.street + tiers.department, 0.1),
    },
    open: open.length,
    overdue: open.filter((f) => f.deadlineMs !== undefined && f.deadlineMs < asOfMs).length,
    onTime,
    rated: rated.length,
    satisfied,
    completionRate: div(resolved.length, live.length),
    onTimeRate: div(onTime, resolved.length),
    satisfactionRate: div(satisfied, rated.length),
    hoursToResolve: { median: nearestRankOf(hours, 50), p90: nearestRankOf(hours, 90) },
  };
};

export interface RecountDefinitions {
  readonly responseHours: number;
  readonly responseOver: 'reported' | 'accepted';
  readonly resolvedWhen: 'resolved' | 'closed';
  readonly resolutionOver: 'accepted' | 'reported';
  readonly satisfiedWhen: 'flag' | { minScore: number };
}

/** The 12345 rates, recounted. */
export const recount12345 = (
  events: readonly Recorded<ProblemEvent>[],
  q: RecountQuery,
  d: RecountDefinitions,
) => {
  const fates = cohort(events, q);
  const asOfMs = Date.parse(q.asOf);
  const window = d.responseHours * 3_600_000;
  const responseBase = fates.filter((f) => d.responseOver === 'reported' || !f.rejected);
  const answered = responseBase.filter(
    (f) => f.firstAnswerMs !== undefined && f.firstAnswerMs - f.reportedMs <= window,
  );
  const known = responseBase.filter((f) => answered.includes(f) || asOfMs - f.reportedMs > window);
  const live = fates.filter((f) => !f.rejected);
  const resolved = live.filter((f) => (d.resolvedWhen === 'closed' ? f.closed : f.resolution !== undefined));
  const rated = live.filter((f) => f.rating !== undefined);
  const satisfied = rated.filter((f) =>
    d.satisfiedWhen === 'flag' ? f.rating!.satisfied : f.rating!.score >= d.satisfiedWhen.minScore,
  );
  const rate = (numerator: number, denominator: number) => ({
    numerator,
    denominator,
    rate: div(numerator, denominator),
  });
  return {
    response: rate(answered.length, known.length),
    resolution: rate(resolved.length, d.resolutionOver === 'accepted' ? live.length : fates.length),
    satisfaction: rate(satisfied.length, rated.length),
  };
};
