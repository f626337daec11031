import fc from 'fast-check';
import type { PartnershipCommandInput } from '../../domain/partnership/commands.js';
import { defaultFundWorld, fundStaff, type FundWorld } from '../scenarios/fund-world.js';
import { instantAfter, type ActorInput } from '../scenarios/task-world.js';
import {
  decisionRefArb,
  fenArb,
  fundActorArb,
  fundStaffActorArb,
  type FundAction,
  type FundCommandStep,
} from './fund-basics.js';
import { advanceArb } from './task.js';

type Data<T extends PartnershipCommandInput['type']> = Extract<PartnershipCommandInput, { type: T }>['data'];

/**
 * `AgreePartnership` data for `partnershipId` in the world. Terms run one, seven or thirty days from the
 * epoch (real ones run years): short enough that random timelines reach their end and start sharing.
 */
export const agreePartnershipDataArb = (
  partnershipId: string,
  world: FundWorld = defaultFundWorld,
): fc.Arbitrary<Data<'AgreePartnership'>> =>
  fc
    .record({
      partnerId: fc.constantFrom(...world.organisations),
      moneyFen: fenArb(10_000, 1_000_000),
      sheds: fc.integer({ min: 1, max: 10 }),
      termDays: fc.constantFrom(1, 7, 30),
      share: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
      decided: fc.option(decisionRefArb, { nil: undefined }),
    })
    .map((r) => ({
      partnershipId,
      street: world.street,
      community: world.community,
      partnerId: r.partnerId,
      compoundGives: [{ kind: 'operating-rights' as const, description: 'operating the charging sheds' }],
      partnerGives: [
        { kind: 'money' as const, amountFen: r.moneyFen },
        { kind: 'asset' as const, description: 'smart charging shed', quantity: r.sheds },
      ],
      termStart: world.epoch,
      termEnd: instantAfter(world, r.termDays * 24 * 60),
      ...(r.share === undefined ? {} : { revenueSharePercent: r.share }),
      ...(r.decided === undefined ? {} : { decision: r.decided }),
    }));

/** A random action on partnership `partnershipId`, with the kind of actor who would plausibly send it. */
export const partnershipActionArb = (
  partnershipId: string,
  world: FundWorld = defaultFundWorld,
): fc.Arbitrary<FundAction<PartnershipCommandInput>> => {
  const staff = fundStaffActorArb(world);
  const pair = <T extends PartnershipCommandInput['type']>(
    type: T,
    data: fc.Arbitrary<Data<T>>,
    actor: fc.Arbitrary<ActorInput> = staff,
  ): fc.Arbitrary<[PartnershipCommandInput, ActorInput]> =>
    fc.tuple(
      data.map((d) => ({ type, data: d }) as PartnershipCommandInput),
      actor,
    );
  const contribution = fc
    .record({
      contributionId: fc.integer({ min: 1, max: 4 }).map((n) => `contribution-${n}`),
      moneyFen: fc.oneof(fc.constant(0), fenArb(1_000, 500_000)),
      assets: fc.array(fc.constant({ description: 'smart charging shed', quantity: 1 }), { maxLength: 2 }),
      receivedOn: fc.constantFrom('2026-03-02', '2026-12-31', '2027-01-01'),
    })
    .map((r) => ({ partnershipId, ...r, description: 'handed over by the partner' }));
  const command = fc.oneof(
    {
      weight: 1,
      arbitrary: pair('AgreePartnership', agreePartnershipDataArb(partnershipId, world), fundActorArb(world)),
    },
    { weight: 4, arbitrary: pair('RecordPartnerContribution', contribution) },
    {
      weight: 2,
      arbitrary: pair(
        'StartRevenueShare',
        fc
          .option(fc.integer({ min: 1, max: 50 }), { nil: undefined })
          .map((share) =>
            share === undefined ? { partnershipId } : { partnershipId, compoundSharePercent: share },
          ),
      ),
    },
    {
      weight: 1,
      arbitrary: pair('EndPartnership', fc.constant({ partnershipId, reason: 'the partner withdrew' })),
    },
  );
  const advance = fc.oneof(
    { weight: 4, arbitrary: advanceArb },
    { weight: 1, arbitrary: fc.constant(10 * 24 * 60) },
  );
  return fc
    .tuple(command, advance)
    .map(([[c, actor], advanceMinutes]) => ({ command: c, actor, advanceMinutes }));
};

/** Options of {@link partnershipStepsArb}. */
export interface PartnershipStepsOptions {
  /** The partnerships the steps act on; default `['partnership-1']`. */
  readonly partnershipIds?: readonly string[];
  /** The most actions after the partnerships are agreed; default 20. */
  readonly maxActions?: number;
}

/**
 * A timeline of partnership commands: each partnership agreed by fund staff at the epoch, then random actions
 * on random partnerships, time moving forward (now and then by ten days, so that terms end).
 */
export const partnershipStepsArb = (
  world: FundWorld = defaultFundWorld,
  options: PartnershipStepsOptions = {},
): fc.Arbitrary<FundCommandStep<PartnershipCommandInput>[]> => {
  const ids = options.partnershipIds ?? ['partnership-1'];
  const agreements = fc.tuple(...ids.map((id) => agreePartnershipDataArb(id, world)));
  const actions = fc.array(
    fc.constantFrom(...ids).chain((id) => partnershipActionArb(id, world)),
    { maxLength: options.maxActions ?? 20, size: 'medium' },
  );
  return fc.tuple(agreements, actions).map(([first, random]) => {
    let minutes = 0;
    const steps: FundCommandStep<PartnershipCommandInput>[] = first.map((data, i) => ({
      command: { type: 'AgreePartnership', data },
      context: { actor: fundStaff(world), now: world.epoch, commandId: `agree-${ids[i] ?? i}` },
    }));
    random.forEach((action, i) => {
      minutes += action.advanceMinutes;
      steps.push({
        command: action.command,
        context: {
          actor: action.actor,
          now: instantAfter(world, minutes),
          commandId: `partnership-step-${i}`,
        },
      });
    });
    return steps;
  });
};
