/**
 * FundProject, model-based, through the governance facade and the in-memory store: for any generated
 * sequence of fund commands, every outcome is the model's, the fund ledger's spent never exceeds what it
 * allocated, every step-order violation (and spending over the approval) is refused, and the event it would
 * have recorded, forged into the history, is flagged by the audit at that event.
 */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { Recorded } from '../../../src/commands/aggregate.js';
import { createGovernance, type Governance } from '../../../src/commands/governance.js';
import {
  fundProjectAggregate,
  fundProjectCommands,
  type FundProjectCommandInput,
} from '../../../src/domain/fund-project/index.js';
import { linliEventParser, type LinliEvent } from '../../../src/domain/linli.js';
import type { ErrorCode } from '../../../src/domain/shared/errors.js';
import { fundProjectStream } from '../../../src/domain/shared/ids.js';
import { fundLedgerRows, fundsProjection } from '../../../src/projections/funds/index.js';
import { project } from '../../../src/projections/projection.js';
import {
  fundProjectEpisodeArb,
  solicitFundProjectDataArb,
} from '../../../src/testing/arbitraries/fund-project.js';
import type { FundAction } from '../../../src/testing/arbitraries/fund-basics.js';
import { recordDirectory } from '../../../src/testing/directory.js';
import { defaultFundWorld, fundStaff } from '../../../src/testing/scenarios/fund-world.js';
import { instantAfter } from '../../../src/testing/scenarios/task-world.js';
import { collect } from '../../store/contract.js';
import { auditText, exportToText, parseText, rechain, writeText } from '../../audit/support/history-text.js';
import { applyToModel, expectedOutcome, type FundModel } from './fund-model.js';

const world = defaultFundWorld;
const projectId = 'project-1';
const stream = fundProjectStream(projectId);
type Action = FundAction<FundProjectCommandInput>;

interface Real {
  readonly governance: Governance;
  commands: number;
  forged: number;
}

/** The audit codes a forged event of each refusal must draw. */
const FLAGGED_AS: Partial<Record<ErrorCode, readonly string[]>> = {
  'invalid-transition': ['impossible-transition', 'event-after-close'],
  'limit-exceeded': ['over-approval'],
  'not-found': ['impossible-transition'],
};

const recordedEvents = async (governance: Governance): Promise<Recorded<LinliEvent>[]> => {
  const parse = linliEventParser();
  return (await collect(governance.store.readAll())).map((raw) => {
    const parsed = parse(raw);
    if (isLeft(parsed)) throw new Error(parsed.left.message);
    return parsed.right;
  });
};

/** The event a refused command would have recorded: its data as the decider would have written it. */
const wouldRecord = (action: Action): { type: string; data: unknown } => {
  const parsed = fundProjectCommands.parse(action.command);
  if (isLeft(parsed)) throw new Error(parsed.left.message);
  const { type, data } = parsed.right;
  const eventType = Object.entries(fundProjectAggregate.recordedBy ?? {}).find(([, c]) => c === type)?.[0];
  if (eventType === undefined) throw new Error(`no event of ${type}`);
  if (type === 'EvaluateFundProject')
    return { type: eventType, data: { ...data, residentId: action.actor.id } };
  if (type === 'RecordFundSupervision')
    return { type: eventType, data: { ...data, supervisorId: action.actor.id } };
  return { type: eventType, data };
};

/** Forges the refused command's event into the history as a forger would, and audits it. */
const forgeAndAudit = async (
  real: Real,
  action: Action,
  now: string,
  codes: readonly string[],
): Promise<void> => {
  const events = parseText(await exportToText(real.governance.store)).events;
  const template = structuredClone(events[events.length - 1]!);
  const { type, data } = wouldRecord(action);
  const actor = { id: action.actor.id, role: action.actor.role };
  events.push({
    ...template,
    streamId: stream,
    type,
    data,
    metadata: { ...template.metadata, actor, occurredAt: now },
  });
  const chained = rechain(events);
  const forged = chained[chained.length - 1]!;
  const result = await auditText(writeText(chained, 'recompute'));
  const found = result.violations.map((v) => ({ code: v.code, at: `${v.streamId}@${v.revision}` }));
  expect(found.length, `${type} forged: ${JSON.stringify(found)}`).toBeGreaterThan(0);
  for (const violation of found) expect(violation.at).toBe(`${stream}@${forged.revision}`);
  expect(codes, JSON.stringify(found)).toContain(found[0]!.code);
  real.forged += 1;
};

