import type { Actor } from '../domain/shared/actors.js';
import type { LinliCommandInput } from '../domain/linli.js';
import { DAY, HOUR, localInstant } from './clock.js';
import type { Community, Household } from './district.js';
import type { Random } from './random.js';
import type { World } from './world.js';

/** Owners registered per compound: enough for a threshold of a few supports, small enough to vote fast. */
const OWNERS_PER_COMPOUND = 60;

/** One proposal's owners and ids, as the simulation follows it. */
interface SimProposal {
  readonly proposalId: string;
  readonly matterId: string;
  tabled: boolean;
}

/**
 * Owners' proposals through the year, per community: a compound (小区) with its owners' register (one flat
 * changing hands in June); a proposal each quarter, supported by owners (about one in five stalls below the
 * threshold), given a preparatory group and hearings, voted on for two weeks, declared and carried out.
 * Everything goes through the facade; the meetings are {@link MeetingSimulation}'s.
 */
export class DeliberationSimulation {
  /** Proposals the simulation submitted, tabled, and ballots it declared. */
  submitted = 0;
  tabled = 0;
  declared = 0;

  /** Hooks the simulation into the world. */
  constructor(
    private readonly world: World,
    private readonly random: Random,
  ) {}

  /** Puts each community's year of deliberation in the diary. */
  scheduleYear(): void {
    for (const community of this.world.district.communities) {
      const owners: Household[] = [];
      const compoundId = `${community.communityId}-xq1`;
      this.at(localInstant(2026, 1, 2, 10), () => this.founding(community, compoundId, owners));
      for (const month of [2, 5, 8, 11]) this.proposal(community, compoundId, owners, month);
      this.at(localInstant(2026, 6, 15, 10), () => this.ownerChange(community, compoundId, owners));
    }
  }

  private at(instant: number, action: () => Promise<void>): void {
    this.world.agenda.at(instant, action);
  }

  private run(command: LinliCommandInput, actor: Actor, at = this.world.agenda.now) {
    return this.world.commander.run(command, actor, at);
  }

  private staff(community: Community): Actor {
    return community.staff[0] ?? community.administrator;
  }

  private async founding(community: Community, compoundId: string, owners: Household[]): Promise<void> {
    const neighbourhoodId = community.communityId;
    const staff = this.staff(community);
    const added = await this.run(
      {
        type: 'AddUnit',
        data: { neighbourhoodId, unitId: compoundId, level: 'compound', parentId: neighbourhoodId },
      },
      staff,
    );
    if (added === undefined) return;
    for (const household of community.households.filter((h) => h.active).slice(0, OWNERS_PER_COMPOUND)) {
      const ownerId = household.resident.id;
      const data = { neighbourhoodId, ownerId, householdId: household.householdId, compoundId };
      if ((await this.run({ type: 'RegisterOwner', data }, staff)) !== undefined) owners.push(household);
    }
  }

  /** A flat changes hands in June: the seller leaves the owners' register and the buyer joins it. */
  private async ownerChange(community: Community, compoundId: string, owners: Household[]): Promise<void> {
    const seller = owners.pop();
    const buyer = community.households.find((h) => h.active && !owners.includes(h) && h !== seller);
    if (seller === undefined || buyer === undefined) return;
    const neighbourhoodId = community.communityId;
    const staff = this.staff(community);
    await this.run(
      {
        type: 'DeregisterOwner',
        data: { neighbourhoodId, ownerId: seller.resident.id, compoundId, reason: 'sold' },
      },
      staff,
    );
    const data = { neighbourhoodId, ownerId: buyer.resident.id, householdId: buyer.householdId, compoundId };
    if ((await this.run({ type: 'RegisterOwner', data }, staff)) !== undefined) owners.push(buyer);
  }

