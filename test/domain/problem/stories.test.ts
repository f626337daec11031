import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { CommandHandler } from '../../../src/commands/command-handler.js';
import { createProblemAggregate, problemAggregate } from '../../../src/domain/problem/aggregate.js';
import type { ProblemCommandInput } from '../../../src/domain/problem/commands.js';
import { createRoutingTable } from '../../../src/domain/problem/routing.js';
import { fold } from '../../../src/domain/shared/decider.js';
import { problemStream } from '../../../src/domain/shared/ids.js';
import { InMemoryEventStore } from '../../../src/store/memory.js';
import { spec } from '../../../src/testing/spec.js';
import { collect } from '../../store/contract.js';
import {
  by,
  cityAdmin,
  closed,
  communityStaffA,
  communityStaffB,
  department,
  escalated,
  farAdmin,
  gridA,
  gridB,
  gridWorkerA,
  gridWorkerB,
  hoursAfter,
  neighbour,
  NOW,
  readHistory,
  otherStreetOfficial,
  P,
  rated,
  reported,
  resident,
  resolved,
  rider,
  staffA,
  streetOfficial,
  triaged,
} from './fixtures.js';

const problem = spec(problemAggregate);

const triage = (
  data: Partial<{ tier: 'grid' | 'community' | 'street' | 'department'; category: string }> = {},
) => ({ type: 'TriageProblem', data: { problemId: P, ...data } }) as const;
const escalate = (toTier?: 'grid' | 'community' | 'street' | 'department') =>
  ({
    type: 'EscalateProblem',
    data: { problemId: P, reason: 'beyond our powers', ...(toTier ? { toTier } : {}) },
  }) as const;
const resolve = { type: 'ResolveProblem', data: { problemId: P, resolution: 'done' } } as const;
const rate = (satisfied: boolean, score: number) =>
  ({ type: 'RateResolution', data: { problemId: P, satisfied, score } }) as const;
const reopen = { type: 'ReopenProblem', data: { problemId: P, reason: 'still leaking' } } as const;
const close = { type: 'CloseProblem', data: { problemId: P } } as const;

describe("the rider's missing manhole cover", () => {
  const report: ProblemCommandInput = {
    type: 'ReportProblem',
    data: {
      problemId: P,
      path: gridA,
      category: 'missing-manhole-cover',
      description: 'Manhole cover missing at the lane entrance',
      channel: 'rider',
      media: ['media:ph0t0'],
    },
  };
  const reportedByRider = reported({
    category: 'missing-manhole-cover',
    description: 'Manhole cover missing at the lane entrance',
    reporterId: rider.id,
    channel: 'rider',
    media: ['media:ph0t0'],
  });
  const nextDay = hoursAfter(NOW, 20);

  it('is reported by the rider, who becomes the reporter', () => {
    problem.given([]).when(report, by(rider)).then([reportedByRider]);
  });

  it('is triaged to the grid as urgent, due within a day', () => {
    problem
      .given([reportedByRider])
      .when(triage(), by(gridWorkerA))
      .then([
        {
          type: 'ProblemTriaged',
          data: {
            problemId: P,
            category: 'missing-manhole-cover',
            tier: 'grid',
            priority: 'urgent',
            dueBy: hoursAfter(NOW, 24),
          },
        },
      ]);
  });

  it('is fixed the next day at grid level, through the real handler and store', async () => {
    const store = new InMemoryEventStore();
    const handler = new CommandHandler(store);
    for (const [command, context] of [
      [report, by(rider)],
      [triage(), by(gridWorkerA)],
      [resolve, by(gridWorkerA, nextDay)],
      [rate(true, 5), by(rider, hoursAfter(nextDay, 2))],
      [close, by(gridWorkerA, hoursAfter(nextDay, 3))],
    ] as const) {
      const result = await handler.handle(problemAggregate, command, context);
      if (isLeft(result)) throw new Error(`${command.type}: ${result.left.message}`);
    }
    const events = await collect(store.readStream(problemStream(P)));
    expect(events.map((e) => e.type)).toEqual([
      'ProblemReported',
      'ProblemTriaged',
      'ProblemResolved',
      'ProblemRated',
      'ProblemClosed',
    ]);
    expect(events[2]?.data).toEqual({ problemId: P, tier: 'grid', resolution: 'done' });
    expect(events[2]?.metadata.occurredAt).toBe(nextDay);
    expect(fold(problemAggregate.decider, await readHistory(store, P))).toMatchObject({
      status: 'closed',
      tier: 'grid',
      resolvedTier: 'grid',
      rating: { satisfied: true, score: 5 },
      reporterId: rider.id,
    });
  });
});

