import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AnyAggregate } from '../../../src/commands/aggregate.js';
import { createLinliAggregates, type LinliAggregates } from '../../../src/domain/linli.js';
import { MessageCatalogue } from '../../../src/domain/shared/catalogue.js';
import { expectSameResult } from '../../support/schema-equivalence.js';
import { compiledSchema } from '../../../src/domain/shared/compiled-schema.js';
import { CommandContextSchema } from '../../../src/domain/shared/context.js';
import { EventMetadataSchema } from '../../../src/domain/shared/events.js';
import { deepFreeze } from '../../../src/domain/shared/freeze.js';
import { IdSchema } from '../../../src/domain/shared/ids.js';
import {
  communityTreeArb,
  neighbourhoodActorArb,
  type CommunityTree,
  neighbourhoodCommandArb,
} from '../../../src/testing/arbitraries/neighbourhood.js';
import { type NeighbourhoodIdPools } from '../../../src/testing/scenarios/neighbourhood-pools.js';
import { pointsStepsArb } from '../../../src/testing/arbitraries/points.js';
import { organisationStepsArb } from '../../../src/testing/arbitraries/organisation.js';
import {
  problemEventArbitrary,
  problemLifecyclesArbitrary,
} from '../../../src/testing/arbitraries/problem.js';
import { taskStepsArb } from '../../../src/testing/arbitraries/task.js';
import { meetingStepsArb, proposalStepsArb } from '../../../src/testing/arbitraries/deliberation.js';
import { fundProjectStepsArb } from '../../../src/testing/arbitraries/fund-project.js';
import { partnershipStepsArb } from '../../../src/testing/arbitraries/partnership.js';
import { anchorStepsArb, honoursStepsArb } from '../../../src/testing/arbitraries/honours.js';

type AggregateKey = keyof LinliAggregates;
type Kind = 'events' | 'commands';

interface Message {
  readonly type: string;
  readonly data: unknown;
}

interface Step {
  readonly command: Message;
  readonly context: unknown;
}

const aggregates = createLinliAggregates();
const AGGREGATE_KEYS = Object.keys(aggregates) as AggregateKey[];
const KINDS: readonly Kind[] = ['events', 'commands'];

/** The schema of a message type. */
const schemaOf = (key: AggregateKey, kind: Kind, type: string): z.ZodType => {
  const schemas: Readonly<Record<string, z.ZodType | undefined>> = aggregates[key][kind].schemas;
  const schema = schemas[type];
  if (schema === undefined) throw new Error(`no ${kind} schema for ${type}`);
  return schema;
};

const compiledSchemas = new Map<z.ZodType, z.ZodType>();
/** The schema compiled by zod, as the catalogue compiles its own. */
const compiledOf = (schema: z.ZodType): z.ZodType => {
  let compiled = compiledSchemas.get(schema);
  if (compiled === undefined) {
    compiled = z.compile(schema);
    compiledSchemas.set(schema, compiled);
  }
  return compiled;
};

/** The events the aggregate's decider accepts from the steps, in order: what the library would record. */
const decided = (aggregate: AnyAggregate, steps: readonly Step[]): Message[] => {
  let state: unknown = aggregate.decider.initialState;
  const events: Message[] = [];
  for (const step of steps) {
    const command = aggregate.commands.parse(step.command);
    if (isLeft(command)) continue;
    const decision = aggregate.decider.decide(command.right, state, CommandContextSchema.parse(step.context));
    if (isLeft(decision)) continue;
    for (const event of decision.right as readonly Message[]) {
      events.push(event);
      state = aggregate.decider.evolve(state, event);
    }
  }
  return events;
};

/** The ids of a generated community, for random commands that hit it (and, being random, often miss). */
const poolsOf = (tree: CommunityTree): NeighbourhoodIdPools => {
  const lanes = tree.grids.flatMap((grid) => grid.lanes);
  const groups = lanes.flatMap((lane) => lane.groups);
  return {
    neighbourhoodId: tree.neighbourhoodId,
    streetId: tree.streetId,
    gridIds: tree.grids.map((grid) => grid.gridId),
    laneIds: lanes.map((lane) => lane.laneId),
    groupIds: groups.map((group) => group.groupId),
    householdIds: ['new-household', ...groups.flatMap((group) => group.householdIds)],
    personIds: [
      tree.secretaryId,
      ...tree.grids.map((grid) => grid.leaderId),
      ...lanes.map((lane) => lane.leaderId),
    ],
  };
};

