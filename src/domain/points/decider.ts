import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { z } from 'zod';
import { canonicalJson } from '../../audit/canonical.js';
import { lookup, withEntry, type IdMap } from '../shared/id-map.js';
import { coversPath, hasRole, type Actor, type Role } from '../shared/actors.js';
import type { CommandContext } from '../shared/context.js';
import type { Decider } from '../shared/decider.js';
import { domainError, type DomainError } from '../shared/errors.js';
import type { PointsCommand } from './commands.js';
import type { PointsEvent } from './events.js';
import { isRedemptionOpen, RedemptionWindowSchema, type RedemptionWindows } from './redemption-windows.js';
import { initialPointsState, type ResidentPointsState } from './state.js';

/** How a community runs its points. */
export interface PointsConfig {
  /** When redemption is open (the quarterly redemption event); left out, it is always open. */
  readonly redemptionWindows?: RedemptionWindows;
}

/** The roles that may redeem on a resident's behalf (at the redemption event's counter). */
export const REDEMPTION_STAFF_ROLES: readonly Role[] = ['community-staff', 'administrator'];

type Decision = Either<DomainError, readonly PointsEvent[]>;

const reject = (code: DomainError['code'], message: string): Decision => left(domainError(code, message));

/**
 * What an entry id already recorded decides for a command reusing it: nothing (`Right([])`) when the content is
 * the same, a replay; `idempotency-conflict` when it differs, the id sent for another entry; `undefined` when
 * the id is new. Content is compared as canonical JSON, as the chain hash sees it.
 */
const reuseOf = <D>(entries: IdMap<D>, kind: string, id: string, data: D): Decision | undefined => {
  const recorded = lookup(entries, id);
  if (recorded === undefined) return undefined;
  if (canonicalJson(recorded) === canonicalJson(data)) return right([]);
  return left(
    domainError('idempotency-conflict', `${kind} ${id} was already recorded with other content`, {
      kind,
      id,
    }),
  );
};

const coversCommunity = (actor: Actor, roles: readonly Role[], community: string): boolean =>
  hasRole(actor, roles) && coversPath(actor, [community]);

/**
 * Nobody pays their own account: awards come from the system (the points policy) or an administrator, whose
 * scope covers the task's community. The system is held to its scope like everyone else: denied by default.
 */
const mayAward = (actor: Actor, residentId: string, community: string): boolean =>
  actor.id !== residentId && coversCommunity(actor, ['system', 'administrator'], community);

/**
 * A redemption or a correction is made by the community that keeps the account (its first entry's), never
 * by whichever community the command names: `forbidden` when the two differ.
 */
const otherCommunity = (
  state: ResidentPointsState,
  residentId: string,
  named: string,
): Decision | undefined =>
  state.community === undefined || state.community === named
    ? undefined
    : reject('forbidden', `the account of ${residentId} is kept by ${state.community}, not ${named}`);

const decidePoints = (
  config: PointsConfig,
  command: PointsCommand,
  state: ResidentPointsState,
  context: CommandContext,
): Decision => {
  const { actor } = context;
  switch (command.type) {
    case 'AwardPoints': {
      const { data } = command;
      if (!mayAward(actor, data.residentId, data.community)) {
        return reject('forbidden', 'only the system or an administrator of the community may award points');
      }
      const reuse = reuseOf(state.awardedTaskIds, 'the award for task', data.taskId, data);
      if (reuse !== undefined) return reuse;
      return right([{ type: 'PointsEarned', data }]);
    }
    case 'RedeemPoints': {
      const { data } = command;
      const self = actor.id === data.residentId && hasRole(actor, ['resident']);
      const elsewhere = otherCommunity(state, data.residentId, data.community);
      if (elsewhere !== undefined) return elsewhere;
      if (!self && !coversCommunity(actor, REDEMPTION_STAFF_ROLES, data.community)) {
        return reject('forbidden', 'only the resident or community staff may redeem points');
      }
      const reuse = reuseOf(state.redemptionIds, 'redemption', data.redemptionId, data);
      if (reuse !== undefined) return reuse;
      if (!isRedemptionOpen(config.redemptionWindows, context.now)) {
        return reject('redemption-closed', 'points are redeemed at the quarterly redemption event');
      }
      if (data.total > state.balance) {
        return reject('insufficient-points', `the balance is ${state.balance}, the items cost ${data.total}`);
      }
      return right([{ type: 'PointsRedeemed', data }]);
    }
    case 'AdjustPoints': {
      const { data } = command;
      const elsewhere = otherCommunity(state, data.residentId, data.community);
      if (elsewhere !== undefined) return elsewhere;
      if (actor.id === data.residentId || !coversCommunity(actor, ['administrator'], data.community)) {
        return reject('forbidden', "only an administrator of the community may adjust another's points");
      }
      const reuse = reuseOf(state.adjustmentIds, 'adjustment', data.adjustmentId, data);
      if (reuse !== undefined) return reuse;
      if (state.balance + data.delta < 0) {
        return reject('insufficient-points', `the balance is ${state.balance}; it may not go below zero`);
      }
      return right([{ type: 'PointsAdjusted', data }]);
    }
  }
};

/** Folds one ResidentPoints event: every recorded entry counts, exactly as a ledger would add it up. */
export const evolvePoints = (state: ResidentPointsState, event: PointsEvent): ResidentPointsState => {
  if (state.community === undefined) state = { ...state, community: event.data.community };
  switch (event.type) {
    case 'PointsEarned':
      return {
        ...state,
        balance: state.balance + event.data.points,
        earned: state.earned + event.data.points,
        awardedTaskIds: withEntry(state.awardedTaskIds, event.data.taskId, event.data),
      };
    case 'PointsRedeemed':
      return {
        ...state,
        balance: state.balance - event.data.total,
        redeemed: state.redeemed + event.data.total,
        redemptionIds: withEntry(state.redemptionIds, event.data.redemptionId, event.data),
      };
    case 'PointsAdjusted':
      return {
        ...state,
        balance: state.balance + event.data.delta,
        adjusted: state.adjusted + event.data.delta,
        adjustmentIds: withEntry(state.adjustmentIds, event.data.adjustmentId, event.data),
      };
  }
};

/**
 * Builds the ResidentPoints decider. Awards come from the system (the points policy) or an administrator
 * whose scope covers the task's community, once per task; redemptions and corrections belong to the
 * community that keeps the account; a repeated award (task id), redemption or adjustment id with the content
 * it recorded decides nothing (`Right([])`), so replays are harmless, and with other content is refused
 * (`idempotency-conflict`). No entry may take the balance below zero. Throws at construction on malformed
 * windows.
 */
export const createPointsDecider = (
  config: PointsConfig = {},
): Decider<PointsCommand, PointsEvent, ResidentPointsState> => {
  const windows = config.redemptionWindows;
  if (windows !== undefined && typeof windows !== 'function') z.array(RedemptionWindowSchema).parse(windows);
  return {
    initialState: initialPointsState,
    evolve: evolvePoints,
    decide: (command, state, context) => decidePoints(config, command, state, context),
  };
};

/** The ResidentPoints decider with redemption always open. */
export const pointsDecider = createPointsDecider();
