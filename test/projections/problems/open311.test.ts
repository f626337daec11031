import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRoutingTable } from '../../../src/domain/problem/routing.js';
import {
  open311Services,
  Open311ServiceRequestSchema,
  serviceRequests,
  toServiceRequest,
} from '../../../src/projections/open311/index.js';
import {
  problemLedgerProjection,
  type ProblemLedgerState,
} from '../../../src/projections/problem-ledger/index.js';
import { project } from '../../../src/projections/projection.js';
import { gridA, gridC, historyArbitrary, plusHours, recordSteps, Story } from './support.js';

const START = '2026-03-02T01:00:00.000Z';

const ledgerOf = async (story: Story): Promise<ProblemLedgerState> =>
  project(problemLedgerProjection, await story.events());

describe('a problem as an Open311 service request', () => {
  it('is open while a tier holds it, with that tier as the agency and its deadline as expected', async () => {
    const story = new Story();
    await story.report('p-1', START, {
      category: 'missing-manhole-cover',
      description: 'Manhole cover missing at the lane entrance',
      media: ['media:abc123', 'https://media.example.org/cover.jpg'],
    });
    await story.triage('p-1', plusHours(START, 1), { dueBy: plusHours(START, 25) });
    const request = toServiceRequest((await ledgerOf(story)).rows['p-1']!);
    expect(request).toEqual({
      service_request_id: 'p-1',
      status: 'open',
      service_name: 'Missing manhole cover',
      service_code: 'missing-manhole-cover',
      description: 'Manhole cover missing at the lane entrance',
      agency_responsible: `Grid ${gridA.grid}`,
      requested_datetime: START,
      updated_datetime: plusHours(START, 1),
      expected_datetime: plusHours(START, 25),
      media_url: 'https://media.example.org/cover.jpg',
    });
    expect(Open311ServiceRequestSchema.safeParse(request).success).toBe(true);
  });

  it('names the tier holding it after an escalation, with the reason as status notes', async () => {
    const story = new Story();
    await story.report('p-1', START);
    await story.triage('p-1', START, { tier: 'community' });
    await story.escalate('p-1', plusHours(START, 1));
    const request = toServiceRequest((await ledgerOf(story)).rows['p-1']!);
    expect(request.agency_responsible).toBe(`Street ${gridA.street} office`);
    expect(request.status_notes).toBe('beyond our powers');
  });

  it('is closed once resolved, open again when reopened, closed when turned away', async () => {
    const story = new Story();
    await story.solved('p-1', START, { tier: 'community' });
    await story.report('p-2', START);
    await story.reject('p-2', plusHours(START, 1), 'invalid');
    const resolved = await ledgerOf(story);
    expect(toServiceRequest(resolved.rows['p-1']!)).toMatchObject({
      status: 'closed',
      status_notes: 'fixed',
      agency_responsible: `Community ${gridA.community} residents committee`,
    });
    const rejected = toServiceRequest(resolved.rows['p-2']!);
    expect(rejected).toMatchObject({ status: 'closed', status_notes: 'invalid' });
    expect(rejected.expected_datetime).toBeUndefined();
    await story.rate('p-1', plusHours(START, 3), false, 2);
    await story.reopen('p-1', plusHours(START, 4));
    expect(toServiceRequest((await ledgerOf(story)).rows['p-1']!)).toMatchObject({
      status: 'open',
      status_notes: 'still leaking',
    });
  });

  it('follows the configured agencies, names, media resolver and address', async () => {
    const story = new Story();
    await story.report('p-1', START, { media: ['media:abc123'], category: 'river-works' });
    const row = (await ledgerOf(story)).rows['p-1']!;
    expect(toServiceRequest(row).agency_responsible).toBe(`Grid ${gridA.grid}`);
    expect(toServiceRequest(row).media_url).toBeUndefined();
    const request = toServiceRequest(row, {
      agencies: { grid: '{community} / {grid} 网格', community: 'c', street: 's', department: 'd' },
      untriagedTier: 'community',
      serviceNames: { 'river-works': '河道治理' },
      mediaUrl: (reference) => `https://cdn.example.org/${reference.replace('media:', '')}`,
      address: (path) => `${path.community}, ${path.street}`,
      includeDescription: false,
    });
    expect(request).toMatchObject({
      agency_responsible: 'c',
      service_name: '河道治理',
      media_url: 'https://cdn.example.org/abc123',
      address: `${gridA.community}, ${gridA.street}`,
    });
    expect(request.description).toBeUndefined();
    expect(
      toServiceRequest(row, { agencies: { grid: '{community} / {grid} 网格' } }).agency_responsible,
    ).toBe(`${gridA.community} / ${gridA.grid} 网格`);
  });
});

