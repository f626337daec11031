import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  createNeighbourhoodAggregate,
  neighbourhoodAggregate,
} from '../../../src/domain/neighbourhood/aggregate.js';
import type { NeighbourhoodCommandInput } from '../../../src/domain/neighbourhood/commands.js';
import type { NeighbourhoodEvent } from '../../../src/domain/neighbourhood/events.js';
import { groupSize, type NeighbourhoodState } from '../../../src/domain/neighbourhood/state.js';
import { unitLocation, unitPath } from '../../../src/domain/neighbourhood/tree.js';
import { CommandContextSchema } from '../../../src/domain/shared/context.js';
import { fold } from '../../../src/domain/shared/decider.js';
import { entriesOf } from '../../../src/domain/shared/id-map.js';
import { spec } from '../../../src/testing/spec.js';
import {
  N,
  STREET,
  type ActorInput,
  admin,
  appointed,
  as,
  community,
  established,
  fullGroup,
  official,
  otherOfficial,
  otherStaff,
  registered,
  resident,
  staff,
  unitAdded,
  workerA,
  workerB,
} from './fixtures.js';

const given = (history: readonly NeighbourhoodEvent[]) => spec(neighbourhoodAggregate).given(history);

describe('establishing a community', () => {
  const establish: NeighbourhoodCommandInput = {
    type: 'EstablishNeighbourhood',
    data: { neighbourhoodId: N, streetId: STREET, name: 'Bairuijing' },
  };

  it('is the act of an official of the street', () => {
    given([]).when(establish, as(official)).then([established]);
  });

  it('is open to an administrator', () => {
    given([]).when(establish, as(admin)).then([established]);
  });

  it('happens once', () => {
    given([established]).when(establish, as(official)).thenError('already-exists');
  });

  it('is refused to an official of another street and to community staff', () => {
    given([]).when(establish, as(otherOfficial)).thenError('forbidden');
    given([]).when(establish, as(staff)).thenError('forbidden');
    given([]).when(establish, as(resident)).thenError('forbidden');
  });

  it('rejects a blank name or an id outside the id alphabet as an invalid command', () => {
    given([])
      .when({ ...establish, data: { ...establish.data, name: '  ' } }, as(admin))
      .thenError('invalid-command');
    given([])
      .when({ ...establish, data: { ...establish.data, neighbourhoodId: 'bai ruijing' } }, as(admin))
      .thenError('invalid-command');
  });

  it('must come first: nothing else is accepted in a community that was never established', () => {
    given([])
      .when(
        { type: 'AddUnit', data: { neighbourhoodId: N, unitId: 'g', level: 'grid', parentId: N } },
        as(admin),
      )
      .thenError('not-found');
    given([])
      .when(
        { type: 'RegisterHousehold', data: { neighbourhoodId: N, householdId: 'h', groupId: 'g' } },
        as(admin),
      )
      .thenError('not-found');
  });
});