const step = async (model: FundModel, real: Real, action: Action): Promise<void> => {
  model.minutes += action.advanceMinutes;
  const now = instantAfter(world, model.minutes);
  const want = expectedOutcome(model, action, world);
  const context = { actor: action.actor, now, commandId: `cmd-${(real.commands += 1)}` };
  const result = await real.governance.execute(action.command, context);
  if ('reject' in want) {
    expect(isLeft(result) ? result.left.code : `recorded ${action.command.type}`).toBe(want.reject);
    const codes = FLAGGED_AS[want.reject];
    if (codes !== undefined && (want.reject !== 'not-found' || model.project === undefined)) {
      await forgeAndAudit(real, action, now, codes);
    }
  } else {
    if (isLeft(result))
      throw new Error(`expected ${want.accept}, got ${result.left.code}: ${result.left.message}`);
    expect(result.right.map((e) => e.type)).toEqual([want.accept]);
    applyToModel(model, action);
  }
  await checkLedger(model, real);
};

/** The ledger, rebuilt from the store: spent never above allocated, and both the model's. */
const checkLedger = async (model: FundModel, real: Real): Promise<void> => {
  const funds = project(fundsProjection, await recordedEvents(real.governance));
  const rows = fundLedgerRows(funds);
  for (const row of rows) expect(row.spentFen).toBeLessThanOrEqual(row.allocatedFen);
  for (const card of Object.values(funds.projects))
    expect(card.spentFen).toBeLessThanOrEqual(card.approvedFen);
  const p = model.project;
  const row = rows.find((r) => r.community === world.community && r.year === world.fundYear);
  const decided = p !== undefined && p.step !== 'solicited' && p.step !== 'declined';
  expect({ allocated: row?.allocatedFen ?? 0, spent: row?.spentFen ?? 0 }).toEqual({
    allocated: decided ? p.approvedFen : 0,
    spent: p?.spentFen ?? 0,
  });
};

class EpisodeCommand implements fc.AsyncCommand<FundModel, Real> {
  constructor(readonly actions: readonly Action[]) {}
  check(): boolean {
    return true;
  }
  async run(model: FundModel, real: Real): Promise<void> {
    for (const action of this.actions) await step(model, real, action);
  }
  toString(): string {
    return this.actions
      .map(
        (a) =>
          `+${a.advanceMinutes}m ${a.actor.id}/${a.actor.role} ${a.command.type} ${JSON.stringify(a.command.data)}`,
      )
      .join(' ; ');
  }
}

const episode = fundProjectEpisodeArb(projectId, world).map((actions) => new EpisodeCommand(actions));
const commandsArb = fc.commands([episode], { maxCommands: 12, size: 'medium' });
const solicitArb = solicitFundProjectDataArb(projectId, world).map(
  (data) =>
    new EpisodeCommand([
      { command: { type: 'SolicitFundProject', data }, actor: fundStaff(world), advanceMinutes: 0 },
    ]),
);

const run = async (
  solicit: EpisodeCommand | null,
  commands: Iterable<fc.AsyncCommand<FundModel, Real>>,
): Promise<Real> => {
  const governance = createGovernance();
  await recordDirectory(governance, [
    { street: world.street, community: world.community },
    { street: world.otherStreet, community: world.otherCommunity },
  ]);
  const real: Real = { governance, commands: 0, forged: 0 };
  const setup = () => ({ model: { minutes: 0, project: undefined } as FundModel, real });
  await fc.asyncModelRun(setup, solicit === null ? commands : [solicit, ...commands]);
  return real;
};

describe('FundProject: model-based, through the facade, the funds ledger and the audit', () => {
  it('agrees with the model, keeps spent within allocated, and the audit flags every refused step forged', async () => {
    let forged = 0;
    await fc.assert(
      fc.asyncProperty(fc.option(solicitArb, { freq: 6 }), commandsArb, async (solicit, commands) => {
        const real = await run(solicit, commands);
        forged += real.forged;
        // The honest history itself is clean: every recorded event decided again to the same event.
        const clean = await auditText(await exportToText(real.governance.store));
        expect(clean.violations).toEqual([]);
      }),
      { numRuns: 60 },
    );
    expect(forged).toBeGreaterThan(0);
  });

  it('reaches every FundProject event (guards against a model that only ever rejects)', async () => {
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(solicitArb, commandsArb, async (solicit, commands) => {
        const real = await run(solicit, commands);
        for (const event of await recordedEvents(real.governance)) reached.add(event.type);
      }),
      { numRuns: 40 },
    );
    const types = Object.keys(fundProjectAggregate.recordedBy ?? {});
    expect(types.filter((type) => !reached.has(type))).toEqual([]);
  });
});
