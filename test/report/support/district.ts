/**
 * A small scripted district for the report tests, recorded through the real governance facade: two streets'
 * worth of communities, four months of problems in Asia/Shanghai with every outcome the report draws
 * (resolved at each tier, escalated, rejected, rated, reopened, closed, left open past the deadline), and a
 * report made at 01:30 on 1 February local time, which is still January in UTC.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { Writable } from 'node:stream';
import { exportHistory } from '../../../src/audit/export-history.js';
import { createGovernance, type Governance } from '../../../src/commands/governance.js';
import type { LinliCommandInput } from '../../../src/domain/linli.js';
import type { ProblemRejectionReason } from '../../../src/domain/problem/events.js';
import type { Role } from '../../../src/domain/shared/actors.js';
import { TIERS, type Tier } from '../../../src/domain/shared/tiers.js';
import type { UnitPath } from '../../../src/domain/shared/units.js';
import { directoryOfPaths, recordDirectory } from '../../../src/testing/directory.js';

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

/** Two communities of Longtan street (one with two grids) and one of Baiyun street. */
export const LONGTAN_G1: UnitPath = { street: 'longtan-st', community: 'longtan', grid: 'longtan.g1' };
export const LONGTAN_G2: UnitPath = { street: 'longtan-st', community: 'longtan', grid: 'longtan.g2' };
export const QINGSHUI_G1: UnitPath = { street: 'longtan-st', community: 'qingshui', grid: 'qingshui.g1' };
export const BAIYUN_G1: UnitPath = { street: 'baiyun-st', community: 'baiyun', grid: 'baiyun.g1' };

const HOUR = 3_600_000;
const plus = (instant: string, hours: number): string =>
  new Date(Date.parse(instant) + hours * HOUR).toISOString();

const resolvedAt = (tier: Tier, after = 20): ScriptStep[] => [
  { kind: 'triage', after: 2, tier, due: 72 },
  { kind: 'resolve', after },
];

/**
 * The district's problems, January to April 2026 (Asia/Shanghai). The last event is `p-late`'s rating on
 * 20 April, so that is the instant the report is judged at.
 */