describe('the unit tree: grid > lane > neighbour group', () => {
  const add = (unitId: string, level: 'grid' | 'lane' | 'neighbour-group', parentId: string) =>
    ({ type: 'AddUnit', data: { neighbourhoodId: N, unitId, level, parentId } }) as const;

  it('grows a grid under the community, a lane under a grid and a neighbour group under a lane', () => {
    given([established])
      .when(add('grid-a', 'grid', N), as(staff))
      .then([unitAdded('grid-a', 'grid', N)]);
    given(community.slice(0, 2))
      .when(add('lane-a1', 'lane', 'grid-a'), as(official))
      .then([unitAdded('lane-a1', 'lane', 'grid-a')]);
    given(community.slice(0, 3))
      .when(add('group-a1-1', 'neighbour-group', 'lane-a1'), as(admin))
      .then([unitAdded('group-a1-1', 'neighbour-group', 'lane-a1')]);
  });

  it('keeps the public name of a unit when given one', () => {
    given([established])
      .when({ type: 'AddUnit', data: { ...add('grid-c', 'grid', N).data, name: 'Riverside' } }, as(staff))
      .then([{ type: 'UnitAdded', data: { ...add('grid-c', 'grid', N).data, name: 'Riverside' } }]);
  });

  it('refuses to skip a rung or run upside down', () => {
    given(community)
      .when(add('x', 'lane', N), as(staff))
      .thenError('invalid-unit');
    given(community)
      .when(add('x', 'neighbour-group', 'grid-a'), as(staff))
      .thenError('invalid-unit');
    given(community)
      .when(add('x', 'grid', 'lane-a1'), as(staff))
      .thenError('invalid-unit');
    given(community)
      .when(add('x', 'neighbour-group', 'group-a1-1'), as(staff))
      .thenError('invalid-unit');
    given(community)
      .when(add('x', 'grid', 'grid-a'), as(staff))
      .thenError('invalid-unit');
  });

  it('needs the parent to exist', () => {
    given(community)
      .when(add('x', 'lane', 'grid-z'), as(staff))
      .thenError('not-found');
  });

  it('keeps unit ids unique across the whole community, the community id included', () => {
    given(community)
      .when(add('grid-a', 'grid', N), as(staff))
      .thenError('already-exists');
    given(community)
      .when(add('lane-a1', 'lane', 'grid-b'), as(staff))
      .thenError('already-exists');
    given(community)
      .when(add(N, 'grid', N), as(staff))
      .thenError('already-exists');
  });

  it('is shaped only by those who answer for the community', () => {
    given(community)
      .when(add('grid-c', 'grid', N), as(otherOfficial))
      .thenError('forbidden');
    given(community)
      .when(add('grid-c', 'grid', N), as(otherStaff))
      .thenError('forbidden');
    given(community)
      .when(add('lane-a3', 'lane', 'grid-a'), as(workerA))
      .thenError('forbidden');
    given(community)
      .when(add('grid-c', 'grid', N), as(resident))
      .thenError('forbidden');
  });

  it("builds Wuchang's ladder: five households a group, five groups a lane, four lanes a grid", () => {
    const decider = neighbourhoodAggregate.decider;
    let state: NeighbourhoodState = decider.initialState;
    const run = (command: NeighbourhoodCommandInput, actor: ActorInput): void => {
      const parsed = neighbourhoodAggregate.commands.parse(command);
      if (isLeft(parsed)) throw new Error(parsed.left.message);
      const decision = decider.decide(parsed.right, state, CommandContextSchema.parse(as(actor)));
      if (isLeft(decision))
        throw new Error(`${command.type}: ${decision.left.code} ${decision.left.message}`);
      state = fold({ initialState: state, evolve: decider.evolve }, decision.right);
    };
    run(
      { type: 'EstablishNeighbourhood', data: { neighbourhoodId: N, streetId: STREET, name: 'Bairuijing' } },
      official,
    );
    run(add('grid-1', 'grid', N), staff);
    const worker: ActorInput = { id: 'worker-1', role: 'grid-worker', scope: ['grid-1'] };
    let household = 0;
    for (let lane = 1; lane <= 4; lane++) {
      run(add(`lane-${lane}`, 'lane', 'grid-1'), staff);
      for (let group = 1; group <= 5; group++) {
        const groupId = `group-${lane}-${group}`;
        run(add(groupId, 'neighbour-group', `lane-${lane}`), staff);
        for (let h = 0; h < 5; h++) {
          household += 1;
          run(
            {
              type: 'RegisterHousehold',
              data: { neighbourhoodId: N, householdId: `hh-${household}`, groupId },
            },
            worker,
          );
        }
      }
    }
    expect(state.status === 'established' && [...entriesOf(state.units)]).toHaveLength(1 + 4 + 4 * 5);
    expect(state.status === 'established' && [...entriesOf(state.households)]).toHaveLength(100);
    expect(groupSize(state, 'group-4-5')).toBe(5);
    expect(unitPath(state, 'group-4-5')).toEqual([N, 'grid-1', 'lane-4', 'group-4-5']);
    expect(unitLocation(state, 'group-4-5')).toEqual({ street: STREET, community: N, grid: 'grid-1' });
  });
});

