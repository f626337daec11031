import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { ownerActor } from '../../../src/testing/scenarios/compound-world.js';
import { collect } from '../../store/contract.js';
import { harness } from './world.js';

const during = '2026-04-01T02:00:00.000Z';
const closes = '2026-04-15T10:00:00.000Z';
const after = '2026-04-16T02:00:00.000Z';

/** Tables proposal `id` and opens a motion on `matter-1`. */
const tabledWithBallot = async (h: Awaited<ReturnType<typeof harness>>, id: string, changeable = false) => {
  await h.submit(id);
  // Just enough support to table it: more than a tenth of the owners.
  await h.support(id, 1, Math.floor(h.world.owners.length / 10) + 1);
  await h.ok(
    {
      type: 'OpenBallot',
      data: {
        proposalId: id,
        matterId: 'matter-1',
        matter: 'Replace the elevators',
        kind: 'motion',
        closesAt: closes,
        changeable,
      },
    },
    h.world.staff,
    during,
  );
};

describe('Meilingju: owners table a proposal', () => {
  it('20 of 200 owners do not table a proposal, the 21st support tables it in the same decision', async () => {
    const h = await harness(200);
    await h.submit('elevator');
    const first20 = await h.support('elevator', 1, 20);
    expect(first20.filter((type) => type === 'ProposalTabled')).toEqual([]);
    const the21st = await h.support('elevator', 21, 21);
    expect(the21st).toEqual(['ProposalSupported', 'ProposalTabled']);
    const events = await collect(h.gov.store.readStream('proposal-elevator'));
    const tabled = events.find((event) => event.type === 'ProposalTabled');
    expect(tabled?.data).toEqual({ proposalId: 'elevator', supports: 21, registeredOwners: 200 });
  });

  it('counts the owners registered at that moment: after 10 owners leave, 20 supports of 190 table it', async () => {
    const h = await harness(200);
    await h.submit('elevator');
    await h.support('elevator', 1, 20);
    for (const ownerId of h.world.owners.slice(190)) {
      await h.ok(
        {
          type: 'DeregisterOwner',
          data: { neighbourhoodId: h.world.community, ownerId, compoundId: h.world.compound },
        },
        h.world.staff,
      );
    }
    expect(await h.ok({ type: 'TableProposal', data: { proposalId: 'elevator' } }, h.world.staff)).toEqual([
      'ProposalTabled',
    ]);
  });
});