describe('scope: a grid worker answers for their own grid only', () => {
  const inGridB = reported({ path: gridB });

  it("refuses grid A's worker on grid B's problem", () => {
    problem.given([inGridB]).when(triage(), by(gridWorkerA)).thenError('forbidden');
    problem
      .given([inGridB])
      .when({ type: 'RejectProblem', data: { problemId: P, reason: 'invalid' } }, by(gridWorkerA))
      .thenError('forbidden');
    problem
      .given([inGridB, triaged('grid')])
      .when(resolve, by(gridWorkerA))
      .thenError('forbidden');
    problem
      .given([inGridB, triaged('grid')])
      .when(escalate(), by(gridWorkerA))
      .thenError('forbidden');
  });

  it("lets grid B's own worker triage it", () => {
    problem
      .given([inGridB])
      .when(triage(), by(gridWorkerB))
      .then([{ ...triaged('grid') }]);
  });

  it('holds community staff, street officials and scoped administrators to their units', () => {
    problem.given([inGridB]).when(triage(), by(communityStaffA)).thenError('forbidden');
    problem
      .given([inGridB])
      .when(triage(), by(communityStaffB))
      .then([triaged('grid')]);
    problem
      .given([inGridB])
      .when(triage(), by(streetOfficial))
      .then([triaged('grid')]);
    problem.given([inGridB]).when(triage(), by(otherStreetOfficial)).thenError('forbidden');
    problem.given([inGridB]).when(triage(), by(farAdmin)).thenError('forbidden');
    problem
      .given([inGridB])
      .when(triage(), by(cityAdmin))
      .then([triaged('grid')]);
  });

  it('does not let residents or departments triage', () => {
    problem.given([reported()]).when(triage(), by(resident)).thenError('forbidden');
    problem.given([reported()]).when(triage(), by(department)).thenError('forbidden');
  });
});

describe('escalation climbs the ladder one rung at a time', () => {
  const history = [reported(), triaged('grid')];
  const climbed = [...history, escalated('grid', 'community'), escalated('community', 'street')];
  const top = [...climbed, escalated('street', 'department')];
  const dueAt = (tier: 'community' | 'street' | 'department') =>
    hoursAfter(NOW, { community: 72, street: 168, department: 720 }[tier]);
  const step = (
    fromTier: 'grid' | 'community' | 'street',
    toTier: 'community' | 'street' | 'department',
  ) => ({
    type: 'ProblemEscalated' as const,
    data: { problemId: P, fromTier, toTier, reason: 'beyond our powers', dueBy: dueAt(toTier) },
  });

  it('goes grid -> community -> street -> department, each by the tier holding it', () => {
    problem
      .given(history)
      .when(escalate(), by(gridWorkerA))
      .then([step('grid', 'community')]);
    problem
      .given([...history, escalated('grid', 'community')])
      .when(escalate('street'), by(communityStaffA))
      .then([step('community', 'street')]);
    problem
      .given(climbed)
      .when(escalate('department'), by(streetOfficial))
      .then([step('street', 'department')]);
  });

  it('refuses to skip a rung', () => {
    problem.given(history).when(escalate('street'), by(gridWorkerA)).thenError('invalid-escalation');
    problem.given(history).when(escalate('department'), by(cityAdmin)).thenError('invalid-escalation');
  });

  it('refuses to descend or stay put', () => {
    problem
      .given([...history, escalated('grid', 'community')])
      .when(escalate('grid'), by(communityStaffA))
      .thenError('invalid-escalation');
    problem.given(history).when(escalate('grid'), by(gridWorkerA)).thenError('invalid-escalation');
  });

  it('refuses to go past the department', () => {
    problem.given(top).when(escalate(), by(department)).thenError('invalid-escalation');
    problem.given(top).when(escalate('department'), by(cityAdmin)).thenError('invalid-escalation');
  });

  it('refuses a lower tier acting for a problem a higher tier holds', () => {
    problem.given(climbed).when(escalate(), by(gridWorkerA)).thenError('forbidden');
    problem.given(climbed).when(escalate(), by(communityStaffA)).thenError('forbidden');
    problem.given(climbed).when(resolve, by(communityStaffA)).thenError('forbidden');
  });

  it('records the resolving tier as the tier holding the problem; higher tiers may step in', () => {
    problem
      .given(climbed)
      .when(resolve, by(streetOfficial))
      .then([resolved('street')]);
    problem
      .given(history)
      .when(resolve, by(department))
      .then([resolved('grid')]);
    problem
      .given(top)
      .when(resolve, by(department))
      .then([resolved('department')]);
  });

  it('takes an explicit deadline when it is in the future, and refuses one in the past', () => {
    const dueBy = hoursAfter(NOW, 5);
    problem
      .given(history)
      .when({ type: 'EscalateProblem', data: { problemId: P, reason: 'urgent', dueBy } }, by(gridWorkerA))
      .then([
        {
          type: 'ProblemEscalated',
          data: { problemId: P, fromTier: 'grid', toTier: 'community', reason: 'urgent', dueBy },
        },
      ]);
    problem
      .given(history)
      .when({ type: 'EscalateProblem', data: { problemId: P, reason: 'x', dueBy: NOW } }, by(gridWorkerA))
      .thenError('invalid-command');
  });

  it('cannot escalate before triage or after resolution', () => {
    problem.given([reported()]).when(escalate(), by(gridWorkerA)).thenError('invalid-transition');
    problem
      .given([...history, resolved('grid')])
      .when(escalate(), by(gridWorkerA))
      .thenError('invalid-transition');
  });
});