export const DISTRICT: readonly ProblemScript[] = [
  // January: mostly the grid, one escalated to the community, one rejected, one resolved late.
  {
    id: 'p-jan-1',
    path: LONGTAN_G1,
    category: 'garbage-collection',
    reportedAt: '2026-01-05T01:00:00.000Z',
    steps: [
      ...resolvedAt('grid'),
      { kind: 'rate', after: 30, satisfied: true, score: 5 },
      { kind: 'close', after: 40 },
    ],
  },
  {
    id: 'p-jan-2',
    path: LONGTAN_G2,
    category: 'neighbour-dispute',
    reportedAt: '2026-01-08T03:00:00.000Z',
    steps: [...resolvedAt('grid', 10), { kind: 'rate', after: 12, satisfied: true, score: 4 }],
  },
  {
    id: 'p-jan-3',
    path: LONGTAN_G1,
    category: 'blocked-pipe',
    reportedAt: '2026-01-10T02:00:00.000Z',
    steps: [
      { kind: 'triage', after: 1, tier: 'grid', due: 24 },
      { kind: 'escalate', after: 20, due: 96 },
      { kind: 'resolve', after: 90 },
      { kind: 'rate', after: 100, satisfied: false, score: 2 },
    ],
  },
  {
    id: 'p-jan-4',
    path: QINGSHUI_G1,
    category: 'garbage-collection',
    reportedAt: '2026-01-12T05:00:00.000Z',
    steps: [{ kind: 'reject', after: 3, reason: 'invalid' }],
  },
  {
    id: 'p-jan-5',
    path: BAIYUN_G1,
    category: 'fire-lane-obstruction',
    reportedAt: '2026-01-15T06:00:00.000Z',
    steps: [
      { kind: 'triage', after: 2, tier: 'street', due: 48 },
      { kind: 'resolve', after: 200 },
      { kind: 'rate', after: 210, satisfied: true, score: 4 },
    ],
  },
  // Reported on 31 January in UTC, 1 February in Shanghai: a February problem in the default time zone.
  {
    id: 'p-edge',
    path: LONGTAN_G2,
    category: 'garbage-collection',
    reportedAt: '2026-01-31T17:30:00.000Z',
    steps: [...resolvedAt('grid', 6)],
  },
  // January, escalated to a department, open over two month ends (overdue at the second), resolved in March.
  {
    id: 'p-long',
    path: BAIYUN_G1,
    category: 'river-works',
    reportedAt: '2026-01-20T02:00:00.000Z',
    steps: [
      { kind: 'triage', after: 4, tier: 'street', due: 100 },
      { kind: 'escalate', after: 90, due: 400 },
      { kind: 'resolve', after: 1_200 },
      { kind: 'rate', after: 1_210, satisfied: true, score: 5 },
    ],
  },
  // February: a reopening, a community resolution, one waiting for triage over the month end.
  {
    id: 'p-feb-1',
    path: QINGSHUI_G1,
    category: 'garbage-collection',
    reportedAt: '2026-02-03T01:00:00.000Z',
    steps: [
      ...resolvedAt('grid'),
      { kind: 'rate', after: 25, satisfied: false, score: 1 },
      { kind: 'reopen', after: 26, due: 60 },
      { kind: 'resolve', after: 50 },
      { kind: 'rate', after: 55, satisfied: true, score: 4 },
    ],
  },
  {
    id: 'p-feb-2',
    path: LONGTAN_G1,
    category: 'property-management',
    reportedAt: '2026-02-10T04:00:00.000Z',
    steps: [...resolvedAt('community', 60), { kind: 'rate', after: 70, satisfied: true, score: 5 }],
  },
  {
    id: 'p-feb-3',
    path: LONGTAN_G2,
    category: 'neighbour-dispute',
    reportedAt: '2026-02-27T09:00:00.000Z',
    steps: [
      { kind: 'triage', after: 100, tier: 'grid', due: 200 },
      { kind: 'resolve', after: 150 },
    ],
  },
  // March: grid work, a department case, one still open and overdue at the end.
  {
    id: 'p-mar-1',
    path: LONGTAN_G1,
    category: 'garbage-collection',
    reportedAt: '2026-03-02T01:00:00.000Z',
    steps: [...resolvedAt('grid', 5), { kind: 'rate', after: 8, satisfied: true, score: 5 }],
  },
  {
    id: 'p-mar-2',
    path: QINGSHUI_G1,
    category: 'blocked-pipe',
    reportedAt: '2026-03-05T02:00:00.000Z',
    steps: [...resolvedAt('community', 30)],
  },
  {
    id: 'p-mar-3',
    path: BAIYUN_G1,
    category: 'road-widening',
    reportedAt: '2026-03-09T02:00:00.000Z',
    steps: [
      { kind: 'triage', after: 3, tier: 'department', due: 300 },
      { kind: 'resolve', after: 280 },
      { kind: 'rate', after: 290, satisfied: false, score: 2 },
    ],
  },
  {
    id: 'p-mar-4',
    path: LONGTAN_G2,
    category: 'drinking-water-quality',
    reportedAt: '2026-03-20T02:00:00.000Z',
    steps: [{ kind: 'triage', after: 2, tier: 'community', due: 48 }],
  },
  {
    id: 'p-mar-5',
    path: LONGTAN_G1,
    category: 'garbage-collection',
    reportedAt: '2026-03-25T02:00:00.000Z',
    steps: [
      { kind: 'triage', after: 1, tier: 'grid', due: 24 },
      { kind: 'reject', after: 5, reason: 'out-of-scope' },
    ],
  },
  // April: the report's last month; one waiting for triage, one rated on the last day.
  {
    id: 'p-apr-1',
    path: QINGSHUI_G1,
    category: 'garbage-collection',
    reportedAt: '2026-04-02T01:00:00.000Z',
    steps: [
      ...resolvedAt('grid', 8),
      { kind: 'rate', after: 9, satisfied: true, score: 5 },
      { kind: 'close', after: 10 },
    ],
  },
  {
    id: 'p-apr-2',
    path: LONGTAN_G1,
    category: 'neighbour-dispute',
    reportedAt: '2026-04-15T02:00:00.000Z',
    steps: [],
  },
  {
    id: 'p-late',
    path: BAIYUN_G1,
    category: 'garbage-collection',
    reportedAt: '2026-04-18T02:00:00.000Z',
    steps: [...resolvedAt('grid', 20), { kind: 'rate', after: 56, satisfied: true, score: 5 }],
  },
];

/** The instant of the district's last event: `p-late`'s rating. */
export const DISTRICT_LAST_EVENT = '2026-04-20T10:00:00.000Z';

type Actor = { readonly id: string; readonly role: Role; readonly scope: readonly string[] };

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

interface Timed {
  readonly at: string;
  readonly command: LinliCommandInput;
  readonly actor: Actor;
}

const commandsOf = (script: ProblemScript): Timed[] => {
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

/**
 * Records problem scripts through a fresh governance facade, every command at its own instant in time
 * order (ties in script order), and returns the facade. Every command must be accepted. The directory of
 * the places the scripts name is recorded first, dated before any report: the report counts months from the
 * first problem reported and judges at the last event, so the directory's date changes no figure.
 */
export const recordDistrict = async (scripts: readonly ProblemScript[] = DISTRICT): Promise<Governance> => {
  const governance = createGovernance();
  await recordDirectory(governance, directoryOfPaths(scripts.map((script) => script.path)));
  const timed = scripts
    .flatMap(commandsOf)
    .map((entry, order) => ({ ...entry, order }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order);
  for (const [index, { at, command, actor }] of timed.entries()) {
    const result = await governance.execute(command, { actor, now: at, commandId: `cmd-${index}` });
    if (isLeft(result)) {
      throw new Error(`${command.type} at ${at} was refused: ${result.left.code} ${result.left.message}`);
    }
  }
  return governance;
};

/** Exports a governance's history as the text of a history file, through the real exporter. */
export const historyText = async (governance: Governance): Promise<string> => {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      text += chunk.toString();
      callback();
    },
  });
  await exportHistory(governance.store, sink);
  return text;
};
