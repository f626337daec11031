import { describe, expect, it } from 'vitest';
import {
  categoriesByTier,
  createRoutingTable,
  DEFAULT_ROUTING,
  defaultDueBy,
  routeFor,
} from '../../../src/domain/problem/routing.js';

describe('the default routing table', () => {
  it("follows Longtanzi's rule of thumb", () => {
    expect(categoriesByTier(DEFAULT_ROUTING)).toMatchObject({
      grid: expect.arrayContaining([
        'neighbour-dispute',
        'garbage-collection',
        'missing-manhole-cover',
        'other',
      ]),
      community: expect.arrayContaining([
        'blocked-pipe',
        'septic-tank',
        'employment',
        'social-insurance',
        'subsistence-allowance',
        'pension',
        // Kept by the community, coordinated by its secretary and filed with the street, not escalated (S4 L37).
        'property-management',
        'drinking-water',
        'fire-lane-obstruction',
      ]),
      street: [],
      department: expect.arrayContaining(['river-works', 'forest-fire-road', 'road-widening']),
    });
  });

  it('sends unknown categories, prototype keys included, to the fallback', () => {
    for (const category of ['pigeon-nuisance', 'constructor', 'tostring', 'hasownproperty']) {
      expect(routeFor(DEFAULT_ROUTING, category)).toEqual({ tier: 'grid', priority: 'normal' });
    }
  });

  it('gives each tier its due time: a day, three days, a week, a month', () => {
    const now = '2026-03-01T08:00:00+08:00';
    expect(defaultDueBy(DEFAULT_ROUTING, 'grid', now)).toBe('2026-03-02T00:00:00.000Z');
    expect(defaultDueBy(DEFAULT_ROUTING, 'community', now)).toBe('2026-03-04T00:00:00.000Z');
    expect(defaultDueBy(DEFAULT_ROUTING, 'street', now)).toBe('2026-03-08T00:00:00.000Z');
    expect(defaultDueBy(DEFAULT_ROUTING, 'department', now)).toBe('2026-03-31T00:00:00.000Z');
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_ROUTING.routes)).toBe(true);
    expect(() => {
      (DEFAULT_ROUTING.routes as Record<string, unknown>)['noise'] = { tier: 'street', priority: 'low' };
    }).toThrow(TypeError);
  });
});

describe('createRoutingTable', () => {
  it('extends the defaults with overrides, leaving the defaults untouched', () => {
    const table = createRoutingTable({
      routes: { noise: 'community', 'lift-breakdown': { tier: 'street', priority: 'urgent' } },
      dueHours: { grid: 12 },
    });
    expect(routeFor(table, 'noise')).toEqual({ tier: 'community', priority: 'normal' });
    expect(routeFor(table, 'lift-breakdown')).toEqual({ tier: 'street', priority: 'urgent' });
    expect(routeFor(table, 'river-works')).toEqual({ tier: 'department', priority: 'normal' });
    expect(table.dueHours).toEqual({ grid: 12, community: 72, street: 168, department: 720 });
    expect(routeFor(DEFAULT_ROUTING, 'noise').tier).toBe('grid');
  });

  it('can replace the routes and the fallback', () => {
    const table = createRoutingTable({
      routes: { flood: 'department' },
      replaceRoutes: true,
      fallback: 'community',
    });
    expect(Object.keys(table.routes)).toEqual(['flood']);
    expect(routeFor(table, 'garbage-collection')).toEqual({ tier: 'community', priority: 'normal' });
  });

  it('throws on a configuration it cannot use', () => {
    expect(() => createRoutingTable({ routes: { 'Bad Category': 'grid' } })).toThrow();
    expect(() => createRoutingTable({ dueHours: { grid: 0 } })).toThrow();
    expect(() => createRoutingTable({ dueHours: { street: Number.POSITIVE_INFINITY } })).toThrow();
    expect(() => createRoutingTable({ routes: { noise: 'township' as 'grid' } })).toThrow();
  });
});