describe('rating: only the reporter evaluates', () => {
  const done = [reported(), triaged('grid'), resolved('grid')];

  it('accepts the reporter', () => {
    problem
      .given(done)
      .when(rate(true, 4), by(resident))
      .then([rated(true, 4)]);
  });

  it('refuses anyone else, staff and administrators included', () => {
    for (const actor of [neighbour, gridWorkerA, communityStaffA, cityAdmin]) {
      problem.given(done).when(rate(true, 5), by(actor)).thenError('forbidden');
    }
  });

  it('accepts the reporter whatever role they act in', () => {
    problem
      .given([reported({ reporterId: gridWorkerA.id, channel: 'patrol' }), triaged('grid'), resolved('grid')])
      .when(rate(false, 2), by(gridWorkerA))
      .then([rated(false, 2)]);
  });

  it('rates a resolution once, and only a resolution', () => {
    problem
      .given([...done, rated(true, 4)])
      .when(rate(true, 5), by(resident))
      .thenError('invalid-transition');
    problem
      .given([reported(), triaged('grid')])
      .when(rate(true, 5), by(resident))
      .thenError('invalid-transition');
  });
});

describe('an unsatisfied rating reopens the problem at the tier that resolved it', () => {
  const unhappy = [
    reported(),
    triaged('grid'),
    escalated('grid', 'community'),
    resolved('community'),
    rated(false, 2),
  ];
  const reopened = (tier: 'community') => ({
    type: 'ProblemReopened' as const,
    data: { problemId: P, tier, reason: 'still leaking', dueBy: hoursAfter(NOW, 72) },
  });

  it('is reopened by the reporter or by the resolving staff, at the community', () => {
    problem
      .given(unhappy)
      .when(reopen, by(resident))
      .then([reopened('community')]);
    problem
      .given(unhappy)
      .when(reopen, by(communityStaffA))
      .then([reopened('community')]);
  });

  it('is not reopened by a neighbour or by a lower tier', () => {
    problem.given(unhappy).when(reopen, by(neighbour)).thenError('forbidden');
    problem.given(unhappy).when(reopen, by(gridWorkerA)).thenError('forbidden');
  });

  it('is open again at the community: resolving it records the community once more', () => {
    const again = [...unhappy, reopened('community')];
    problem
      .given(again)
      .when(resolve, by(communityStaffA))
      .then([resolved('community')]);
    problem.given(again).when(resolve, by(gridWorkerA)).thenError('forbidden');
    problem.given(again).when(rate(true, 5), by(resident)).thenError('invalid-transition');
    problem
      .given(again)
      .when(escalate(), by(communityStaffA))
      .then([
        {
          type: 'ProblemEscalated',
          data: {
            problemId: P,
            fromTier: 'community',
            toTier: 'street',
            reason: 'beyond our powers',
            dueBy: hoursAfter(NOW, 168),
          },
        },
      ]);
    const state = fold(problemAggregate.decider, again);
    expect(state).toMatchObject({ status: 'triaged', tier: 'community' });
    // The reopening cleared the resolution it undid: no resolved tier and no rating stand any more.
    expect(state.status !== 'unreported' && state.resolvedTier).toBeUndefined();
    expect(state.status !== 'unreported' && state.rating).toBeUndefined();
  });

  it('needs an unsatisfied rating', () => {
    const base = [reported(), triaged('grid'), resolved('grid')];
    problem.given(base).when(reopen, by(resident)).thenError('invalid-transition');
    problem
      .given([...base, rated(true, 5)])
      .when(reopen, by(resident))
      .thenError('invalid-transition');
  });
});

