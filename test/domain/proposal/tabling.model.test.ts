/**
 * Model-based property of tabling: for any sequence of supports, registrations, deregistrations and
 * requests to table, run through the governance facade (so the register's count comes from the real
 * neighbourhood stream), the proposal is tabled exactly at the first support or request at which the support
 * exceeds a tenth of the owners registered at that moment, never before and never twice.
 */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { meetsShare, DEFAULT_TABLING_THRESHOLD } from '../../../src/domain/proposal/rules.js';
import { ownerActor } from '../../../src/testing/scenarios/compound-world.js';
import { harness } from './world.js';

type Action =
  | { readonly kind: 'support' | 'register' | 'deregister'; readonly owner: number }
  | { readonly kind: 'table' };

const POOL = 16;
const FIRST_REGISTERED = 12;
const ownerId = (n: number): string => `owner-${String(n + 1).padStart(3, '0')}`;

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('support' as const), owner: fc.nat(POOL - 1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('register' as const), owner: fc.nat(POOL - 1) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('deregister' as const), owner: fc.nat(POOL - 1) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'table' as const }) },
);

/** The model: who is registered, who supports, whether tabled, and what each step must record. */
class TablingModel {
  readonly registered = new Set(Array.from({ length: FIRST_REGISTERED }, (_, i) => ownerId(i)));
  readonly supporters = new Set<string>();
  tabled = false;

  exceeded(): boolean {
    return meetsShare(this.supporters.size, this.registered.size, DEFAULT_TABLING_THRESHOLD);
  }
}

let tablings = 0;
let tabledByDeregistration = 0;

describe('tabling a proposal (model-based)', () => {
  it('happens exactly when support first exceeds the threshold of the owners registered at that moment', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(actionArb, { minLength: 1, maxLength: 30 }), async (actions) => {
        const h = await harness(FIRST_REGISTERED);
        await h.submit('p');
        const model = new TablingModel();
        const { community: neighbourhoodId, compound: compoundId, staff } = h.world;
        for (const action of actions) {
          if (action.kind === 'register' || action.kind === 'deregister') {
            const id = ownerId(action.owner);
            const result = await h.send(
              action.kind === 'register'
                ? {
                    type: 'RegisterOwner',
                    data: { neighbourhoodId, ownerId: id, householdId: `hh-${id}`, compoundId },
                  }
                : { type: 'DeregisterOwner', data: { neighbourhoodId, ownerId: id, compoundId } },
              staff,
            );
            const expected =
              action.kind === 'register' ? !model.registered.has(id) : model.registered.has(id);
            expect(!isLeft(result)).toBe(expected);
            if (expected && action.kind === 'register') model.registered.add(id);
            if (expected && action.kind === 'deregister') {
              const wasExceeded = model.exceeded();
              model.registered.delete(id);
              if (!model.tabled && !wasExceeded && model.exceeded()) tabledByDeregistration += 1;
            }
            continue;
          }
          if (action.kind === 'table') {
            const result = await h.send({ type: 'TableProposal', data: { proposalId: 'p' } }, staff);
            const due = !model.tabled && model.exceeded();
            expect(isLeft(result) ? [] : result.right.map((event) => event.data)).toEqual(
              due
                ? [
                    {
                      proposalId: 'p',
                      supports: model.supporters.size,
                      registeredOwners: model.registered.size,
                    },
                  ]
                : [],
            );
            if (due) model.tabled = true;
            continue;
          }
          const id = ownerId(action.owner);
          const result = await h.send(
            { type: 'SupportProposal', data: { proposalId: 'p', ownerId: id } },
            ownerActor(id),
          );
          const accepted = model.registered.has(id) && !model.tabled && !model.supporters.has(id);
          expect(isLeft(result) ? 'refused' : 'accepted').toBe(accepted ? 'accepted' : 'refused');
          if (isLeft(result)) continue;
          model.supporters.add(id);
          const due = model.exceeded();
          expect(result.right.map((event) => event.type)).toEqual(
            due ? ['ProposalSupported', 'ProposalTabled'] : ['ProposalSupported'],
          );
          if (due) {
            model.tabled = true;
            tablings += 1;
          }
        }
      }),
      { numRuns: 60 },
    );
    // The property means something only if tabling came up, also after the base shrank under the support.
    expect(tablings).toBeGreaterThan(5);
    expect(tabledByDeregistration).toBeGreaterThan(0);
  });
});
