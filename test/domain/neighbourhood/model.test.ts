import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { CommandHandler } from '../../../src/commands/command-handler.js';
import {
  createNeighbourhoodAggregate,
  type NeighbourhoodAggregate,
} from '../../../src/domain/neighbourhood/aggregate.js';
import type { NeighbourhoodCommandInput } from '../../../src/domain/neighbourhood/commands.js';
import {
  PARENT_LEVEL,
  ROLE_LEVEL,
  isSharedRole,
  type LeaderRole,
} from '../../../src/domain/neighbourhood/hierarchy.js';
import { groupSize, type NeighbourhoodState } from '../../../src/domain/neighbourhood/state.js';
import { levelOf, unitPath } from '../../../src/domain/neighbourhood/tree.js';
import { fold } from '../../../src/domain/shared/decider.js';
import { entriesOf } from '../../../src/domain/shared/id-map.js';
import { neighbourhoodStream } from '../../../src/domain/shared/ids.js';
import type { RecordedEvent } from '../../../src/store/event-store.js';
import { InMemoryEventStore } from '../../../src/store/memory.js';
import {
  neighbourhoodActorArb,
  neighbourhoodCommandArb,
  type NeighbourhoodActorInput,
} from '../../../src/testing/arbitraries/neighbourhood.js';
import { type NeighbourhoodIdPools } from '../../../src/testing/scenarios/neighbourhood-pools.js';
import { CommunityModel, snapshotOf } from './community-model.js';
import { collect } from '../../store/contract.js';

const CAPACITY = 2;

const pools: NeighbourhoodIdPools = {
  neighbourhoodId: 'longtanzi',
  streetId: 'longtanzi-street',
  gridIds: ['g1', 'g2'],
  laneIds: ['l1', '__proto__'],
  groupIds: ['n1', 'constructor'],
  householdIds: ['h1', 'h2', 'h3', 'h4', 'toString'],
  personIds: ['p1', 'p2'],
  compoundIds: ['c1', 'hasOwnProperty'],
};
const stream = neighbourhoodStream(pools.neighbourhoodId);

interface Real {
  readonly aggregate: NeighbourhoodAggregate;
  readonly store: InMemoryEventStore;
  readonly handler: CommandHandler;
  sent: number;
  /** The stream as last read back, so each command reads the store once. */
  history: readonly RecordedEvent[];
  /** The stream's events as read back from the store, folded one by one as they arrive. */
  state: NeighbourhoodState;
}

/** The stream's events as the store holds them. */
const readStream = (store: InMemoryEventStore): Promise<RecordedEvent[]> => collect(store.readStream(stream));

/** `state` advanced over events read back from the store, each parsed as the handler would parse it. */
const foldRecorded = (
  aggregate: NeighbourhoodAggregate,
  state: NeighbourhoodState,
  events: readonly RecordedEvent[],
): NeighbourhoodState =>
  fold(
    { initialState: state, evolve: aggregate.decider.evolve },
    events.map((raw) => {
      const parsed = aggregate.events.parse(raw, { errorCode: 'invalid-event' });
      if (isLeft(parsed)) throw new Error(parsed.left.message);
      return parsed.right;
    }),
  );

/** What must hold of every community, whatever happened to it: the broken invariants, if any. */
const brokenInvariants = (state: NeighbourhoodState): string[] => {
  if (state.status !== 'established') return [];
  const broken: string[] = [];
  const counts = new Map<string, number>();
  for (const [householdId, groupId] of entriesOf(state.households)) {
    if (levelOf(state, groupId) !== 'neighbour-group') broken.push(`${householdId} lives outside a group`);
    counts.set(groupId, (counts.get(groupId) ?? 0) + 1);
  }
  for (const [groupId, count] of counts) {
    if (count > CAPACITY) broken.push(`${groupId} holds ${count} households`);
    if (groupSize(state, groupId) !== count)
      broken.push(`${groupId} is counted as ${groupSize(state, groupId)}`);
  }
  if ([...entriesOf(state.groupSizes)].some(([groupId]) => !counts.has(groupId)))
    broken.push('stale group counts');
  for (const [unitId, unit] of entriesOf(state.units)) {
    if (unit.unitId !== unitId) broken.push(`${unitId} is filed as ${unit.unitId}`);
    if (levelOf(state, unit.parentId) !== PARENT_LEVEL[unit.level])
      broken.push(`${unit.unitId} has a bad parent`);
    if (unitPath(state, unit.unitId)?.at(-1) !== unit.unitId) broken.push(`${unit.unitId} has no path`);
  }
  for (const [unitId, seats] of entriesOf(state.leaders)) {
    for (const [role, people] of Object.entries(seats) as [LeaderRole, readonly string[]][]) {
      if (levelOf(state, unitId) !== ROLE_LEVEL[role]) broken.push(`${role} seated on ${unitId}`);
      if (people.length === 0 || (!isSharedRole(role) && people.length > 1)) {
        broken.push(`${people.length} people hold ${role} of ${unitId}`);
      }
    }
  }
  for (const [name, map] of [
    ['units', state.units],
    ['leaders', state.leaders],
    ['households', state.households],
    ['groupSizes', state.groupSizes],
    ['owners', state.owners],
    ['compoundOwners', state.compoundOwners],
  ] as const) {
    if ([...entriesOf<unknown>(map)].length !== map.size) broken.push(`${name} miscounts its entries`);
  }
  return broken;
};

