import type { Actor } from '../domain/shared/actors.js';
import type { LinliCommandInput } from '../domain/linli.js';
import { DAY, HOUR, iso, localInstant } from './clock.js';
import type { Community } from './district.js';
import type { Random } from './random.js';
import type { World } from './world.js';

const PARTIES = [
  { kind: 'residents-committee', organisationId: 'rc' },
  { kind: 'owners-committee', organisationId: 'oc' },
  { kind: 'property-company', organisationId: 'property' },
  { kind: 'social-organisation', organisationId: 'elders' },
] as const;

/**
 * The meetings of each community's compound through the year: the deliberation day on the 10th of every
 * month (Shanghai), where a septic-tank problem referred earlier in the month is discussed, concluded with a
 * follow-up and then resolved; a four-party meeting each quarter; a joint meeting in spring and one in
 * autumn that is called off.
 */
export class MeetingSimulation {
  /** Meetings held. */
  held = 0;

  /** Hooks the simulation into the world. */
  constructor(
    private readonly world: World,
    private readonly random: Random,
  ) {}

  /** Puts each community's meetings in the diary. */
  scheduleYear(): void {
    for (const community of this.world.district.communities) {
      const compoundId = `${community.communityId}-xq1`;
      for (let month = 1; month <= 12; month++) this.deliberationDay(community, compoundId, month);
      for (const month of [3, 6, 9, 12])
        this.meeting(community, compoundId, 'four-party', month, [...PARTIES]);
      this.meeting(community, compoundId, 'joint', 4, [PARTIES[0], PARTIES[2]]);
      this.meeting(community, compoundId, 'joint', 10, [PARTIES[0], PARTIES[2]], true);
    }
  }

  private run(command: LinliCommandInput, actor: Actor, at = this.world.agenda.now) {
    return this.world.commander.run(command, actor, at);
  }

  private staff(community: Community): Actor {
    return community.staff[0] ?? community.administrator;
  }

  private deliberationDay(community: Community, compoundId: string, month: number): void {
    const { agenda } = this.world;
    const staff = this.staff(community);
    const meetingId = `${community.communityId}-yi-${month}`;
    const problemId = `${community.communityId}-septic-${month}`;
    let referred = false;
    // The problem comes in on the 3rd and cannot be settled simply: it goes to this month's deliberation day.
    agenda.at(localInstant(2026, month, 3, 9), async () => {
      const household = this.random.pick(community.households.filter((h) => h.active));
      const path = {
        street: community.streetId,
        community: community.communityId,
        grid: household.group.lane.grid.gridId,
      };
      const report = {
        problemId,
        path,
        category: 'septic-tank',
        description: 'The shared septic tank overflows',
        channel: 'visit' as const,
      };
      if ((await this.run({ type: 'ReportProblem', data: report }, household.resident)) === undefined) return;
      if (
        (await this.run({ type: 'TriageProblem', data: { problemId } }, staff, agenda.now + HOUR)) ===
        undefined
      )
        return;
      referred =
        (await this.run(
          { type: 'ReferProblemToDeliberation', data: { problemId, meetingId } },
          staff,
          agenda.now + 2 * HOUR,
        )) !== undefined;
    });
    agenda.at(localInstant(2026, month, 1, 9), async () => {
      const scheduledFor = iso(localInstant(2026, month, 10, 9));
      const data = {
        meetingId,
        kind: 'deliberation-day' as const,
        community: community.communityId,
        unitId: compoundId,
        scheduledFor,
        parties: [...PARTIES],
      };
      await this.run({ type: 'ScheduleMeeting', data }, staff);
    });
    agenda.at(localInstant(2026, month, 10, 9), async () => {
      const now = agenda.now;
      if (referred) {
        const item = { kind: 'problem' as const, problemId };
        await this.run(
          { type: 'PlaceItem', data: { meetingId, itemId: 'septic', item, title: 'Septic tank clearing' } },
          staff,
          now,
        );
      }
      const attendance = this.random.int(12, 40);
      const held = await this.run(
        { type: 'HoldMeeting', data: { meetingId, attendance, partiesPresent: ['rc', 'property'] } },
        staff,
      );
      if (held === undefined) return;
      this.held += 1;
      if (!referred) return;
      const outcome = 'Owners share the clearing cost; the property company books the truck';
      const dueBy = iso(now + 14 * DAY);
      await this.run(
        {
          type: 'ConcludeItem',
          data: { meetingId, itemId: 'septic', outcome, followUpOwner: 'property', dueBy },
        },
        staff,
        now + HOUR,
      );
      await this.run(
        { type: 'RecordDeliberation', data: { problemId, meetingId, outcome } },
        staff,
        now + 2 * HOUR,
      );
      // Most are cleared within the fortnight; a few run late, which the closed-loop figures show.
      const done = now + (this.random.chance(0.8) ? this.random.int(3, 12) : this.random.int(16, 25)) * DAY;
      agenda.at(done, async () => {
        await this.run({ type: 'ResolveProblem', data: { problemId, resolution: 'Tank cleared' } }, staff);
      });
    });
  }

  private meeting(
    community: Community,
    compoundId: string,
    kind: 'four-party' | 'joint',
    month: number,
    parties: (typeof PARTIES)[number][],
    calledOff = false,
  ): void {
    const { agenda } = this.world;
    const staff = this.staff(community);
    const meetingId = `${community.communityId}-${kind}-${month}`;
    const day = localInstant(2026, month, 20, 14);
    agenda.at(day - 7 * DAY, async () => {
      const data = {
        meetingId,
        kind,
        community: community.communityId,
        unitId: compoundId,
        scheduledFor: iso(day),
        parties,
      };
      if ((await this.run({ type: 'ScheduleMeeting', data }, staff)) === undefined) return;
      // The latest quarterly proposal (submitted in February, May, August or November).
      const quarter = [11, 8, 5, 2].find((m) => m <= month) ?? 2;
      const item = { kind: 'proposal' as const, proposalId: `${community.communityId}-p${quarter}` };
      await this.run(
        { type: 'PlaceItem', data: { meetingId, itemId: 'proposal', item, title: "The quarter's proposal" } },
        staff,
      );
      if (calledOff) {
        await this.run(
          { type: 'CancelMeeting', data: { meetingId, reason: 'The property company could not attend' } },
          staff,
          agenda.now + DAY,
        );
      }
    });
    if (calledOff) return;
    agenda.at(day, async () => {
      const present = parties.map((party) => party.organisationId);
      if (
        (await this.run(
          {
            type: 'HoldMeeting',
            data: { meetingId, attendance: this.random.int(8, 20), partiesPresent: present },
          },
          staff,
        )) === undefined
      )
        return;
      this.held += 1;
      const outcome = 'The parties agree on the next steps';
      await this.run(
        {
          type: 'ConcludeItem',
          data: { meetingId, itemId: 'proposal', outcome, followUpOwner: 'oc', dueBy: iso(day + 30 * DAY) },
        },
        staff,
        day + HOUR,
      );
    });
  }
}
