import { beforeAll, describe, expect, it } from 'vitest';
import { createLinliAggregates } from '../../src/domain/linli.js';
import { DEFAULT_HOUSEHOLDS, runDemo } from '../../src/demo/run-demo.js';
import type { DemoSummary } from '../../src/demo/summary.js';

let summary: DemoSummary;
let printed = '';

beforeAll(async () => {
  summary = await runDemo({
    seed: 7,
    households: DEFAULT_HOUSEHOLDS,
    stdout: { write: (text: string) => (printed += text) },
  });
});

describe('a default-size simulated year', () => {
  it('records every event type of the catalogue at least once', () => {
    const aggregates = createLinliAggregates();
    const catalogue = Object.values(aggregates).flatMap((aggregate) => [...aggregate.events.types]);
    expect(catalogue.length).toBeGreaterThan(20);
    const missing = catalogue.filter((type) => (summary.eventTypes[type] ?? 0) === 0);
    expect(missing).toEqual([]);
  });

  it('lands the street near the 721 pattern, as the simulation is tuned to', () => {
    const { shares } = summary.total.figures;
    expect(shares.grid.share).toBeGreaterThan(0.55);
    expect(shares.grid.share).toBeLessThan(0.85);
    expect(shares.community.share).toBeGreaterThan(0.1);
    expect(shares.community.share).toBeLessThan(0.3);
    expect(shares.streetAndAbove.share).toBeGreaterThan(0.04);
    expect(shares.streetAndAbove.share).toBeLessThan(0.2);
  });

  it('reports and resolves problems in every community, with some late and some unsatisfied', () => {
    expect(summary.communities.length).toBeGreaterThan(1);
    for (const { figures } of summary.communities) {
      expect(figures.reported).toBeGreaterThan(0);
      expect(figures.resolved).toBeGreaterThan(0);
      expect(figures.rejected).toBeGreaterThan(0);
      expect(figures.onTimeRate).toBeLessThan(1);
      expect(figures.satisfactionRate).toBeLessThan(1);
    }
  });

  it('keeps the points ledger whole: what was issued, less what was redeemed, plus adjustments, is outstanding', () => {
    const { points } = summary.total;
    expect(points.issued).toBeGreaterThan(0);
    expect(points.redeemed).toBeGreaterThan(0);
    expect(points.outstanding).toBe(points.issued - points.redeemed + points.adjusted);
    expect(summary.honourRoll.places.length).toBeGreaterThan(0);
  });

  it('sends every command through the facade, one event at least per accepted command', () => {
    expect(summary.events).toBeGreaterThanOrEqual(summary.commands - summary.provoked.length);
  });

  it('prints the 721 per community against the target, the rates, the honour roll and the points', () => {
    for (const community of summary.communities)
      expect(printed).toContain(`${community.communityId} ${community.name}`);
    expect(printed).toContain('target');
    expect(printed).toContain('70.0%');
    expect(printed).toContain('satisfied');
    expect(printed).toContain(`Honour roll ${summary.honourRoll.quarter}`);
    expect(printed).toContain('outstanding');
  });
});