/** How often each outcome came up across all runs: accepted command types and rejection codes. */
const outcomes = new Map<string, number>();

/** Picks a command from what the model holds, for commands that random ids would rarely aim right. */
type Aim = (model: CommunityModel) => NeighbourhoodCommandInput;

/** One command sent through the real handler and checked against the model. */
class Send implements fc.AsyncCommand<CommunityModel, Real> {
  private sent: NeighbourhoodCommandInput | undefined;

  constructor(
    readonly command: NeighbourhoodCommandInput | Aim,
    readonly actor: NeighbourhoodActorInput,
    /** False for the fixed set-up steps, which must not count towards the corners reached. */
    readonly counted = true,
  ) {}

  check(): boolean {
    return true;
  }

  async run(model: CommunityModel, real: Real): Promise<void> {
    const command = typeof this.command === 'function' ? this.command(model) : this.command;
    this.sent = command;
    const before = real.history;
    const prediction = model.predict(command, this.actor);
    real.sent += 1;
    const result = await real.handler.handle(real.aggregate, command, {
      actor: this.actor,
      now: new Date(Date.UTC(2026, 2, 10, 8, 0, real.sent)).toISOString(),
      commandId: `model-cmd-${real.sent}`,
    });
    const after = await readStream(real.store);
    real.history = after;
    let outcome: string;
    if (prediction.accepted) {
      if (isLeft(result)) {
        throw new Error(`expected acceptance, got ${result.left.code}: ${result.left.message}`);
      }
      const appended = after.slice(before.length).map(({ type, data }) => ({ type, data }));
      expect(appended).toEqual(prediction.events);
      for (const event of prediction.events) model.apply(event);
      outcome = command.type;
    } else {
      if (!isLeft(result)) throw new Error(`expected one of ${[...prediction.codes].join(', ')}, got events`);
      expect([...prediction.codes]).toContain(result.left.code);
      // The hash chain covers every event, so an unchanged length and last hash mean an unchanged stream.
      expect(after.length).toBe(before.length);
      expect(after.at(-1)?.metadata.hash).toBe(before.at(-1)?.metadata.hash);
      outcome = result.left.code;
    }
    if (this.counted) outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    const state = foldRecorded(real.aggregate, real.state, after.slice(before.length));
    real.state = state;
    expect(brokenInvariants(state)).toEqual([]);
    expect(snapshotOf(state)).toEqual(model.snapshot());
    // The same community reached along another path must be the same state, not merely the same snapshot.
    expect(fold(real.aggregate.decider, model.shortestHistory())).toEqual(state);
  }

  toString(): string {
    const command = this.sent ?? (typeof this.command === 'function' ? undefined : this.command);
    if (command === undefined) return `(aimed command, not run) by ${this.actor.id}`;
    return `${command.type} ${JSON.stringify(command.data)} by ${this.actor.id}`;
  }
}

const nid = pools.neighbourhoodId;
const actors = neighbourhoodActorArb(pools);

/** Any command over the pools, valid or not. */
const sendArbitrary = fc
  .tuple(neighbourhoodCommandArb(pools), actors)
  .map(([command, actor]) => new Send(command, actor));

/**
 * Aims at a seat the model has filled (the i-th one), when any is: stands its holder down, or appoints
 * someone from the pool to it (the same person again, a rival, or another grid worker).
 */
const touchSeated = fc
  .tuple(fc.nat(), fc.option(fc.constantFrom(...pools.personIds), { nil: undefined }), actors)
  .map(
    ([i, newcomer, actor]) =>
      new Send((model) => {
        const seats = model.seatList();
        const [unitId, role, personId] = seats[i % Math.max(seats.length, 1)] ?? [
          nid,
          'community-secretary',
          'p1',
        ];
        return newcomer === undefined
          ? { type: 'StandDownLeader', data: { neighbourhoodId: nid, unitId, role, personId } }
          : { type: 'AppointLeader', data: { neighbourhoodId: nid, unitId, role, personId: newcomer } };
      }, actor),
  );

/**
 * Aims at the household register: registers a pooled household into a group the model has (the j-th), or
 * moves or deregisters a household the model has registered (the i-th), so that groups fill up and empty.
 */