describe('leaders', () => {
  const appoint = (unitId: string, role: Parameters<typeof appointed>[1], personId: string) =>
    ({ type: 'AppointLeader', data: { neighbourhoodId: N, unitId, role, personId } }) as const;
  const standDown = (unitId: string, role: Parameters<typeof appointed>[1], personId: string) =>
    ({ type: 'StandDownLeader', data: { neighbourhoodId: N, unitId, role, personId } }) as const;

  it('seats each role at its own level: secretary, grid leader, lane and building leaders, neighbour leader', () => {
    given(community)
      .when(appoint(N, 'community-secretary', 'p-1'), as(staff))
      .then([appointed(N, 'community-secretary', 'p-1')]);
    given(community)
      .when(appoint('grid-a', 'grid-leader', 'p-2'), as(staff))
      .then([appointed('grid-a', 'grid-leader', 'p-2')]);
    given(community)
      .when(appoint('lane-a1', 'lane-leader', 'p-3'), as(staff))
      .then([appointed('lane-a1', 'lane-leader', 'p-3')]);
    given(community)
      .when(appoint('lane-a1', 'building-leader', 'p-4'), as(staff))
      .then([appointed('lane-a1', 'building-leader', 'p-4')]);
    given(community)
      .when(appoint('group-a1-1', 'neighbour-leader', 'p-5'), as(official))
      .then([appointed('group-a1-1', 'neighbour-leader', 'p-5')]);
  });

  it('refuses a role at the wrong level', () => {
    given(community)
      .when(appoint('grid-a', 'community-secretary', 'p-1'), as(staff))
      .thenError('invalid-unit');
    given(community)
      .when(appoint('lane-a1', 'grid-leader', 'p-1'), as(staff))
      .thenError('invalid-unit');
    given(community)
      .when(appoint(N, 'grid-worker', 'p-1'), as(staff))
      .thenError('invalid-unit');
    given(community)
      .when(appoint('group-a1-1', 'lane-leader', 'p-1'), as(staff))
      .thenError('invalid-unit');
    given(community)
      .when(appoint('grid-a', 'neighbour-leader', 'p-1'), as(staff))
      .thenError('invalid-unit');
  });

  it('needs the unit to exist', () => {
    given(community)
      .when(appoint('grid-z', 'grid-leader', 'p-1'), as(staff))
      .thenError('not-found');
  });

  it('seats one person per role and unit, but a grid has a team of grid workers', () => {
    const led = [...community, appointed('grid-a', 'grid-leader', 'p-1')];
    given(led)
      .when(appoint('grid-a', 'grid-leader', 'p-2'), as(staff))
      .thenError('conflict');
    given(led)
      .when(appoint('grid-a', 'grid-leader', 'p-1'), as(staff))
      .thenError('already-exists');
    given(led)
      .when(appoint('grid-b', 'grid-leader', 'p-2'), as(staff))
      .then([appointed('grid-b', 'grid-leader', 'p-2')]);
    const worked = [...community, appointed('grid-a', 'grid-worker', 'w-1')];
    given(worked)
      .when(appoint('grid-a', 'grid-worker', 'w-2'), as(staff))
      .then([appointed('grid-a', 'grid-worker', 'w-2')]);
    given(worked)
      .when(appoint('grid-a', 'grid-worker', 'w-1'), as(staff))
      .thenError('already-exists');
  });

  it('stands down only someone appointed, after which the seat is free again', () => {
    const led = [...community, appointed('grid-a', 'grid-leader', 'p-1')];
    given(led)
      .when(standDown('grid-a', 'grid-leader', 'p-2'), as(staff))
      .thenError('not-found');
    given(led)
      .when(standDown('grid-b', 'grid-leader', 'p-1'), as(staff))
      .thenError('not-found');
    given(led)
      .when(
        {
          ...standDown('grid-a', 'grid-leader', 'p-1'),
          data: { ...standDown('grid-a', 'grid-leader', 'p-1').data, reason: 'term ended' },
        },
        as(staff),
      )
      .then([
        {
          type: 'LeaderStoodDown',
          data: {
            neighbourhoodId: N,
            unitId: 'grid-a',
            role: 'grid-leader',
            personId: 'p-1',
            reason: 'term ended',
          },
        },
      ]);
    const stoodDown: NeighbourhoodEvent = {
      type: 'LeaderStoodDown',
      data: { neighbourhoodId: N, unitId: 'grid-a', role: 'grid-leader', personId: 'p-1' },
    };
    given([...led, stoodDown])
      .when(appoint('grid-a', 'grid-leader', 'p-2'), as(staff))
      .then([appointed('grid-a', 'grid-leader', 'p-2')]);
    given([...led, stoodDown])
      .when(standDown('grid-a', 'grid-leader', 'p-1'), as(staff))
      .thenError('not-found');
  });

  it('are appointed only by those who answer for the community', () => {
    given(community)
      .when(appoint('grid-a', 'grid-leader', 'p-1'), as(workerA))
      .thenError('forbidden');
    given(community)
      .when(appoint('grid-a', 'grid-leader', 'p-1'), as(otherOfficial))
      .thenError('forbidden');
    const led = [...community, appointed('grid-a', 'grid-leader', 'p-1')];
    given(led)
      .when(standDown('grid-a', 'grid-leader', 'p-1'), as(workerA))
      .thenError('forbidden');
    given(led)
      .when(standDown('grid-a', 'grid-leader', 'p-1'), as(otherStaff))
      .thenError('forbidden');
  });
});

