import { beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import type { AuditRules } from '../../src/audit/auditor.js';
import { createLinliAuditRules } from '../../src/audit/linli-rules.js';
import { projectionReplay } from '../../src/audit/rules/projection-replay.js';
import type { Recorded } from '../../src/commands/aggregate.js';
import type { ProblemEvent } from '../../src/domain/problem/events.js';
import { project, type Projection } from '../../src/projections/projection.js';
import { resolutionStatsProjection } from '../../src/projections/resolution-stats/projection.js';
import type { RecordedEvent } from '../../src/store/event-store.js';
import { counterRules, buildCounterHistory } from './support/counter-history.js';
import { buildGovernanceHistory, samplePlan } from './support/governance.js';

const collect = async (events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> => {
  const all: RecordedEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
};

/** Sums the increments, and cannot cope with an increment of 3. */
const fragileTotal: Projection<Recorded<{ type: string; data: { by?: number } }>, { total: number }> = {
  name: 'fragile-total',
  initialState: { total: 0 },
  apply: (draft, event) => {
    if (event.data.by === 3) throw new Error('three is too many');
    draft.total += event.data.by ?? 0;
  },
};

describe('projectionReplay', () => {
  let counters: RecordedEvent[];
  beforeAll(async () => {
    counters = await collect((await buildCounterHistory(['a', 'b'], 12)).readAll());
  });

  it('reports every event the projection cannot apply, where it is, and applies the rest', async () => {
    const replay = projectionReplay(fragileTotal, { streamPrefix: 'counter-', batchSize: 5 });
    const rules: AuditRules = { catalogues: counterRules.catalogues, checks: () => [replay] };
    const result = await audit(counters, { rules });
    const threes = counters.filter((event) => (event.data as { by?: number }).by === 3);
    expect(threes.length).toBeGreaterThan(1);
    expect(result.violations).toEqual(
      threes.map((event) =>
        expect.objectContaining({
          code: 'replay-failed',
          streamId: event.streamId,
          position: event.position,
        }),
      ),
    );
    const others = counters.reduce((sum, event) => {
      const by = (event.data as { by?: number }).by ?? 0;
      return by === 3 ? sum : sum + by;
    }, 0);
    expect(replay.state.total).toBe(others);
  });

  it('rebuilds the 721 statistics from a real history as the projection itself does', async () => {
    const events = await collect((await buildGovernanceHistory(samplePlan)).readAll());
    const replay = projectionReplay(resolutionStatsProjection, { streamPrefix: 'problem-', batchSize: 7 });
    const result = await audit(events, { rules: { ...createLinliAuditRules(), checks: () => [replay] } });
    expect(result.violations).toEqual([]);
    const problemEvents = events.filter((event) => event.streamId.startsWith('problem-'));
    expect(replay.state).toEqual(
      project(resolutionStatsProjection, problemEvents as Recorded<ProblemEvent>[]),
    );
    expect(Object.keys(replay.state.problems)).toHaveLength(5);
  });

  it('is part of the linli rules when asked for, and a clean history stays clean', async () => {
    const events = await collect((await buildGovernanceHistory(samplePlan)).readAll());
    const rules = createLinliAuditRules({}, { projections: true });
    expect(rules.checks().map((check) => check.name)).toEqual(
      expect.arrayContaining(['resolution-stats projection', 'problem-ledger projection']),
    );
    expect((await audit(events, { rules })).violations).toEqual([]);
  });
});
