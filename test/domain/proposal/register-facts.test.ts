/**
 * The owners' register facts of proposal commands: who counts as an owner, the count the facade fills in,
 * and what a retry answers once the register has moved on.
 */
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { ownerActor } from '../../../src/testing/scenarios/compound-world.js';
import { harness } from './world.js';

describe('the register facts the facade fills in', () => {
  it('refuses the support of someone who is not a registered owner, and a stated register that is stale', async () => {
    const h = await harness(20);
    await h.submit('garden');
    const stranger = await h.send(
      { type: 'SupportProposal', data: { proposalId: 'garden', ownerId: 'tenant-9' } },
      ownerActor('tenant-9'),
    );
    expect(isLeft(stranger) && stranger.left.code).toBe('forbidden');
    const stale = await h.send(
      { type: 'SupportProposal', data: { proposalId: 'garden', ownerId: 'owner-002', registeredOwners: 19 } },
      ownerActor('owner-002'),
    );
    expect(isLeft(stale) && stale.left.code).toBe('conflict');
    const impostor = await h.send(
      { type: 'SupportProposal', data: { proposalId: 'garden', ownerId: 'owner-003' } },
      ownerActor('owner-004'),
    );
    expect(isLeft(impostor) && impostor.left.code).toBe('forbidden');
  });

  it('answers a retry as the first call while the register holds, and refuses it once the register moved', async () => {
    const h = await harness(20);
    await h.submit('bench');
    const context = (commandId: string) => ({
      actor: ownerActor('owner-002'),
      now: h.world.epoch,
      commandId,
    });
    const support = { type: 'SupportProposal' as const, data: { proposalId: 'bench', ownerId: 'owner-002' } };
    const first = await h.gov.execute(support, context('support-1'));
    const retry = await h.gov.execute(support, context('support-1'));
    expect(isRight(first) && isRight(retry) && retry.right.map((e) => e.data)).toEqual(
      isRight(first) && first.right.map((e) => e.data),
    );
    await h.ok(
      {
        type: 'RegisterOwner',
        data: {
          neighbourhoodId: h.world.community,
          ownerId: 'owner-new',
          householdId: 'hh-new',
          compoundId: h.world.compound,
        },
      },
      h.world.staff,
    );
    const late = await h.gov.execute(support, context('support-1'));
    expect(isLeft(late) && late.left.code).toBe('idempotency-conflict');
  });
});
