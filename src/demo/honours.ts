import { isLeft, left, right } from 'fp-ts/lib/Either.js';
import { HistoryAnchorer } from '../anchoring/history-anchorer.js';
import type { HonourAward, HonourTitle } from '../domain/honours/events.js';
import { honoursIdOf } from '../domain/honours/events.js';
import type { LinliCommandInput } from '../domain/linli.js';
import type { Actor } from '../domain/shared/actors.js';
import { domainError } from '../domain/shared/errors.js';
import type { HonourPeriod } from '../projections/honour-roll/calendar.js';
import { honourCandidates } from '../projections/honours/basis.js';
import { DAY, HOUR, dayStart, DAYS_IN_YEAR, localInstant } from './clock.js';
import type { Random } from './random.js';
import { redemptionEvent } from './redemptions.js';
import type { World } from './world.js';

/**
 * How often the demo anchors its log: a checkpoint once this many events were recorded since the last.
 * The demo's choice, configuration of the anchorer: no field report says how often a ledger is anchored.
 */
export const DEMO_ANCHOR_EVERY = 1_000;

/** The prize a star volunteer is handed at the year-end meeting: more for three stars or more. */
const starPrize = (stars: number): string =>
  stars >= 3 ? 'a certificate and a 5 L bottle of cooking oil' : 'a certificate';

/** The system actor that records checkpoints: the anchoring job, answering for the whole log. */
const ANCHORER: Actor = { id: 'history-anchorer', role: 'system', scope: ['*'], organisations: [] };

/**
 * Honours and checkpoints over the simulated year. Before each quarter's redemption event the community's
 * staff post its governance talents and pioneers (the honour roll's candidates, with the figures they were
 * computed from); at the year's end its star volunteers, each handed a prize. Talents are
 * honour, not points: nothing is paid. Every day ends with a checkpoint once enough events have been
 * recorded since the last.
 */
export class HonoursSimulation {
  private readonly anchorer: HistoryAnchorer;
  private awarded = 0;

  /** Hooks the simulation into the world. */
  constructor(
    private readonly world: World,
    private readonly random: Random,
  ) {
    const { commander } = world;
    this.anchorer = new HistoryAnchorer(
      {
        store: commander.facade.store,
        execute: async (command, context) => {
          const at = Date.parse((context as { readonly now: string }).now);
          const events = await commander.run(command as LinliCommandInput, ANCHORER, at);
          return events === undefined
            ? left(domainError('conflict', 'the checkpoint was refused'))
            : right(events);
        },
      },
      { every: DEMO_ANCHOR_EVERY },
    );
  }

  /** Honours recorded so far. */
  get honours(): number {
    return this.awarded;
  }

  /** Schedules the quarterly appraisals, the year-end stars and a checkpoint at the end of every day. */
  scheduleYear(): void {
    const { agenda } = this.world;
    for (const quarter of [1, 2, 3, 4]) {
      agenda.at(redemptionEvent(quarter).opens - 2 * HOUR, () => this.appraise(quarter));
    }
    agenda.at(localInstant(2026, 12, 31, 10), () => this.stars());
    for (let day = 0; day < DAYS_IN_YEAR; day++) agenda.at(dayStart(day) + DAY - 1, () => this.checkpoint());
  }

  private async roll() {
    const models = await this.world.commander.facade.readModels();
    if (isLeft(models)) throw new Error(`the read models failed: ${models.left.message}`);
    return models.right.honourRoll;
  }

  private async appraise(quarter: number): Promise<void> {
    const roll = await this.roll();
    const period: HonourPeriod = { kind: 'quarter', key: `2026-Q${quarter}` };
    for (const community of this.world.district.communities) {
      for (const title of ['governance-talent', 'governance-pioneer'] as const) {
        const candidates = honourCandidates(roll, { title, period, community: community.communityId });
        for (const candidate of candidates) {
          await this.award(
            community.communityId,
            this.random.pick(community.staff),
            title,
            period,
            candidate,
          );
        }
      }
    }
  }

  private async stars(): Promise<void> {
    const roll = await this.roll();
    const period: HonourPeriod = { kind: 'year', key: '2026' };
    const { agenda, commander } = this.world;
    for (const community of this.world.district.communities) {
      const staff = this.random.pick(community.staff);
      const candidates = honourCandidates(roll, {
        title: 'star-volunteer',
        period,
        community: community.communityId,
      });
      for (const candidate of candidates) {
        const awardId = await this.award(community.communityId, staff, 'star-volunteer', period, candidate);
        if (!('stars' in candidate.basis)) continue;
        const honoursId = honoursIdOf(community.communityId, '2026');
        const data = {
          honoursId,
          community: community.communityId,
          awardId,
          prize: starPrize(candidate.basis.stars),
        };
        await commander.run({ type: 'GivePrize', data }, staff, agenda.now);
      }
    }
  }

  private async award(
    community: string,
    staff: Actor,
    title: HonourTitle,
    period: HonourPeriod,
    candidate: { readonly residentId: string; readonly basis: HonourAward['basis'] },
  ): Promise<string> {
    const awardId = `${title}-${period.key}-${candidate.residentId}`;
    const data = {
      honoursId: honoursIdOf(community, '2026'),
      community,
      awardId,
      ...candidate,
      title,
      period,
    };
    const { agenda, commander } = this.world;
    const events = await commander.run({ type: 'AwardHonour', data } as LinliCommandInput, staff, agenda.now);
    if (events !== undefined) this.awarded += 1;
    return awardId;
  }

  private async checkpoint(): Promise<void> {
    const context = {
      actor: ANCHORER,
      now: new Date(this.world.agenda.now).toISOString(),
      commandId: 'anchor',
    };
    await this.anchorer.anchorIfDue(context);
  }
}
