import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectReachesBothOutcomes, expectSameAnswerAsSchema } from '../../support/schema-equivalence.js';
import { ALL_UNITS, ROLES } from '../../../src/domain/shared/actors.js';
import { parseCommandContext } from '../../../src/domain/shared/command-context.js';
import { CommandContextSchema } from '../../../src/domain/shared/context.js';

const VALID = {
  actor: { id: 'staff-1', role: 'community-staff', scope: ['c1', ALL_UNITS], organisations: ['org-1'] },
  now: '2026-03-01T08:00:00+08:00',
  commandId: 'cmd-1',
  correlationId: 'corr-1',
  causationId: 'cause-1',
} as const;

const idArb = fc.stringMatching(/^[A-Za-z0-9._:-]{1,128}$/);

/** Any value a field might hold when a caller gets it wrong. */
const oddValue = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'x'.repeat(129),
    '2026-02-30T08:00:00Z',
    'a b',
    '*',
    'mayor',
    null,
    undefined,
    0,
    NaN,
  ),
  fc.constantFrom([], ['ok', ''], [undefined], {}, ['*', 'c1']),
  fc.string({ maxLength: 8 }),
  fc.jsonValue(),
);

/** Null most of the time, so that many cases stay well formed. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

const contextArb = fc
  .record({
    actor: fc.record(
      {
        id: idArb,
        role: fc.constantFrom(...ROLES),
        scope: fc.array(fc.oneof(idArb, fc.constant(ALL_UNITS)), { maxLength: 3 }),
        organisations: fc.array(idArb, { maxLength: 2 }),
      },
      { requiredKeys: ['id', 'role'] },
    ),
    now: fc
      .date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true })
      .map((date) => date.toISOString()),
    commandId: idArb,
    correlationId: fc.option(idArb, { nil: undefined }),
    causationId: fc.option(idArb, { nil: undefined }),
    odd: rarely(
      fc.record({
        key: fc.constantFrom('now', 'commandId', 'correlationId', 'actor', 'extra'),
        value: oddValue,
      }),
    ),
    oddActor: rarely(
      fc.record({ key: fc.constantFrom('id', 'role', 'scope', 'organisations', 'extra'), value: oddValue }),
    ),
    drop: rarely(fc.constantFrom('now', 'commandId', 'correlationId', 'causationId', 'actor')),
  })
  .map(({ odd, oddActor, drop, ...context }) => {
    const actor: Record<string, unknown> = { ...context.actor };
    if (oddActor !== null) actor[oddActor.key] = oddActor.value;
    const value: Record<string, unknown> = { ...context, actor };
    if (odd !== null) value[odd.key] = odd.value;
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== drop));
  });

describe('parseCommandContext', () => {
  it('accepts a well-formed context and applies the schema defaults', () => {
    expect(parseCommandContext(VALID)).toEqual({ success: true, data: VALID });
    const bare = { actor: { id: 'r1', role: 'resident' }, now: VALID.now, commandId: 'c' };
    expect(parseCommandContext(bare).data).toStrictEqual({
      ...bare,
      actor: { ...bare.actor, scope: [], organisations: [] },
    });
  });

  it('keeps what it checked, even from a getter that changes its answer', () => {
    let reads = 0;
    const context = {
      actor: { id: 'r1', role: 'resident' },
      now: VALID.now,
      commandId: 'c',
      get correlationId(): string {
        reads += 1;
        return reads <= 2 ? 'corr-1' : 'not an id';
      },
    };
    expect(parseCommandContext(context).data?.correlationId).toBe('corr-1');
  });

  it('reports the schema issues for a malformed context', () => {
    const result = parseCommandContext({ ...VALID, actor: { ...VALID.actor, scope: ['bad id'] } });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['actor', 'scope', 0]]);
  });

  it('gives the schema answer for any context, valid or not', () => {
    expectSameAnswerAsSchema(parseCommandContext, CommandContextSchema, contextArb);
  });

  it('reaches both valid and invalid contexts in the property above', () => {
    expectReachesBothOutcomes(CommandContextSchema, contextArb, { valid: 400, invalid: 200 });
  });
});