/** A generated community, then random commands on it: moves, departures, leaders standing down. */
const neighbourhoodStreamsArb: fc.Arbitrary<Step[][]> = communityTreeArb({
  maxGrids: 2,
  maxLanesPerGrid: 2,
  maxGroupsPerLane: 2,
  maxHouseholdsPerGroup: 3,
}).chain((tree) => {
  const pools = poolsOf(tree);
  return fc
    .array(fc.tuple(neighbourhoodCommandArb(pools), neighbourhoodActorArb(pools)), {
      minLength: 10,
      maxLength: 40,
    })
    .map((random) => {
      const steps = random.map(([command, actor], i): Step => ({
        command,
        context: {
          actor,
          now: new Date(Date.UTC(2026, 4, 1) + i * 60_000).toISOString(),
          commandId: `random-${i}`,
        },
      }));
      return [[...tree.steps, ...steps]];
    });
});

/** Generated streams of steps of each aggregate, each inner list one stream. */
const STREAMS: Readonly<Record<AggregateKey, fc.Arbitrary<Step[][]>>> = {
  neighbourhood: neighbourhoodStreamsArb,
  problem: problemLifecyclesArbitrary({ maxLength: 3 }).map((lifecycles) =>
    lifecycles.map((lifecycle) => [...lifecycle.steps]),
  ),
  task: taskStepsArb(undefined, { taskIds: ['task-1', 'task-2'], maxEpisodes: 25 }).map((steps) => [steps]),
  points: pointsStepsArb(undefined, { maxSteps: 25 }).map((steps) => [steps]),
  proposal: proposalStepsArb().map((steps) => [steps]),
  meeting: meetingStepsArb().map((steps) => [steps]),
  fundProject: fundProjectStepsArb(undefined, { projectIds: ['project-1', 'project-2'] }).map((steps) => [
    steps,
  ]),
  partnership: partnershipStepsArb().map((steps) => [steps]),
  organisation: organisationStepsArb(undefined, { maxSteps: 25 }).map((steps) => [steps]),
  honours: honoursStepsArb().map((steps) => [steps]),
  anchor: anchorStepsArb().map((steps) => [steps]),
};

/** Valid commands (as callers write them) and valid events (as the deciders make them) of an aggregate. */
const scenarioArb = (key: AggregateKey): fc.Arbitrary<Readonly<Record<Kind, readonly Message[]>>> => {
  const streams = STREAMS[key].map((all) => ({
    commands: all.flat().map((step) => step.command),
    events: all.flatMap((steps) => decided(aggregates[key], steps)),
  }));
  // Every problem event type on its own too, rejections included, whatever the lifecycles reach.
  return key !== 'problem'
    ? streams
    : fc
        .tuple(streams, fc.array(problemEventArbitrary(), { maxLength: 8 }))
        .map(([scenario, extra]) => ({ ...scenario, events: [...scenario.events, ...extra] }));
};

/** The data as a store hands it back: through JSON (undefined keys gone, fresh objects of new shapes). */
const roundTrip = (value: unknown): unknown =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);

const ANYTHING: fc.ObjectConstraints = {
  withNullPrototype: true,
  withBoxedValues: true,
  withSparseArray: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withBigInt: true,
  withTypedArray: true,
  withObjectString: true,
  withUnicodeString: true,
};

/** Every object and array reachable from `value` (own enumerable properties, read defensively). */
const objectsIn = (value: unknown, found = new Set<object>()): Set<object> => {
  if (typeof value !== 'object' || value === null || found.has(value)) return found;
  found.add(value);
  try {
    for (const entry of Object.values(value)) objectsIn(entry, found);
  } catch {
    // A value whose properties cannot be listed holds nothing the output could share.
  }
  return found;
};

/** Tallies of how often the schema accepted and refused, to see that the properties reach both. */
interface Tally {
  accepted: number;
  refused: number;
}

/**
 * Asserts that the compiled schema answers exactly as the schema: the same verdict, the same data (same keys
 * in the same order, undefined values and -0 kept) in objects and arrays of its own, the same issues.
 */
const expectZodsAnswer = (schema: z.ZodType, value: unknown, tally: Tally): void => {
  const compiled = compiledOf(schema).safeParse(value);
  const plain = schema.safeParse(value);
  expectSameResult(compiled, plain);
  if (!plain.success) {
    tally.refused++;
    return;
  }
  tally.accepted++;
  const shared = [...objectsIn(compiled.data)].filter((node) => objectsIn(value).has(node));
  const sharedByPlain = [...objectsIn(plain.data)].filter((node) => objectsIn(value).has(node));
  expect(shared.length, 'the compiled schema hands back objects of the caller').toBe(sharedByPlain.length);
};

