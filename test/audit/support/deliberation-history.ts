import { ownerActor } from '../../../src/testing/scenarios/compound-world.js';
import { harness, type WorldHarness } from '../../domain/proposal/world.js';

const day = (d: number, hour = 2): string =>
  `2026-03-${String(d).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

/**
 * An honest history of deliberation in a compound of 20 owners: a proposal tabled by its third support, a
 * motion voted by 15 owners, closed, adopted and implemented; a fire-lane problem referred to the
 * deliberation day of 10 March, placed on its agenda, concluded and recorded as deliberated.
 */
export const deliberationHistory = async (): Promise<WorldHarness> => {
  const h = await harness(20);
  const { community, compound, staff, street } = h.world;
  await h.submit('sheds');
  await h.support('sheds', 1, 3);
  const matter = { proposalId: 'sheds', matterId: 'matter-1' };
  await h.ok(
    { type: 'OpenBallot', data: { ...matter, matter: 'Charging sheds', kind: 'motion', closesAt: day(8) } },
    staff,
    day(2),
  );
  for (const ownerId of h.world.owners.slice(0, 15)) {
    await h.ok(
      { type: 'CastBallot', data: { ...matter, ownerId, option: 'for' } },
      ownerActor(ownerId),
      day(3),
    );
  }
  await h.ok({ type: 'CloseBallot', data: matter }, staff, day(8, 3));
  await h.ok({ type: 'DeclareResult', data: matter }, staff, day(8, 4));
  await h.ok({ type: 'RecordImplementation', data: { ...matter, ref: 'works/sheds' } }, staff, day(9));

  await h.ok(
    {
      type: 'AddUnit',
      data: { neighbourhoodId: community, unitId: 'grid-1', level: 'grid', parentId: community },
    },
    staff,
  );
  const path = { street, community, grid: 'grid-1' };
  await h.ok(
    {
      type: 'ReportProblem',
      data: {
        problemId: 'lane',
        path,
        category: 'fire-lane-obstruction',
        description: 'Cars on the fire lane',
        channel: 'app',
      },
    },
    ownerActor('owner-005'),
    day(4),
  );
  await h.ok({ type: 'TriageProblem', data: { problemId: 'lane', tier: 'community' } }, staff, day(4, 3));
  await h.ok({ type: 'ReferProblemToDeliberation', data: { problemId: 'lane' } }, staff, day(5));
  const meeting = { meetingId: 'day-0310' };
  await h.ok(
    {
      type: 'ScheduleMeeting',
      data: {
        ...meeting,
        kind: 'deliberation-day',
        community,
        unitId: compound,
        scheduledFor: day(10),
        parties: [],
      },
    },
    staff,
    day(5, 3),
  );
  await h.ok(
    {
      type: 'PlaceItem',
      data: {
        ...meeting,
        itemId: 'item-1',
        item: { kind: 'problem', problemId: 'lane' },
        title: 'Fire lane',
      },
    },
    staff,
    day(6),
  );
  await h.ok(
    { type: 'HoldMeeting', data: { ...meeting, attendance: 31, partiesPresent: [] } },
    staff,
    day(10, 3),
  );
  await h.ok(
    {
      type: 'ConcludeItem',
      data: {
        ...meeting,
        itemId: 'item-1',
        outcome: 'A parking rota',
        followUpOwner: staff.id,
        dueBy: day(25),
      },
    },
    staff,
    day(10, 4),
  );
  await h.ok(
    { type: 'RecordDeliberation', data: { problemId: 'lane', ...meeting, outcome: 'A parking rota' } },
    staff,
    day(10, 5),
  );
  return h;
};