describe('the household register', () => {
  const register = (householdId: string, groupId: string) =>
    ({ type: 'RegisterHousehold', data: { neighbourhoodId: N, householdId, groupId } }) as const;
  const move = (householdId: string, toGroupId: string) =>
    ({ type: 'MoveHousehold', data: { neighbourhoodId: N, householdId, toGroupId } }) as const;
  const deregister = (householdId: string) =>
    ({ type: 'DeregisterHousehold', data: { neighbourhoodId: N, householdId } }) as const;
  const moved = (householdId: string, fromGroupId: string, toGroupId: string): NeighbourhoodEvent => ({
    type: 'HouseholdMoved',
    data: { neighbourhoodId: N, householdId, fromGroupId, toGroupId },
  });

  it('registers a household into a neighbour group', () => {
    given(community)
      .when(register('hh-1', 'group-a1-1'), as(workerA))
      .then([registered('hh-1', 'group-a1-1')]);
    given(community)
      .when(register('hh-1', 'group-b1-1'), as(staff))
      .then([registered('hh-1', 'group-b1-1')]);
  });

  it('registers households only into neighbour groups that exist', () => {
    given(community).when(register('hh-1', 'lane-a1'), as(staff)).thenError('invalid-unit');
    given(community).when(register('hh-1', 'grid-a'), as(staff)).thenError('invalid-unit');
    given(community).when(register('hh-1', N), as(staff)).thenError('invalid-unit');
    given(community).when(register('hh-1', 'group-z'), as(staff)).thenError('not-found');
  });

  it('registers a household once', () => {
    given([...community, registered('hh-1', 'group-a1-1')])
      .when(register('hh-1', 'group-a1-2'), as(staff))
      .thenError('already-exists');
  });

  it('refuses the 21st household of a neighbour group (10 to 20 households a group)', () => {
    const full = [...community, ...fullGroup('group-a1-1')];
    given(full).when(register('hh-21', 'group-a1-1'), as(workerA)).thenError('limit-exceeded');
    given(full)
      .when(register('hh-21', 'group-a1-2'), as(workerA))
      .then([registered('hh-21', 'group-a1-2')]);
    given([...full, registered('hh-21', 'group-a1-2')])
      .when(move('hh-21', 'group-a1-1'), as(workerA))
      .thenError('limit-exceeded');
    const leaving: NeighbourhoodEvent = {
      type: 'HouseholdDeregistered',
      data: { neighbourhoodId: N, householdId: 'hh-7', reason: 'moved away' },
    };
    given([...full, leaving])
      .when(register('hh-21', 'group-a1-1'), as(workerA))
      .then([registered('hh-21', 'group-a1-1')]);
    given([...full, moved('hh-7', 'group-a1-1', 'group-a1-2')])
      .when(register('hh-21', 'group-a1-1'), as(workerA))
      .then([registered('hh-21', 'group-a1-1')]);
  });

  it('takes a smaller capacity from the configuration', () => {
    const five = createNeighbourhoodAggregate({ maxHouseholdsPerGroup: 5 });
    const history = [...community, ...fullGroup('group-a1-1').slice(0, 5)];
    spec(five).given(history).when(register('hh-6', 'group-a1-1'), as(staff)).thenError('limit-exceeded');
    spec(five)
      .given(history.slice(0, -1))
      .when(register('hh-6', 'group-a1-1'), as(staff))
      .then([registered('hh-6', 'group-a1-1')]);
    expect(() => createNeighbourhoodAggregate({ maxHouseholdsPerGroup: 0 })).toThrow(RangeError);
    expect(() => createNeighbourhoodAggregate({ maxHouseholdsPerGroup: 2.5 })).toThrow(RangeError);
  });

  it('moves a household to another neighbour group, recording where it came from', () => {
    const history = [...community, registered('hh-1', 'group-a1-1')];
    given(history)
      .when(move('hh-1', 'group-a2-1'), as(workerA))
      .then([moved('hh-1', 'group-a1-1', 'group-a2-1')]);
    given(history).when(move('hh-1', 'group-a1-1'), as(workerA)).thenError('invalid-transition');
    given(history).when(move('hh-1', 'lane-a2'), as(workerA)).thenError('invalid-unit');
    given(history).when(move('hh-1', 'group-z'), as(workerA)).thenError('not-found');
    given(history).when(move('hh-2', 'group-a2-1'), as(workerA)).thenError('not-found');
  });

  it('deregisters only a registered household', () => {
    const history = [...community, registered('hh-1', 'group-a1-1')];
    given(history)
      .when(deregister('hh-1'), as(workerA))
      .then([{ type: 'HouseholdDeregistered', data: { neighbourhoodId: N, householdId: 'hh-1' } }]);
    given(history).when(deregister('hh-2'), as(workerA)).thenError('not-found');
    given([...history, { type: 'HouseholdDeregistered', data: { neighbourhoodId: N, householdId: 'hh-1' } }])
      .when(deregister('hh-1'), as(workerA))
      .thenError('not-found');
  });

  it("refuses a grid worker of grid A on grid B's households", () => {
    const history = [...community, registered('hh-a', 'group-a1-1'), registered('hh-b', 'group-b1-1')];
    given(history).when(register('hh-new', 'group-b1-1'), as(workerA)).thenError('forbidden');
    given(history).when(deregister('hh-b'), as(workerA)).thenError('forbidden');
    given(history).when(move('hh-b', 'group-a1-1'), as(workerA)).thenError('forbidden');
    given(history).when(move('hh-a', 'group-b1-1'), as(workerA)).thenError('forbidden');
    given(history)
      .when(deregister('hh-b'), as(workerB))
      .then([{ type: 'HouseholdDeregistered', data: { neighbourhoodId: N, householdId: 'hh-b' } }]);
  });

  it('lets a grid worker scoped to a lane keep that lane only', () => {
    const laneWorker: ActorInput = { id: 'worker-a1', role: 'grid-worker', scope: ['lane-a1'] };
    given(community)
      .when(register('hh-1', 'group-a1-2'), as(laneWorker))
      .then([registered('hh-1', 'group-a1-2')]);
    given(community).when(register('hh-1', 'group-a2-1'), as(laneWorker)).thenError('forbidden');
  });

  it('does not stretch a grid worker over the community because of a community id in scope', () => {
    const wide: ActorInput = { id: 'worker-x', role: 'grid-worker', scope: [N, STREET] };
    given(community).when(register('hh-1', 'group-a1-1'), as(wide)).thenError('forbidden');
  });

  it('tells an outsider nothing about the register', () => {
    given(community).when(register('hh-1', 'group-z'), as(resident)).thenError('forbidden');
    given(community).when(deregister('hh-unknown'), as(otherStaff)).thenError('forbidden');
    given(community).when(move('hh-unknown', 'group-z'), as(otherOfficial)).thenError('forbidden');
  });

  it('treats prototype-like ids as plain data', () => {
    const history = [...community, unitAdded('__proto__', 'neighbour-group', 'lane-a1')];
    given(history)
      .when(register('constructor', '__proto__'), as(workerA))
      .then([registered('constructor', '__proto__')]);
    given([...history, registered('constructor', '__proto__')])
      .when(register('constructor', 'group-a1-1'), as(workerA))
      .thenError('already-exists');
    given(community).when(deregister('toString'), as(staff)).thenError('not-found');
    given(community).when(register('hh-1', 'hasOwnProperty'), as(staff)).thenError('not-found');
  });
});