// ---------------------------------------------------------------------------------------------------------
// Mutations of valid data: a field removed, replaced, added, a string or a number pushed over an edge, the
// whole value wrapped in something zod treats differently from a plain object.

type TextEdit =
  | { readonly op: 'append' | 'prepend'; readonly text: string }
  | { readonly op: 'resize'; readonly units: number; readonly fill: 'same' | 'emoji' };

type Wrap = 'frozen' | 'inherited' | 'null-prototype' | 'getters' | 'array' | 'instance' | 'json';

type Mutation =
  | { readonly kind: 'remove'; readonly at: number }
  | { readonly kind: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'swap'; readonly at: number; readonly from: number }
  | { readonly kind: 'extra'; readonly at: number; readonly key: string; readonly value: unknown }
  | { readonly kind: 'grow'; readonly at: number; readonly times: number }
  | { readonly kind: 'text'; readonly at: number; readonly edit: TextEdit }
  | { readonly kind: 'number'; readonly at: number; readonly value: number }
  | { readonly kind: 'wrap'; readonly how: Wrap };

const EDGE_LENGTHS = [0, 1, 2, 63, 64, 65, 99, 100, 101, 127, 128, 129, 199, 200, 201, 499, 500, 501];
const LONG_EDGE_LENGTHS = [1999, 2000, 2001, 2047, 2048, 2049, 4001];
const ODD_TEXTS = [
  ' ',
  '\n',
  '\t',
  'x',
  'A',
  '-',
  '--',
  '.',
  ':',
  '*',
  '/',
  '\uD800',
  '\uDC00',
  '😀',
  '\u00a0',
  '\u3000',
  'é',
  '下',
];
const EDGE_NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  1.5,
  4,
  5,
  6,
  20,
  21,
  50,
  51,
  1000,
  1001,
  100_000,
  100_001,
  1_000_000,
  1_000_001,
  -1_000_000,
  -1_000_001,
  2 ** 53 - 1,
  2 ** 53,
  -(2 ** 53),
  1e308,
  Number.MIN_VALUE,
  NaN,
  Infinity,
  -Infinity,
];
const EXTRA_KEYS = ['extra', '__proto__', 'constructor', 'toString', '0', '1', 'kind', 'type', 'data', ''];

const oddValueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(ANYTHING),
  fc.constantFrom<unknown>(undefined, null, true, false, '', 'x', [], {}, 0, -0, NaN, 'public', 'photo'),
);

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: oddValueArb }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), from: fc.nat() }),
  fc.record({
    kind: fc.constant('extra' as const),
    at: fc.nat(),
    key: fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ maxLength: 4 })),
    value: oddValueArb,
  }),
  fc.record({
    kind: fc.constant('grow' as const),
    at: fc.nat(),
    times: fc.constantFrom(1, 2, 19, 20, 21, 49, 50),
  }),
  fc.record({
    kind: fc.constant('text' as const),
    at: fc.nat(),
    edit: fc.oneof(
      fc.record({
        op: fc.constantFrom('append' as const, 'prepend' as const),
        text: fc.constantFrom(...ODD_TEXTS),
      }),
      fc.record({
        op: fc.constant('resize' as const),
        units: fc.oneof(fc.constantFrom(...EDGE_LENGTHS), fc.constantFrom(...LONG_EDGE_LENGTHS)),
        fill: fc.constantFrom('same' as const, 'emoji' as const),
      }),
    ),
  }),
  fc.record({
    kind: fc.constant('number' as const),
    at: fc.nat(),
    value: fc.oneof(fc.constantFrom(...EDGE_NUMBERS), fc.integer(), fc.double()),
  }),
  fc.record({
    kind: fc.constant('wrap' as const),
    how: fc.constantFrom<Wrap>(
      'frozen',
      'inherited',
      'null-prototype',
      'getters',
      'array',
      'instance',
      'json',
    ),
  }),
);

type Container = Record<string | number, unknown>;

/** A place in a value: a property of an object or an entry of an array. */
interface Slot {
  readonly parent: Container;
  readonly key: string | number;
}

const slotsOf = (value: unknown, slots: Slot[] = []): Slot[] => {
  if (typeof value !== 'object' || value === null) return slots;
  const parent = value as Container;
  for (const key of Object.keys(parent)) {
    const slotKey = Array.isArray(parent) ? Number(key) : key;
    slots.push({ parent, key: slotKey });
    slotsOf(parent[slotKey], slots);
  }
  return slots;
};

