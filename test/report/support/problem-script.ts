/**
 * A problem's scripted story (support/district.ts holds the district's) and the commands that tell it: each
 * step sent at its instant by whoever holds the problem then (the grid worker triages, the tier it is at
 * resolves, escalates, closes and rejects; the reporter rates and reopens).
 */
import type { ProblemRejectionReason } from '../../../src/domain/problem/events.js';
import { TIERS, type Tier } from '../../../src/domain/shared/tiers.js';
import type { UnitPath } from '../../../src/domain/shared/units.js';
import type { Actor, Timed } from './record-commands.js';

/** One step of a problem's life, `after` hours after its report; deadlines `due` hours after the report. */
export type ScriptStep =
  | { readonly kind: 'triage'; readonly after: number; readonly tier: Tier; readonly due: number }
  | { readonly kind: 'escalate'; readonly after: number; readonly due: number }
  | { readonly kind: 'resolve'; readonly after: number }
  | { readonly kind: 'rate'; readonly after: number; readonly satisfied: boolean; readonly score: number }
  | { readonly kind: 'reopen'; readonly after: number; readonly due: number }
  | { readonly kind: 'close'; readonly after: number }
  | { readonly kind: 'reject'; readonly after: number; readonly reason: ProblemRejectionReason };

/** One problem's whole story. */
export interface ProblemScript {
  readonly id: string;
  readonly path: UnitPath;
  readonly category: string;
  readonly reportedAt: string;
  readonly steps: readonly ScriptStep[];
}

const HOUR = 3_600_000;
const plus = (instant: string, hours: number): string =>
  new Date(Date.parse(instant) + hours * HOUR).toISOString();

const staff = (tier: Tier, path: UnitPath): Actor => {
  switch (tier) {
    case 'grid':
      return { id: `gw-${path.grid}`, role: 'grid-worker', scope: [path.grid] };
    case 'community':
      return { id: `cs-${path.community}`, role: 'community-staff', scope: [path.community] };
    case 'street':
      return { id: `so-${path.street}`, role: 'street-official', scope: [path.street] };
    case 'department':
      return { id: 'dept-city', role: 'department', scope: [] };
  }
};

/** The commands that tell a problem's story, each at its own instant, in script order. */
export const problemCommands = (script: ProblemScript): Timed[] => {
  const { id: problemId, path, reportedAt } = script;
  const reporter: Actor = { id: `res-${problemId}`, role: 'resident', scope: [] };
  const timed: Timed[] = [
    {
      at: reportedAt,
      actor: reporter,
      command: {
        type: 'ReportProblem',
        data: {
          problemId,
          path,
          category: script.category,
          description: 'seen on the round',
          channel: 'app',
        },
      },
    },
  ];
  let tier: Tier = 'grid';
  for (const step of script.steps) {
    const at = plus(reportedAt, step.after);
    const holder = staff(tier, path);
    switch (step.kind) {
      case 'triage':
        tier = step.tier;
        timed.push({
          at,
          actor: staff('grid', path),
          command: { type: 'TriageProblem', data: { problemId, tier, dueBy: plus(reportedAt, step.due) } },
        });
        break;
      case 'escalate':
        tier = TIERS[TIERS.indexOf(tier) + 1] as Tier;
        timed.push({
          at,
          actor: holder,
          command: {
            type: 'EscalateProblem',
            data: { problemId, reason: 'beyond this tier', dueBy: plus(reportedAt, step.due) },
          },
        });
        break;
      case 'resolve':
        timed.push({
          at,
          actor: holder,
          command: { type: 'ResolveProblem', data: { problemId, resolution: 'done' } },
        });
        break;
      case 'rate':
        timed.push({
          at,
          actor: reporter,
          command: {
            type: 'RateResolution',
            data: { problemId, satisfied: step.satisfied, score: step.score },
          },
        });
        break;
      case 'reopen':
        timed.push({
          at,
          actor: reporter,
          command: {
            type: 'ReopenProblem',
            data: { problemId, reason: 'not fixed', dueBy: plus(reportedAt, step.due) },
          },
        });
        break;
      case 'close':
        timed.push({ at, actor: holder, command: { type: 'CloseProblem', data: { problemId } } });
        break;
      case 'reject':
        timed.push({
          at,
          actor: holder,
          command: { type: 'RejectProblem', data: { problemId, reason: step.reason } },
        });
        break;
    }
  }
  return timed;
};
