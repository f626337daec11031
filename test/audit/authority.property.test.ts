/**
 * Authority, time and fields, as a property (issue 20): take a history the handler produced, change one event
 * (its actor, its role, its time, one field of its data, or an invented field) and re-chain every hash as a
 * forger would. Either the handler itself would have recorded the changed history, which the oracle below
 * proves by executing it again through a fresh governance facade, or the audit must flag it. The oracle is the
 * command path (facade, handler, deciders); the audit is the replay path (checks over a history file): two
 * routes to the same deciders.
 */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createGovernance } from '../../src/commands/governance.js';
import { aggregateOfStream, type LinliCommandInput } from '../../src/domain/linli.js';
import { ALL_UNITS, ROLES, type Role } from '../../src/domain/shared/actors.js';
import { buildGovernanceHistory, governancePlanArb } from './support/governance.js';
import {
  auditText,
  exportToText,
  parseText,
  rechain,
  writeText,
  type EventLine,
} from './support/history-text.js';

/** One change to one event. */
type Change =
  | { readonly kind: 'actor'; readonly index: number; readonly pick: number }
  | { readonly kind: 'role'; readonly index: number; readonly role: Role }
  | { readonly kind: 'time'; readonly index: number; readonly hours: number }
  | { readonly kind: 'field'; readonly index: number; readonly pick: number }
  | { readonly kind: 'invented'; readonly index: number; readonly where: 'data' | 'metadata' };

const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('actor' as const), index: fc.nat(), pick: fc.nat() }),
  fc.record({ kind: fc.constant('role' as const), index: fc.nat(), role: fc.constantFrom(...ROLES) }),
  fc.record({
    kind: fc.constant('time' as const),
    index: fc.nat(),
    hours: fc.integer({ min: -72, max: 72 }).filter((h) => h !== 0),
  }),
  fc.record({ kind: fc.constant('field' as const), index: fc.nat(), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('invented' as const),
    index: fc.nat(),
    where: fc.constantFrom('data' as const, 'metadata' as const),
  }),
);

type Path = readonly (string | number)[];
const leaves = (value: unknown, prefix: Path = []): Path[] =>
  value !== null && typeof value === 'object'
    ? Object.entries(value).flatMap(([key, inner]) =>
        leaves(inner, [...prefix, Array.isArray(value) ? Number(key) : key]),
      )
    : [prefix];
const setLeaf = (root: unknown, path: Path, change: (value: unknown) => unknown): void => {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  node[last] = change(node[last]);
};
const changed = (value: unknown): unknown =>
  typeof value === 'string'
    ? `${value}x`
    : typeof value === 'number'
      ? value + 1
      : typeof value === 'boolean'
        ? !value
        : 'x';

/** Applies one change to a copy of the history; returns the copy. */
const apply = (events: readonly EventLine[], change: Change): EventLine[] => {
  const copy = structuredClone(events) as EventLine[];
  const event = copy[change.index % copy.length]!;
  const actor = event.metadata.actor as { id: string; role: Role };
  switch (change.kind) {
    case 'actor': {
      const ids = [...new Set(copy.map((e) => (e.metadata.actor as { id: string }).id))];
      event.metadata.actor = { ...actor, id: ids[change.pick % ids.length]! };
      break;
    }
    case 'role':
      event.metadata.actor = { ...actor, role: change.role };
      break;
    case 'time':
      event.metadata.occurredAt = new Date(
        Date.parse(String(event.metadata.occurredAt)) + change.hours * 3_600_000,
      ).toISOString();
      break;
    case 'field': {
      const paths = leaves(event.data);
      setLeaf(event.data, paths[change.pick % paths.length]!, changed);
      break;
    }
    case 'invented':
      if (change.where === 'data') (event.data as Record<string, unknown>).phone = '13800138000';
      else event.metadata.approvedBy = 'street-office';
      break;
  }
  return copy;
};

/**
 * Whether the handler would have recorded exactly these events: each executed again, in order, as the command
 * its aggregate records it by, by its recorded actor at its recorded time, through a fresh facade. Scope and
 * organisation membership are not recorded, so the actor gets every unit and the directed task's organisation
 * (as the audit assumes); every other rule is the command path's own.
 */
const reproducible = async (events: readonly EventLine[]): Promise<boolean> => {
  const governance = createGovernance({ payPointsOnVerify: false });
  const directed = new Map<string, string>();
  for (const event of events) {
    const aggregate = aggregateOfStream(governance.aggregates, event.streamId);
    const commandType = (aggregate?.recordedBy as Record<string, string> | undefined)?.[event.type];
    if (commandType === undefined) return false;
    const data = event.data as Record<string, unknown>;
    const audience = data.audience as { kind?: string; organisationId?: string } | undefined;
    if (event.type === 'TaskPublished' && audience?.kind === 'directed') {
      directed.set(String(data.taskId), String(audience.organisationId));
    }
    const { id, role } = event.metadata.actor as { id: string; role: Role };
    const organisation = directed.get(String(data.taskId));
    const result = await governance.execute({ type: commandType, data } as LinliCommandInput, {
      actor: {
        id,
        role,
        scope: [ALL_UNITS],
        organisations: organisation === undefined ? [] : [organisation],
      },
      now: String(event.metadata.occurredAt),
      commandId: String(event.metadata.commandId),
    });
    if (isLeft(result) || result.right.length !== 1) return false;
    const [recorded] = result.right;
    if (
      recorded!.type !== event.type ||
      !isDeepStrictEqual(JSON.parse(JSON.stringify(recorded!.data)), data)
    ) {
      return false;
    }
    const expectedKeys = Object.keys(recorded!.metadata).sort();
    if (!isDeepStrictEqual(Object.keys(event.metadata).sort(), expectedKeys)) return false;
  }
  return true;
};

describe('the audit judges authority, time and fields as the handler does', () => {
  it('flags every single change the handler would not have recorded', async () => {
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(governancePlanArb, changeArb, async (plan, change) => {
        const { events } = parseText(await exportToText(await buildGovernanceHistory(plan)));
        expect(await reproducible(events)).toBe(true);
        const forged = rechain(apply(events, change));
        const result = await auditText(writeText(forged, 'recompute'));
        if (await reproducible(forged)) {
          outcomes.add(`${change.kind}: harmless`);
        } else {
          outcomes.add(`${change.kind}: flagged`);
          expect(result.clean, `${JSON.stringify(change)} audited clean`).toBe(false);
        }
      }),
      { numRuns: 120 },
    );
    // The generator reaches both outcomes for the kinds where both exist, so the property is not vacuous.
    for (const kind of ['actor', 'role', 'time', 'field']) expect(outcomes).toContain(`${kind}: flagged`);
    expect(outcomes).toContain('invented: flagged');
    expect(outcomes).toContain('field: harmless');
  });
});