const containersOf = (value: unknown): Container[] => [
  ...(typeof value === 'object' && value !== null ? [value as Container] : []),
  ...slotsOf(value)
    .map((slot) => slot.parent[slot.key])
    .filter((entry): entry is Container => typeof entry === 'object' && entry !== null),
];

const pick = <T>(items: readonly T[], at: number): T | undefined => items[at % Math.max(items.length, 1)];

const resized = (original: string, edit: Extract<TextEdit, { op: 'resize' }>): string => {
  if (edit.fill === 'emoji')
    return '😀'.repeat(Math.floor(edit.units / 2)) + (edit.units % 2 === 1 ? 'a' : '');
  const fill = original.length > 0 ? original : 'a';
  return fill.repeat(Math.ceil(edit.units / fill.length)).slice(0, edit.units);
};

/** A class of its own, for data that is an instance rather than a plain object. */
class Instance {
  readonly madeBy = 'a constructor';
}

const wrapped = (copy: unknown, how: Wrap): unknown => {
  if (typeof copy !== 'object' || copy === null) return copy;
  const record = copy as Container;
  switch (how) {
    case 'frozen':
      return deepFreeze(copy);
    case 'inherited':
      return Object.create(copy) as unknown;
    case 'null-prototype':
      return Object.assign(Object.create(null) as Container, record);
    case 'getters':
      return Object.defineProperties(
        {},
        Object.fromEntries(
          Object.keys(record).map((key) => [
            key,
            { get: () => record[key], enumerable: true, configurable: true },
          ]),
        ),
      );
    case 'array':
      return Object.assign([], record);
    case 'instance':
      return Object.assign(new Instance(), record);
    case 'json':
      return roundTrip(copy);
  }
};