describe('GET requests over the ledger', () => {
  const ledger = async (): Promise<ProblemLedgerState> => {
    const story = new Story();
    await story.solved('p-1', START);
    await story.report('p-2', plusHours(START, 24), { category: 'noise' });
    await story.report('p-3', plusHours(START, 48), { path: gridC });
    return ledgerOf(story);
  };

  it('list the requests newest first, filtered as the spec says', async () => {
    const state = await ledger();
    const ids = (query: Parameters<typeof serviceRequests>[1]) =>
      serviceRequests(state, query).map((request) => request.service_request_id);
    expect(ids({})).toEqual(['p-3', 'p-2', 'p-1']);
    expect(ids({ status: ['open'] })).toEqual(['p-3', 'p-2']);
    expect(ids({ status: ['closed'] })).toEqual(['p-1']);
    expect(ids({ service_code: ['noise'] })).toEqual(['p-2']);
    expect(ids({ start_date: plusHours(START, 24), end_date: plusHours(START, 30) })).toEqual(['p-2']);
    expect(ids({ scope: { community: gridC.community } })).toEqual(['p-3']);
    // An id list overrides every other filter.
    expect(ids({ service_request_id: ['p-1', 'p-9'], status: ['open'] })).toEqual(['p-1']);
    expect(() => serviceRequests(state, { start_date: 'last week' })).toThrow(RangeError);
  });

  it('are valid GeoReport v2 requests that survive JSON, one per problem, open exactly when the problem is', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary, async (steps) => {
        const { events } = await recordSteps(steps);
        const state = project(problemLedgerProjection, events);
        const requests = serviceRequests(state);
        expect(requests.map((r) => r.service_request_id).sort()).toEqual(Object.keys(state.rows).sort());
        for (const request of requests) {
          expect(Open311ServiceRequestSchema.parse(JSON.parse(JSON.stringify(request)))).toEqual(request);
          const row = state.rows[request.service_request_id]!;
          expect(request.status === 'open').toBe(row.status === 'reported' || row.status === 'triaged');
          expect(request.service_code).toBe(row.category);
        }
        const open = serviceRequests(state, { status: ['open'] }).length;
        const closed = serviceRequests(state, { status: ['closed'] }).length;
        expect(open + closed).toBe(requests.length);
      }),
      { numRuns: 50 },
    );
  });
});

describe('GET services', () => {
  it('lists the routing table’s categories grouped by tier', () => {
    const services = open311Services();
    expect(services.find((s) => s.service_code === 'missing-manhole-cover')).toEqual({
      service_code: 'missing-manhole-cover',
      service_name: 'Missing manhole cover',
      description: 'Routed to the grid tier at urgent priority',
      metadata: false,
      type: 'realtime',
      keywords: 'missing-manhole-cover,grid',
      group: 'grid',
    });
    expect(services.find((s) => s.service_code === 'river-works')?.group).toBe('department');
    const codes = services.map((s) => s.service_code);
    expect(codes).toEqual([...codes].sort());
    const custom = open311Services(
      createRoutingTable({ routes: { 'lift-breakdown': 'street' }, replaceRoutes: true }),
    );
    expect(custom.map((s) => [s.service_code, s.group])).toEqual([['lift-breakdown', 'street']]);
  });
});
