import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { canonicalJson } from '../../audit/canonical.js';
import { coversPath, hasRole, type Actor, type Role } from '../shared/actors.js';
import type { CommandContext } from '../shared/context.js';
import type { Decider } from '../shared/decider.js';
import { domainError, type DomainError } from '../shared/errors.js';
import { lookup, withEntry } from '../shared/id-map.js';
import type { HonoursCommand } from './commands.js';
import { honoursIdOf, yearOfPeriod, type HonourAward, type HonoursEvent } from './events.js';
import { heldKey, initialHonoursState, type HonoursState } from './state.js';

/** The roles that post honours and hand over prizes: the community's staff, or an administrator over it. */
export const HONOUR_ROLES: readonly Role[] = ['community-staff', 'administrator'];

type Decision = Either<DomainError, readonly HonoursEvent[]>;

const reject = (code: DomainError['code'], message: string, details?: unknown): Decision =>
  left(domainError(code, message, details));

/** Staff whose scope covers the community; `system` is not among the roles, so it is denied by default. */
const mayHonour = (actor: Actor, community: string): boolean =>
  hasRole(actor, HONOUR_ROLES) && coversPath(actor, [community]);

/** Nothing when the same content was recorded under the id (a replay), a conflict when other content was. */
const reuseOf = <D>(recorded: D | undefined, kind: string, id: string, data: D): Decision | undefined => {
  if (recorded === undefined) return undefined;
  if (canonicalJson(recorded) === canonicalJson(data)) return right([]);
  return reject('idempotency-conflict', `${kind} ${id} was already recorded with other content`, { id });
};

/**
 * Why a star basis does not add up, or undefined: the table must rise strictly and the stars must be the
 * number of thresholds the points reach, as `starsFor` of the honour roll counts them.
 */
const starMismatch = (basis: {
  points: number;
  stars: number;
  thresholds: readonly number[];
}): string | undefined => {
  if (basis.thresholds.some((threshold, i) => i > 0 && threshold <= (basis.thresholds[i - 1] ?? 0))) {
    return `the star table must rise strictly: ${basis.thresholds.join(', ')}`;
  }
  const stars = basis.thresholds.filter((threshold) => basis.points >= threshold).length;
  return stars === basis.stars ? undefined : `${basis.points} points make ${stars} stars, not ${basis.stars}`;
};

const decideAward = (data: HonourAward, state: HonoursState, actor: Actor): Decision => {
  const expected = honoursIdOf(data.community, yearOfPeriod(data.period));
  if (data.honoursId !== expected) {
    return reject(
      'invalid-command',
      `an honour of ${data.period.key} in ${data.community} is kept in ${expected}`,
    );
  }
  if (!mayHonour(actor, data.community)) {
    return reject('forbidden', 'only staff of the community or an administrator over it may award honours');
  }
  if (actor.id === data.residentId) return reject('forbidden', 'nobody awards an honour to themselves');
  const reuse = reuseOf(lookup(state.awards, data.awardId), 'award', data.awardId, data);
  if (reuse !== undefined) return reuse;
  if (data.title === 'star-volunteer') {
    const mismatch = starMismatch(data.basis);
    if (mismatch !== undefined) return reject('invalid-command', mismatch);
  }
  const holder = lookup(state.held, heldKey(data));
  if (holder !== undefined) {
    return reject(
      'already-awarded',
      `${data.residentId} already holds ${data.title} of ${data.period.key} (award ${holder})`,
      { awardId: holder },
    );
  }
  return right([{ type: 'HonourAwarded', data }]);
};

const decideHonours = (command: HonoursCommand, state: HonoursState, context: CommandContext): Decision => {
  const { actor } = context;
  switch (command.type) {
    case 'AwardHonour':
      return decideAward(command.data, state, actor);
    case 'GivePrize': {
      const { data } = command;
      if (!mayHonour(actor, data.community)) {
        return reject('forbidden', 'only staff of the community or an administrator over it may give prizes');
      }
      const award = lookup(state.awards, data.awardId);
      if (award === undefined || award.community !== data.community) {
        return reject('not-found', `no award ${data.awardId} in ${data.honoursId}`);
      }
      if (actor.id === award.residentId) return reject('forbidden', 'nobody hands a prize to themselves');
      const reuse = reuseOf(lookup(state.prizes, data.awardId), 'the prize for award', data.awardId, data);
      if (reuse !== undefined) return reuse;
      return right([{ type: 'PrizeGiven', data }]);
    }
  }
};

/** Folds one Honours event: an award is held under its id and its (title, period, resident); a prize by award. */
export const evolveHonours = (state: HonoursState, event: HonoursEvent): HonoursState => {
  switch (event.type) {
    case 'HonourAwarded':
      return {
        ...state,
        awards: withEntry(state.awards, event.data.awardId, event.data),
        held: withEntry(state.held, heldKey(event.data), event.data.awardId),
      };
    case 'PrizeGiven':
      return { ...state, prizes: withEntry(state.prizes, event.data.awardId, event.data) };
  }
};

/**
 * The Honours decider: community staff (or an administrator over the community) award honours, never to
 * themselves, once per title, period and resident (`already-awarded`), in the stream of the period's year;
 * a star award's stars must be what its points reach on the table it records. A prize is given once for a
 * recorded award (`not-found` otherwise). A repeated award or prize id with the same content decides
 * nothing; with other content it is `idempotency-conflict`. The basis is checked against the honour roll by
 * the audit, which sees every stream; the decider sees only this one.
 */
export const honoursDecider: Decider<HonoursCommand, HonoursEvent, HonoursState> = {
  initialState: initialHonoursState,
  evolve: evolveHonours,
  decide: decideHonours,
};