/** A mutated copy of valid data (the original is left alone). */
const mutate = (data: unknown, mutation: Mutation): unknown => {
  const copy: unknown = structuredClone(data);
  const slots = slotsOf(copy);
  const slot = 'at' in mutation ? pick(slots, mutation.at) : undefined;
  switch (mutation.kind) {
    case 'remove':
      if (slot === undefined) return copy;
      if (Array.isArray(slot.parent)) slot.parent.splice(Number(slot.key), 1);
      else Reflect.deleteProperty(slot.parent, slot.key);
      return copy;
    case 'replace':
      if (slot === undefined) return mutation.value;
      slot.parent[slot.key] = mutation.value;
      return copy;
    case 'swap': {
      const from = pick(slots, mutation.from);
      if (slot !== undefined && from !== undefined)
        slot.parent[slot.key] = structuredClone(from.parent[from.key]);
      return copy;
    }
    case 'extra': {
      const target = pick(containersOf(copy), mutation.at);
      // Defined rather than assigned, so that `__proto__` becomes an own key, as JSON.parse makes it.
      if (target !== undefined && !Array.isArray(target)) {
        Object.defineProperty(target, mutation.key, {
          value: mutation.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return copy;
    }
    case 'grow': {
      const target = pick(
        containersOf(copy).filter((container) => Array.isArray(container)),
        mutation.at,
      ) as unknown[] | undefined;
      for (let i = 0; target !== undefined && i < mutation.times; i++)
        target.push(structuredClone(target[0]));
      return copy;
    }
    case 'text': {
      const text = pick(
        slots.filter((s) => typeof s.parent[s.key] === 'string'),
        mutation.at,
      );
      if (text === undefined) return copy;
      const original = text.parent[text.key] as string;
      const { edit } = mutation;
      text.parent[text.key] =
        edit.op === 'resize'
          ? resized(original, edit)
          : edit.op === 'append'
            ? original + edit.text
            : edit.text + original;
      return copy;
    }
    case 'number': {
      const number = pick(
        slots.filter((s) => typeof s.parent[s.key] === 'number'),
        mutation.at,
      );
      if (number !== undefined) number.parent[number.key] = mutation.value;
      return copy;
    }
    case 'wrap':
      return wrapped(copy, mutation.how);
  }
};

// ---------------------------------------------------------------------------------------------------------

describe.each(AGGREGATE_KEYS.flatMap((key) => KINDS.map((kind) => [key, kind] as const)))(
  'the compiled schemas of the %s %s',
  (key, kind) => {
    it('answer as the schemas do: valid data, mutated data and anything at all', () => {
      const valid: Tally = { accepted: 0, refused: 0 };
      const mutated: Tally = { accepted: 0, refused: 0 };
      const anything: Tally = { accepted: 0, refused: 0 };
      fc.assert(
        fc.property(
          scenarioArb(key),
          fc.array(mutationArb, { minLength: 1, maxLength: 8 }),
          fc.anything(ANYTHING),
          (scenario, mutations, value) => {
            for (const message of scenario[kind]) {
              const schema = schemaOf(key, kind, message.type);
              expectZodsAnswer(schema, message.data, valid);
              expectZodsAnswer(schema, roundTrip(message.data), valid);
              for (const mutation of mutations)
                expectZodsAnswer(schema, mutate(message.data, mutation), mutated);
              expectZodsAnswer(schema, value, anything);
            }
          },
        ),
        { numRuns: 80 },
      );
      // The generated messages are valid, and the mutations must break some of them and leave others whole.
      expect(valid.refused).toBe(0);
      expect(valid.accepted).toBeGreaterThan(100);
      expect(mutated.accepted).toBeGreaterThan(50);
      expect(mutated.refused).toBeGreaterThan(100);
    });
  },
);

describe('the schemas linli compiles', () => {
  // z.compile never throws: a schema it cannot compile comes back as it was, and the property above would
  // then compare a schema with itself. Compiling strictly makes a refusal loud.
  const everySchema: readonly (readonly [string, z.ZodType])[] = [
    ...AGGREGATE_KEYS.flatMap((key) =>
      KINDS.flatMap((kind) =>
        Object.entries(aggregates[key][kind].schemas as Readonly<Record<string, z.ZodType>>).map(
          ([type, schema]) => [`${key} ${type}`, schema] as const,
        ),
      ),
    ),
    ['the command context', CommandContextSchema],
    ['event metadata', EventMetadataSchema],
  ];

  it.each(everySchema)('%s compiles', (_name, schema) => {
    expect(() => z.compile(schema, { strict: true })).not.toThrow();
  });

  it('are used as they are, uncompiled, when the host forbids generated code', () => {
    const schema = z.object({ noteId: IdSchema });
    z.config({ jitless: true });
    try {
      expect(compiledSchema(schema)).toBe(schema);
    } finally {
      z.config({ jitless: false });
    }
    expect(compiledSchema(schema)).not.toBe(schema);
  });
});

describe('MessageCatalogue', () => {
  const schemas = {
    Noted: z.object({ noteId: IdSchema, text: z.string().min(1).max(20) }),
    Refined: z.object({ noteId: IdSchema }).refine((note) => note.noteId !== 'forbidden'),
  };

  it('parses with its compiled schemas: unknown keys stripped, zod issues for bad data, refinements run', () => {
    const catalogue = new MessageCatalogue(schemas);
    const ok = catalogue.parse({ type: 'Noted', data: { text: 'hello', noteId: 'n1', stray: 1 } });
    expect(ok).toStrictEqual({
      _tag: 'Right',
      right: { type: 'Noted', data: { noteId: 'n1', text: 'hello' } },
    });
    const bad = catalogue.parse({ type: 'Noted', data: { noteId: 'n 1', text: 'hello' } });
    expect(isLeft(bad) && bad.left.code).toBe('invalid-command');
    expect(isLeft(bad) && bad.left.details).toEqual(
      schemas.Noted.safeParse({ noteId: 'n 1', text: 'hello' }).error?.issues,
    );
    expect(catalogue.parse({ type: 'Refined', data: { noteId: 'n1' } })._tag).toBe('Right');
    expect(catalogue.parse({ type: 'Refined', data: { noteId: 'forbidden' } })._tag).toBe('Left');
  });

  it('gives a type named like a member of Object its own version, never the member', () => {
    // Any object TypeScript accepts here carries Object's members in its type; the cast says what it holds.
    const versions = Object.fromEntries([['toString', 2]]) as unknown as Partial<
      Record<'constructor' | 'toString', number>
    >;
    const catalogue = new MessageCatalogue({ constructor: schemas.Noted, toString: schemas.Noted }, versions);
    expect(catalogue.schemaVersion('constructor')).toBe(1);
    expect(catalogue.schemaVersion('toString')).toBe(2);
    expect(catalogue.types).toEqual(['constructor', 'toString']);
    expect(catalogue.has('hasOwnProperty')).toBe(false);
  });

  it('parses upcast data', () => {
    const catalogue = new MessageCatalogue(schemas, { Noted: 2 }).registerUpcaster({
      type: 'Noted',
      fromVersion: 1,
      upcast: (data) => ({ ...(data as object), text: 'upcast' }),
    });
    expect(catalogue.parse({ type: 'Noted', data: { noteId: 'n1' } }, { schemaVersion: 1 })).toStrictEqual({
      _tag: 'Right',
      right: { type: 'Noted', data: { noteId: 'n1', text: 'upcast' } },
    });
  });
});