  private proposal(community: Community, compoundId: string, owners: Household[], month: number): void {
    const proposal: SimProposal = {
      proposalId: `${community.communityId}-p${month}`,
      matterId: 'm1',
      tabled: false,
    };
    const start = localInstant(2026, month, 3, 10);
    const choice = month === 11;
    this.at(start, async () => {
      const proposer = owners[0]?.resident;
      if (proposer === undefined) return;
      const title = choice ? 'Choose the canteen supplier' : 'Install charging sheds';
      const submitted = await this.run(
        {
          type: 'SubmitProposal',
          data: {
            ...this.ids(proposal),
            community: community.communityId,
            compoundId,
            title,
            proposer: { kind: 'owner', ownerId: proposer.id },
          },
        },
        proposer,
      );
      if (submitted === undefined) return;
      this.submitted += 1;
      // Most proposals win their support; about one in five stalls below the threshold.
      const supporters = this.random.chance(0.8) ? this.random.int(7, 15) : this.random.int(1, 5);
      for (const household of owners.slice(0, supporters)) {
        // Once tabled, a proposal takes no more support.
        if (proposal.tabled) break;
        const events = await this.run(
          { type: 'SupportProposal', data: { ...this.ids(proposal), ownerId: household.resident.id } },
          household.resident,
        );
        if (events?.some((event) => event.type === 'ProposalTabled') === true) proposal.tabled = true;
      }
      if (proposal.tabled) this.tabled += 1;
    });
    this.at(start + 4 * DAY, () => this.vote(community, owners, proposal, choice));
  }

  private ids(proposal: SimProposal): { proposalId: string } {
    return { proposalId: proposal.proposalId };
  }

  private async vote(
    community: Community,
    owners: Household[],
    proposal: SimProposal,
    choice: boolean,
  ): Promise<void> {
    if (!proposal.tabled) return;
    const staff = this.staff(community);
    const { agenda } = this.world;
    const now = agenda.now;
    const matter = { ...this.ids(proposal), matterId: proposal.matterId };
    await this.run(
      {
        type: 'FormPreparatoryGroup',
        data: { ...this.ids(proposal), members: owners.slice(0, 3).map((h) => h.resident.id) },
      },
      staff,
    );
    for (let hearing = 1; hearing <= this.random.int(1, 3); hearing++) {
      await this.run(
        {
          type: 'HoldHearing',
          data: {
            ...this.ids(proposal),
            matter: `Hearing ${hearing}`,
            minutesRef: `minutes/${proposal.proposalId}/${hearing}`,
          },
        },
        staff,
        now + hearing * HOUR,
      );
    }
    const bidders = ['bidder-a', 'bidder-b', 'bidder-c', 'bidder-d'];
    const closesAt = new Date(now + 14 * DAY).toISOString();
    const opened = await this.run(
      {
        type: 'OpenBallot',
        data: choice
          ? {
              ...matter,
              matter: 'Canteen supplier',
              kind: 'choice',
              options: bidders,
              closesAt,
              changeable: true,
            }
          : { ...matter, matter: 'Charging sheds', kind: 'motion', closesAt, changeable: true },
      },
      staff,
      now + 4 * HOUR,
    );
    if (opened === undefined) return;
    const turnout = this.random.float(0.55, 0.95);
    const inFavour = this.random.float(0.45, 0.95);
    let voted = 0;
    for (const household of owners) {
      if (!this.random.chance(turnout)) continue;
      const owner = household.resident;
      const option = choice ? this.random.pick(bidders) : this.random.chance(inFavour) ? 'for' : 'against';
      const at = now + DAY + voted * 10 * 60_000;
      if (
        (await this.run(
          { type: 'CastBallot', data: { ...matter, ownerId: owner.id, option } },
          owner,
          at,
        )) === undefined
      )
        continue;
      voted += 1;
      if (voted === 1) {
        await this.world.commander.provoke(
          'an owner casts a second ballot on one matter',
          'already-exists',
          { type: 'CastBallot', data: { ...matter, ownerId: owner.id, option } },
          owner,
          at + 60_000,
        );
        const changed =
          option === 'for' ? 'against' : choice ? (bidders.find((b) => b !== option) ?? option) : 'for';
        await this.run(
          { type: 'ChangeBallot', data: { ...matter, ownerId: owner.id, option: changed } },
          owner,
          at + 120_000,
        );
      }
    }
    agenda.at(now + 15 * DAY, async () => {
      await this.run({ type: 'CloseBallot', data: matter }, staff);
      const result = await this.run({ type: 'DeclareResult', data: matter }, staff, agenda.now + HOUR);
      if (result === undefined) return;
      this.declared += 1;
      if (!result.some((event) => event.type === 'ProposalAdopted')) return;
      agenda.at(agenda.now + 30 * DAY, async () => {
        await this.run(
          { type: 'RecordImplementation', data: { ...matter, ref: `works/${proposal.proposalId}` } },
          staff,
        );
      });
    });
  }
}