const touchRegister = fc
  .record({
    action: fc.constantFrom('register', 'move', 'deregister'),
    i: fc.nat(),
    j: fc.nat(),
    householdId: fc.constantFrom(...pools.householdIds),
    actor: actors,
  })
  .map(
    ({ action, i, j, householdId, actor }) =>
      new Send((model) => {
        const groups = [...model.units]
          .filter(([, unit]) => unit.level === 'neighbour-group')
          .map(([id]) => id);
        const groupId = groups[j % Math.max(groups.length, 1)] ?? 'n1';
        const households = [...model.households.keys()];
        const registered = households[i % Math.max(households.length, 1)] ?? householdId;
        // A move aims away from the household's group whenever there is another to go to.
        const elsewhere = groups.filter((group) => group !== model.households.get(registered));
        const destination = elsewhere[j % Math.max(elsewhere.length, 1)] ?? groupId;
        switch (action) {
          case 'register':
            return { type: 'RegisterHousehold', data: { neighbourhoodId: nid, householdId, groupId } };
          case 'move':
            return {
              type: 'MoveHousehold',
              data: { neighbourhoodId: nid, householdId: registered, toGroupId: destination },
            };
          case 'deregister':
            return { type: 'DeregisterHousehold', data: { neighbourhoodId: nid, householdId: registered } };
        }
      }, actor),
  );

const staff: NeighbourhoodActorInput = {
  id: 'staff-1',
  role: 'community-staff',
  scope: [pools.neighbourhoodId],
};
const official: NeighbourhoodActorInput = {
  id: 'official-1',
  role: 'street-official',
  scope: [pools.streetId],
};
/**
 * The well-formed way to build the pooled community. Nine runs in ten start by establishing it, then add an
 * ordered random subset of its units: most runs have groups to put households in, some lack a rung, a few
 * lack the community itself.
 */
const establish = new Send(
  {
    type: 'EstablishNeighbourhood',
    data: { neighbourhoodId: nid, streetId: pools.streetId, name: 'Longtanzi' },
  },
  official,
  false,
);
const canonicalBuild: readonly Send[] = [
  new Send(
    { type: 'AddUnit', data: { neighbourhoodId: nid, unitId: 'g1', level: 'grid', parentId: nid } },
    staff,
    false,
  ),
  new Send(
    { type: 'AddUnit', data: { neighbourhoodId: nid, unitId: 'g2', level: 'grid', parentId: nid } },
    staff,
    false,
  ),
  new Send(
    { type: 'AddUnit', data: { neighbourhoodId: nid, unitId: 'l1', level: 'lane', parentId: 'g1' } },
    staff,
    false,
  ),
  new Send(
    { type: 'AddUnit', data: { neighbourhoodId: nid, unitId: '__proto__', level: 'lane', parentId: 'g2' } },
    staff,
    false,
  ),
  new Send(
    {
      type: 'AddUnit',
      data: { neighbourhoodId: nid, unitId: 'n1', level: 'neighbour-group', parentId: 'l1' },
    },
    staff,
    false,
  ),
  new Send(
    {
      type: 'AddUnit',
      data: { neighbourhoodId: nid, unitId: 'constructor', level: 'neighbour-group', parentId: '__proto__' },
    },
    staff,
    false,
  ),
];

describe('Neighbourhood against a reference model', () => {
  it('agrees with the model after every command, through the real handler and store', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
        fc.subarray([...canonicalBuild], { minLength: 0 }),
        fc.commands(
          [
            fc.oneof(
              { weight: 8, arbitrary: sendArbitrary },
              { weight: 1, arbitrary: touchSeated },
              { weight: 2, arbitrary: touchRegister },
            ),
          ],
          { size: '+1' },
        ),
        async (established, units, cmds) => {
          const prefix = established ? [establish, ...units] : units;
          const setup = async () => {
            const aggregate = createNeighbourhoodAggregate({ maxHouseholdsPerGroup: CAPACITY });
            const store = new InMemoryEventStore();
            const real: Real = {
              aggregate,
              store,
              handler: new CommandHandler(store),
              sent: 0,
              history: [],
              state: aggregate.decider.initialState,
            };
            const model = new CommunityModel(pools.neighbourhoodId, CAPACITY);
            for (const step of prefix) await step.run(model, real);
            return { model, real };
          };
          await fc.asyncModelRun(setup, cmds);
        },
      ),
      { numRuns: 80 },
    );
    // The agreement means something only if the runs reached every corner of the rules.
    for (const type of [
      'AddUnit',
      'AppointLeader',
      'StandDownLeader',
      'RegisterHousehold',
      'MoveHousehold',
      'DeregisterHousehold',
      'RegisterOwner',
      'DeregisterOwner',
    ]) {
      expect(outcomes.get(type) ?? 0, `accepted ${type}`).toBeGreaterThan(0);
    }
    for (const code of [
      'limit-exceeded',
      'invalid-unit',
      'conflict',
      'invalid-transition',
      'already-exists',
      'forbidden',
      'not-found',
    ]) {
      expect(outcomes.get(code) ?? 0, code).toBeGreaterThan(0);
    }
  });
});