describe('rejection', () => {
  const reject = (data: Record<string, unknown>) =>
    ({ type: 'RejectProblem', data: { problemId: P, ...data } }) as unknown as ProblemCommandInput;

  it('rejects a duplicate, naming the original', () => {
    problem
      .given([reported()])
      .when(reject({ reason: 'duplicate', duplicateOf: 'p-0', note: 'same cover as p-0' }), by(gridWorkerA))
      .then([
        {
          type: 'ProblemRejected',
          data: { problemId: P, reason: 'duplicate', duplicateOf: 'p-0', note: 'same cover as p-0' },
        },
      ]);
  });

  it('refuses a duplicate without an original, of itself, or an original on another reason', () => {
    problem
      .given([reported()])
      .when(reject({ reason: 'duplicate' }), by(gridWorkerA))
      .thenError('invalid-command');
    problem
      .given([reported()])
      .when(reject({ reason: 'duplicate', duplicateOf: P }), by(gridWorkerA))
      .thenError('invalid-command');
    problem
      .given([reported()])
      .when(reject({ reason: 'invalid', duplicateOf: 'p-0' }), by(gridWorkerA))
      .thenError('invalid-command');
  });

  it('is decided by the tier holding the problem once it is triaged', () => {
    const atStreet = [reported(), triaged('street')];
    problem
      .given(atStreet)
      .when(reject({ reason: 'out-of-scope' }), by(gridWorkerA))
      .thenError('forbidden');
    problem
      .given(atStreet)
      .when(reject({ reason: 'out-of-scope' }), by(streetOfficial))
      .then([{ type: 'ProblemRejected', data: { problemId: P, reason: 'out-of-scope' } }]);
  });

  it('happens only before resolution, and ends the problem', () => {
    problem
      .given([reported(), triaged('grid'), resolved('grid')])
      .when(reject({ reason: 'invalid' }), by(gridWorkerA))
      .thenError('invalid-transition');
    const rejected = { type: 'ProblemRejected' as const, data: { problemId: P, reason: 'invalid' as const } };
    problem.given([reported(), rejected]).when(triage(), by(gridWorkerA)).thenError('invalid-transition');
  });
});

describe('a closed problem is final', () => {
  const done = [reported(), triaged('grid'), resolved('grid'), rated(false, 1), closed];
  const commands: readonly ProblemCommandInput[] = [
    triage(),
    escalate(),
    resolve,
    rate(true, 5),
    reopen,
    close,
    { type: 'RejectProblem', data: { problemId: P, reason: 'invalid' } },
  ];

  it('accepts nothing more', () => {
    for (const command of commands) {
      const actor =
        command.type === 'RateResolution' || command.type === 'ReopenProblem' ? resident : cityAdmin;
      problem.given(done).when(command, by(actor)).thenError('invalid-transition');
    }
  });

  it('is closed by staff after resolution, rated or not, but not before', () => {
    const resolvedOnly = [reported(), triaged('grid'), resolved('grid')];
    problem.given(resolvedOnly).when(close, by(gridWorkerA)).then([closed]);
    problem
      .given([...resolvedOnly, rated(false, 2)])
      .when(close, by(staffA.community))
      .then([closed]);
    problem.given(resolvedOnly).when(close, by(resident)).thenError('forbidden');
    problem
      .given([reported(), triaged('grid')])
      .when(close, by(gridWorkerA))
      .thenError('invalid-transition');
  });
});

describe('existence', () => {
  it('refuses to report the same problem twice', () => {
    problem
      .given([reported()])
      .when(
        {
          type: 'ReportProblem',
          data: { problemId: P, path: gridA, category: 'noise', description: 'again', channel: 'app' },
        },
        by(neighbour),
      )
      .thenError('already-exists');
  });

  it('refuses every other command on a problem never reported', () => {
    for (const command of [triage(), escalate(), resolve, rate(true, 5), reopen, close] as const) {
      problem.given([]).when(command, by(cityAdmin)).thenError('not-found');
    }
  });
});

