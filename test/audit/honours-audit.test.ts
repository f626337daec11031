/**
 * Honours as evidence: an honour awarded on the roll's candidates audits clean; one whose basis is not what
 * the honour roll, replayed to the award, shows is flagged at the award, whether staff recorded it so or a
 * forger edited it afterwards.
 */
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { CommandHandler } from '../../src/commands/command-handler.js';
import { honoursAggregate } from '../../src/domain/honours/aggregate.js';
import { linliEventParser } from '../../src/domain/linli.js';
import { honourRollProjection } from '../../src/projections/honour-roll/projection.js';
import { honourCandidates } from '../../src/projections/honours/basis.js';
import { project } from '../../src/projections/projection.js';
import type { InMemoryEventStore } from '../../src/store/memory.js';
import { buildGovernanceHistory, PATH, samplePlan } from './support/governance.js';
import { auditText, exportToText, parseText, rechain, writeText } from './support/history-text.js';

const staff = { id: 'cs-1', role: 'community-staff' as const, scope: [PATH.community] };
const quarter = { kind: 'quarter' as const, key: '2026-Q1' };

/** The sample history, the honour roll folded from it, and a handler to award on top of it. */
const setUp = async (): Promise<{
  store: InMemoryEventStore;
  handler: CommandHandler;
  roll: ReturnType<typeof rollOf>;
}> => {
  const store = await buildGovernanceHistory(samplePlan);
  const parse = linliEventParser();
  const events = [];
  for await (const raw of store.readAll()) {
    const parsed = parse(raw);
    if (isLeft(parsed)) throw new Error(parsed.left.message);
    events.push(parsed.right);
  }
  return { store, handler: new CommandHandler(store), roll: rollOf(events) };
};
const rollOf = (events: Parameters<typeof project>[1]) => project(honourRollProjection, events as never);

const award = async (handler: CommandHandler, data: unknown, n: number): Promise<void> => {
  const context = { actor: staff, now: '2026-03-31T08:00:00.000Z', commandId: `award-${n}` };
  const result = await handler.handle(honoursAggregate, { type: 'AwardHonour', data }, context);
  if (isLeft(result)) throw new Error(`${result.left.code}: ${result.left.message}`);
};

describe('honours in the audit', () => {
  it('audits clean when every award records the basis the roll shows', async () => {
    const { store, handler, roll } = await setUp();
    const candidates = honourCandidates(roll, {
      title: 'governance-talent',
      period: quarter,
      community: PATH.community,
    });
    expect(candidates.length).toBeGreaterThan(0);
    for (const [i, candidate] of candidates.entries()) {
      await award(
        handler,
        {
          honoursId: `${PATH.community}-2026`,
          community: PATH.community,
          awardId: `talent-${i}`,
          residentId: candidate.residentId,
          title: 'governance-talent',
          period: quarter,
          basis: candidate.basis,
        },
        i,
      );
    }
    const result = await auditText(await exportToText(store));
    expect(result.violations).toEqual([]);
  });

  it('flags an award whose basis inflates the figures, at its stream, revision and position', async () => {
    const { store, handler, roll } = await setUp();
    const [top] = honourCandidates(roll, { title: 'red-list', period: quarter, community: PATH.community });
    if (top === undefined) throw new Error('the sample plan verifies tasks');
    const basis = {
      points: top.basis.points,
      verifiedTasks: ('verifiedTasks' in top.basis ? top.basis.verifiedTasks : 0) + 5,
    };
    await award(
      handler,
      {
        honoursId: `${PATH.community}-2026`,
        community: PATH.community,
        awardId: 'red-1',
        residentId: top.residentId,
        title: 'red-list',
        period: quarter,
        basis,
      },
      1,
    );
    const { events } = parseText(await exportToText(store));
    const result = await auditText(await exportToText(store));
    expect(result.violationsByCode).toEqual({ 'honour-basis-mismatch': 1 });
    const [violation] = result.violations;
    expect(violation?.streamId).toBe(`honours-${PATH.community}-2026`);
    expect(violation?.revision).toBe(0n);
    expect(violation?.position).toBe(BigInt(events.at(-1)!.position));
  });

  it('flags a recorded basis a forger edited and re-chained', async () => {
    const { store, handler, roll } = await setUp();
    const [top] = honourCandidates(roll, {
      title: 'governance-talent',
      period: quarter,
      community: PATH.community,
    });
    if (top === undefined) throw new Error('the sample plan pays points');
    await award(
      handler,
      {
        honoursId: `${PATH.community}-2026`,
        community: PATH.community,
        awardId: 'talent-1',
        residentId: top.residentId,
        title: 'governance-talent',
        period: quarter,
        basis: top.basis,
      },
      1,
    );
    const { events } = parseText(await exportToText(store));
    const forged = structuredClone(events);
    (forged.at(-1)!.data as { basis: { points: number } }).basis.points += 100;
    const result = await auditText(writeText(rechain(forged), 'recompute'));
    expect(result.violationsByCode).toEqual({ 'honour-basis-mismatch': 1 });
  });
});