describe('Meilingju: the elevator vote', () => {
  it('87% turnout with 83% of all owners in favour is adopted under an "over all owners, two thirds" rule', async () => {
    const overAllOwners = {
      quorum: { numerator: 2, denominator: 3, strict: false },
      approval: { numerator: 2, denominator: 3, strict: false },
      approvalBasis: 'eligible' as const,
    };
    const h = await harness(200, { config: { proposal: { rules: { motion: overAllOwners } } } });
    await tabledWithBallot(h, 'elevator');
    for (let hearing = 1; hearing <= 7; hearing++) {
      await h.ok(
        {
          type: 'HoldHearing',
          data: {
            proposalId: 'elevator',
            matter: `Hearing ${hearing}`,
            minutesRef: `minutes/elevator/${hearing}`,
          },
        },
        h.world.staff,
        during,
      );
    }
    // 174 of 200 owners vote (87%): 166 for (83% of all owners, 95% of voters), 8 against.
    for (const [i, ownerId] of h.world.owners.slice(0, 174).entries()) {
      const option = i < 166 ? 'for' : 'against';
      await h.ok(
        { type: 'CastBallot', data: { proposalId: 'elevator', matterId: 'matter-1', ownerId, option } },
        ownerActor(ownerId),
        during,
      );
    }
    await h.ok(
      { type: 'CloseBallot', data: { proposalId: 'elevator', matterId: 'matter-1' } },
      h.world.staff,
      after,
    );
    expect(
      await h.ok(
        { type: 'DeclareResult', data: { proposalId: 'elevator', matterId: 'matter-1' } },
        h.world.staff,
        after,
      ),
    ).toEqual(['ProposalAdopted']);
    const events = await collect(h.gov.store.readStream('proposal-elevator'));
    expect(events.filter((event) => event.type === 'HearingHeld')).toHaveLength(7);
    const closed = events.find((event) => event.type === 'BallotClosed');
    expect(closed?.data).toEqual({
      proposalId: 'elevator',
      matterId: 'matter-1',
      eligible: 200,
      turnout: 174,
      tally: [
        { option: 'for', votes: 166 },
        { option: 'against', votes: 8 },
        { option: 'abstain', votes: 0 },
      ],
    });
  });

  it('the same ballots fall short under a rule of three quarters of all owners', async () => {
    const h = await harness(200, {
      config: {
        proposal: {
          rules: {
            motion: {
              quorum: { numerator: 2, denominator: 3, strict: false },
              approval: { numerator: 3, denominator: 4, strict: false },
              approvalBasis: 'eligible',
            },
          },
        },
      },
    });
    await tabledWithBallot(h, 'elevator');
    for (const [i, ownerId] of h.world.owners.slice(0, 174).entries()) {
      const option = i < 140 ? 'for' : 'against';
      await h.ok(
        { type: 'CastBallot', data: { proposalId: 'elevator', matterId: 'matter-1', ownerId, option } },
        ownerActor(ownerId),
        during,
      );
    }
    await h.ok(
      { type: 'CloseBallot', data: { proposalId: 'elevator', matterId: 'matter-1' } },
      h.world.staff,
      after,
    );
    const result = await h.send(
      { type: 'DeclareResult', data: { proposalId: 'elevator', matterId: 'matter-1' } },
      h.world.staff,
      after,
    );
    expect(isRight(result) && result.right.map((event) => event.data)).toEqual([
      { proposalId: 'elevator', matterId: 'matter-1', reason: 'not-approved' },
    ]);
  });

  it('refuses a second ballot by one owner, a change unless the ballot allows it, and a ballot after closing', async () => {
    const h = await harness(30);
    await tabledWithBallot(h, 'lights');
    const cast = (option: string, now = during) =>
      h.send(
        {
          type: 'CastBallot',
          data: { proposalId: 'lights', matterId: 'matter-1', ownerId: 'owner-001', option },
        },
        ownerActor('owner-001'),
        now,
      );
    expect(isRight(await cast('for'))).toBe(true);
    const second = await cast('against');
    expect(isLeft(second) && second.left.code).toBe('already-exists');
    const change = await h.send(
      {
        type: 'ChangeBallot',
        data: { proposalId: 'lights', matterId: 'matter-1', ownerId: 'owner-001', option: 'against' },
      },
      ownerActor('owner-001'),
      during,
    );
    expect(isLeft(change) && change.left.code).toBe('invalid-transition');
    const late = await h.send(
      {
        type: 'CastBallot',
        data: { proposalId: 'lights', matterId: 'matter-1', ownerId: 'owner-002', option: 'for' },
      },
      ownerActor('owner-002'),
      after,
    );
    expect(isLeft(late) && late.left.code).toBe('ballot-closed');
  });

  it('records a changed vote as BallotChanged when the ballot allows it', async () => {
    const h = await harness(30);
    await tabledWithBallot(h, 'lights', true);
    const vote = { proposalId: 'lights', matterId: 'matter-1', ownerId: 'owner-001' };
    await h.ok({ type: 'CastBallot', data: { ...vote, option: 'for' } }, ownerActor('owner-001'), during);
    expect(
      await h.ok(
        { type: 'ChangeBallot', data: { ...vote, option: 'against' } },
        ownerActor('owner-001'),
        during,
      ),
    ).toEqual(['BallotChanged']);
  });

  it('Huajin: a choice among four bidders goes to the bidder with the most votes over the voters', async () => {
    const h = await harness(40, {
      config: {
        proposal: {
          rules: {
            choice: {
              quorum: { numerator: 1, denominator: 2, strict: false },
              approval: { numerator: 0, denominator: 1, strict: false },
              approvalBasis: 'voters',
            },
          },
        },
      },
    });
    await h.submit('canteen');
    await h.support('canteen', 1, 5);
    const bidders = ['bidder-a', 'bidder-b', 'bidder-c', 'bidder-d'];
    await h.ok(
      {
        type: 'OpenBallot',
        data: {
          proposalId: 'canteen',
          matterId: 'supplier',
          matter: 'Canteen supplier',
          kind: 'choice',
          options: bidders,
          closesAt: closes,
        },
      },
      h.world.staff,
      during,
    );
    const choices = [
      ...Array(12).fill('bidder-c'),
      ...Array(8).fill('bidder-a'),
      ...Array(5).fill('bidder-d'),
    ] as string[];
    for (const [i, option] of choices.entries()) {
      const ownerId = h.world.owners[i] ?? '';
      await h.ok(
        { type: 'CastBallot', data: { proposalId: 'canteen', matterId: 'supplier', ownerId, option } },
        ownerActor(ownerId),
        during,
      );
    }
    await h.ok(
      { type: 'CloseBallot', data: { proposalId: 'canteen', matterId: 'supplier' } },
      h.world.staff,
      after,
    );
    const result = await h.send(
      { type: 'DeclareResult', data: { proposalId: 'canteen', matterId: 'supplier' } },
      h.world.staff,
      after,
    );
    expect(isRight(result) && result.right.map((event) => event.data)).toEqual([
      { proposalId: 'canteen', matterId: 'supplier', option: 'bidder-c', votes: 12 },
    ]);
  });

  it('only staff of the community or leaders of the compound open a ballot; an owner may not', async () => {
    const h = await harness(30);
    await h.submit('bikes');
    await h.support('bikes', 1, 4);
    const open = {
      type: 'OpenBallot' as const,
      data: {
        proposalId: 'bikes',
        matterId: 'm',
        matter: 'Bike shed',
        kind: 'motion' as const,
        closesAt: closes,
      },
    };
    const byOwner = await h.send(open, ownerActor('owner-005'), during);
    expect(isLeft(byOwner) && byOwner.left.code).toBe('forbidden');
    const bySystem = await h.send(open, { id: 'system', role: 'system', scope: ['*'] }, during);
    expect(isLeft(bySystem) && bySystem.left.code).toBe('forbidden');
    const byLeader = await h.send(
      open,
      { id: 'leader-1', role: 'resident', scope: [h.world.compound] },
      during,
    );
    expect(isRight(byLeader)).toBe(true);
  });
});