describe('invalid commands', () => {
  const done = [reported(), triaged('grid'), resolved('grid')];

  it('refuses a score outside 1-5 or not whole', () => {
    for (const score of [6, 0, -1, 2.5]) {
      problem.given(done).when(rate(true, score), by(resident)).thenError('invalid-command');
    }
  });

  it('refuses empty or oversized text, bad categories, channels and media', () => {
    const report = (data: Record<string, unknown>) =>
      ({
        type: 'ReportProblem',
        data: { problemId: P, path: gridA, category: 'noise', description: 'Loud', channel: 'app', ...data },
      }) as unknown as ProblemCommandInput;
    for (const bad of [
      { description: '   ' },
      { description: 'x'.repeat(2001) },
      { category: 'Noise' },
      { category: 'noise pollution' },
      { channel: 'wechat' },
      { media: ['has space'] },
      { path: { street: 'longtanzi-st', community: 'longtanzi' } },
    ]) {
      problem.given([]).when(report(bad), by(resident)).thenError('invalid-command');
    }
  });

  it('trims text and defaults media to none', () => {
    problem
      .given([])
      .when(
        {
          type: 'ReportProblem',
          data: { problemId: P, path: gridA, category: 'noise', description: '  Loud  ', channel: 'hotline' },
        },
        by(resident),
      )
      .then([reported({ category: 'noise', description: 'Loud', channel: 'hotline' })]);
  });
});

describe('triage routing', () => {
  it('routes by category: policy questions and fire lanes to the community, works beyond the street to departments', () => {
    const cases = [
      ['neighbour-dispute', 'grid'],
      ['septic-tank', 'community'],
      ['pension', 'community'],
      ['fire-lane-obstruction', 'community'], // filed with the street, not escalated,
      ['river-works', 'department'],
      ['pigeon-nuisance', 'grid'],
    ] as const;
    for (const [category, tier] of cases) {
      problem
        .given([reported({ category })])
        .when(triage(), by(gridWorkerA))
        .then([
          {
            type: 'ProblemTriaged',
            data: {
              problemId: P,
              category,
              tier,
              priority: category === 'fire-lane-obstruction' ? 'high' : 'normal',
              dueBy: hoursAfter(NOW, { grid: 24, community: 72, street: 168, department: 720 }[tier]),
            },
          },
        ]);
    }
  });

  it('lets triage correct the category (and so the route) or pick the tier and priority', () => {
    problem
      .given([reported({ category: 'other' })])
      .when(triage({ category: 'road-widening' }), by(streetOfficial))
      .then([
        {
          type: 'ProblemTriaged',
          data: {
            problemId: P,
            category: 'road-widening',
            tier: 'department',
            priority: 'normal',
            dueBy: hoursAfter(NOW, 720),
          },
        },
      ]);
    problem
      .given([reported()])
      .when(
        {
          type: 'TriageProblem',
          data: { problemId: P, tier: 'community', priority: 'low', dueBy: hoursAfter(NOW, 1) },
        },
        by(gridWorkerA),
      )
      .then([
        {
          type: 'ProblemTriaged',
          data: {
            problemId: P,
            category: 'garbage-collection',
            tier: 'community',
            priority: 'low',
            dueBy: hoursAfter(NOW, 1),
          },
        },
      ]);
  });

  it('triages once: afterwards the ladder applies', () => {
    problem
      .given([reported(), triaged('street')])
      .when(triage({ tier: 'grid' }), by(cityAdmin))
      .thenError('invalid-transition');
  });

  it('follows a configured routing table', () => {
    const custom = createProblemAggregate({
      routing: createRoutingTable({
        routes: { noise: 'community', 'lift-breakdown': { tier: 'street', priority: 'urgent' } },
        fallback: 'community',
        dueHours: { community: 48 },
      }),
    });
    const triagedAs = (
      category: string,
      tier: 'community' | 'street',
      priority: 'normal' | 'urgent',
      hours: number,
    ) => [
      {
        type: 'ProblemTriaged' as const,
        data: { problemId: P, category, tier, priority, dueBy: hoursAfter(NOW, hours) },
      },
    ];
    spec(custom)
      .given([reported({ category: 'noise' })])
      .when(triage(), by(gridWorkerA))
      .then(triagedAs('noise', 'community', 'normal', 48));
    spec(custom)
      .given([reported({ category: 'lift-breakdown' })])
      .when(triage(), by(gridWorkerA))
      .then(triagedAs('lift-breakdown', 'street', 'urgent', 168));
    spec(custom)
      .given([reported({ category: 'pigeon-nuisance' })])
      .when(triage(), by(gridWorkerA))
      .then(triagedAs('pigeon-nuisance', 'community', 'normal', 48));
  });
});
