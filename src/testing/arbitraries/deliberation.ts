import fc from 'fast-check';
import type { MeetingCommandInput } from '../../domain/meeting/commands.js';
import { MEETING_KINDS, PARTY_KINDS } from '../../domain/meeting/events.js';
import type { ProposalCommandInput } from '../../domain/proposal/commands.js';
import { MOTION_OPTIONS } from '../../domain/proposal/events.js';
import type { CommandContextInput } from '../../domain/shared/context.js';
import { compoundWorld, ownerActor, type CompoundWorld } from '../scenarios/compound-world.js';

/** One proposal or meeting command with the context it is sent in. */
export interface DeliberationStep<C> {
  readonly command: C;
  readonly context: CommandContextInput;
}

/** Options of {@link proposalStepsArb}. */
export interface ProposalStepsOptions {
  /** The compound and its owners (a world of 20 owners unless given). */
  readonly world?: CompoundWorld;
  /** The proposal's id. Default `proposal-1`. */
  readonly proposalId?: string;
}

const minutesAfter = (epoch: string, minutes: number): string =>
  new Date(Date.parse(epoch) + minutes * 60_000).toISOString();

/**
 * The life of one proposal as commands, valid or not, over a compound whose register is stated in the
 * commands (as the facade would fill it): submitted by an owner, supported by random owners (repeats and
 * strangers included), tabled, a motion opened on the whole roll, random votes and changes, closed,
 * declared, implemented. Each step is a minute after the last.
 */
export const proposalStepsArb = (
  options: ProposalStepsOptions = {},
): fc.Arbitrary<DeliberationStep<ProposalCommandInput>[]> => {
  const world = options.world ?? compoundWorld(20);
  const proposalId = options.proposalId ?? 'proposal-1';
  const registeredOwners = world.owners.length;
  const person = fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...world.owners) },
    { weight: 1, arbitrary: fc.constant('tenant-1') },
  );
  const matterId = 'matter-1';
  // Most owners vote for, so that generated ballots are adopted about as often as they are defeated.
  const option = fc.oneof(
    { weight: 4, arbitrary: fc.constant(MOTION_OPTIONS[0]) },
    { weight: 1, arbitrary: fc.constantFrom(...MOTION_OPTIONS) },
  );
  const vote = fc.record({ ownerId: person, option, change: fc.boolean() });
  return fc
    .record({
      supporters: fc.array(person, { maxLength: world.owners.length, size: 'max' }),
      changeable: fc.boolean(),
      votes: fc.array(vote, { maxLength: world.owners.length * 2, size: 'max' }),
      implement: fc.boolean(),
    })
    .map(({ supporters, changeable, votes, implement }) => {
      const commands: [ProposalCommandInput, CommandContextInput['actor']][] = [];
      const proposer = world.owners[0] ?? 'owner-1';
      commands.push([
        {
          type: 'SubmitProposal',
          data: {
            proposalId,
            community: world.community,
            compoundId: world.compound,
            title: 'Install charging sheds',
            proposer: { kind: 'owner', ownerId: proposer },
          },
        },
        ownerActor(proposer),
      ]);
      for (const ownerId of supporters) {
        commands.push([
          { type: 'SupportProposal', data: { proposalId, ownerId, registeredOwners } },
          ownerActor(ownerId),
        ]);
      }
      commands.push([{ type: 'TableProposal', data: { proposalId, registeredOwners } }, world.staff]);
      commands.push([
        { type: 'HoldHearing', data: { proposalId, matter: 'Sheds', minutesRef: 'minutes/1' } },
        world.staff,
      ]);
      const closesAt = minutesAfter(world.epoch, 10_000_000);
      commands.push([
        {
          type: 'OpenBallot',
          data: {
            proposalId,
            matterId,
            matter: 'Sheds',
            kind: 'motion',
            eligibleOwners: [...world.owners],
            closesAt,
            changeable,
          },
        },
        world.staff,
      ]);
      for (const { ownerId, option, change } of votes) {
        const type = change ? 'ChangeBallot' : 'CastBallot';
        commands.push([{ type, data: { proposalId, matterId, ownerId, option } }, ownerActor(ownerId)]);
      }
      commands.push([{ type: 'CloseBallot', data: { proposalId, matterId } }, world.staff]);
      commands.push([{ type: 'DeclareResult', data: { proposalId, matterId } }, world.staff]);
      if (implement) {
        commands.push([
          { type: 'RecordImplementation', data: { proposalId, matterId, ref: 'works/1' } },
          world.staff,
        ]);
      }
      const last = commands.length;
      return commands.map(([command, actor], i) => ({
        command,
        context: {
          actor,
          // The close and what follows come after the ballot's closing time.
          now: minutesAfter(world.epoch, i >= last - (implement ? 3 : 2) ? 10_000_001 + i : 1 + i),
          commandId: `${proposalId}-${i}`,
        },
      }));
    });
};

/**
 * One meeting as commands: scheduled for a deliberation day (the 10th, Shanghai) or a four-party or joint
 * meeting with all four parties, items placed, held on its day, items concluded (some twice, refused).
 */
export const meetingStepsArb = (
  world: CompoundWorld = compoundWorld(0),
  meetingId = 'meeting-1',
): fc.Arbitrary<DeliberationStep<MeetingCommandInput>[]> =>
  fc
    .record({
      kind: fc.constantFrom(...MEETING_KINDS),
      month: fc.integer({ min: 1, max: 12 }),
      items: fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { maxLength: 5 }),
      concluded: fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 6 }),
      attendance: fc.integer({ min: 1, max: 200 }),
    })
    .map(({ kind, month, items, concluded, attendance }) => {
      // 10:00 in Shanghai on the 10th.
      const scheduledFor = `2026-${String(month).padStart(2, '0')}-10T02:00:00.000Z`;
      const parties = PARTY_KINDS.map((partyKind) => ({
        kind: partyKind,
        organisationId: `org-${partyKind}`,
      }));
      const before = new Date(Date.parse(scheduledFor) - 86_400_000).toISOString();
      const at = (minutes: number) => minutesAfter(scheduledFor, minutes);
      const steps: [MeetingCommandInput, string][] = [
        [
          {
            type: 'ScheduleMeeting',
            data: {
              meetingId,
              kind,
              community: world.community,
              unitId: world.compound,
              scheduledFor,
              parties,
            },
          },
          before,
        ],
        ...items.map((n): [MeetingCommandInput, string] => [
          {
            type: 'PlaceItem',
            data: {
              meetingId,
              itemId: `item-${n}`,
              item: { kind: 'problem', problemId: `problem-${n}` },
              title: `Matter ${n}`,
            },
          },
          before,
        ]),
        [
          {
            type: 'HoldMeeting',
            data: { meetingId, attendance, partiesPresent: parties.slice(0, 2).map((p) => p.organisationId) },
          },
          at(0),
        ],
        ...concluded.map((n, i): [MeetingCommandInput, string] => [
          {
            type: 'ConcludeItem',
            data: {
              meetingId,
              itemId: `item-${n}`,
              outcome: 'Agreed',
              followUpOwner: 'org-property-company',
              dueBy: at(40_000),
            },
          },
          at(60 + i),
        ]),
      ];
      return steps.map(([command, now], i) => ({
        command,
        context: { actor: world.staff, now, commandId: `${meetingId}-${i}` },
      }));
    });
