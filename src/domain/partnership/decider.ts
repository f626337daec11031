import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { isFundStaffFor } from '../fund-project/permissions.js';
import type { CommandContext } from '../shared/context.js';
import type { Decider } from '../shared/decider.js';
import { domainError, type DomainError } from '../shared/errors.js';
import { toMillis } from '../shared/time.js';
import type { PartnershipCommand } from './commands.js';
import type { PartnershipEvent } from './events.js';
import { initialPartnershipState, type AgreedPartnership, type PartnershipState } from './state.js';

type Decision = Either<DomainError, readonly PartnershipEvent[]>;

const reject = (code: DomainError['code'], message: string): Decision => left(domainError(code, message));

const STAFF_ONLY = 'only community staff or an administrator of the community keep its partnerships';

const agree = (
  command: Extract<PartnershipCommand, { type: 'AgreePartnership' }>,
  state: PartnershipState,
  context: CommandContext,
): Decision => {
  const { data } = command;
  if (state.status !== 'unagreed')
    return reject('already-exists', `partnership ${data.partnershipId} exists`);
  if (!isFundStaffFor(context.actor, data)) return reject('forbidden', STAFF_ONLY);
  if (toMillis(data.termEnd) <= toMillis(data.termStart)) {
    return reject('invalid-command', 'the term must end after it starts');
  }
  return right([{ type: 'PartnershipAgreed', data }]);
};

const decideOnPartnership = (
  partnership: AgreedPartnership,
  command: Exclude<PartnershipCommand, { type: 'AgreePartnership' }>,
  context: CommandContext,
): Decision => {
  if (partnership.status === 'ended') return reject('invalid-transition', 'the partnership has ended');
  if (!isFundStaffFor(context.actor, partnership)) return reject('forbidden', STAFF_ONLY);
  switch (command.type) {
    case 'RecordPartnerContribution': {
      const { data } = command;
      if (data.moneyFen === 0 && data.assets.length === 0) {
        return reject('invalid-command', 'a contribution brings money, assets or both');
      }
      if (partnership.contributions.has(data.contributionId)) {
        return reject('already-exists', 'contribution recorded');
      }
      return right([{ type: 'PartnerContributionRecorded', data }]);
    }
    case 'StartRevenueShare': {
      if (partnership.status === 'sharing') return reject('invalid-transition', 'revenue is shared already');
      if (toMillis(context.now) < toMillis(partnership.termEnd)) {
        return reject('invalid-transition', `the partner's term runs until ${partnership.termEnd}`);
      }
      const percent = command.data.compoundSharePercent ?? partnership.revenueSharePercent;
      if (percent === undefined) {
        return reject('invalid-command', 'the agreement left the share open: give compoundSharePercent');
      }
      const data = { partnershipId: partnership.partnershipId, compoundSharePercent: percent };
      return right([{ type: 'RevenueShareStarted', data }]);
    }
    case 'EndPartnership':
      return right([{ type: 'PartnershipEnded', data: command.data }]);
  }
};

/** Folds one Partnership event; total: an event that cannot apply to the state leaves it unchanged. */
export const evolvePartnership = (state: PartnershipState, event: PartnershipEvent): PartnershipState => {
  if (event.type === 'PartnershipAgreed') {
    if (state.status !== 'unagreed') return state;
    const { data } = event;
    return {
      status: 'agreed',
      partnershipId: data.partnershipId,
      street: data.street,
      community: data.community,
      partnerId: data.partnerId,
      termEnd: data.termEnd,
      ...(data.revenueSharePercent === undefined ? {} : { revenueSharePercent: data.revenueSharePercent }),
      contributions: new Set(),
      receivedFen: 0,
    };
  }
  if (state.status === 'unagreed') return state;
  switch (event.type) {
    case 'PartnerContributionRecorded':
      return {
        ...state,
        contributions: new Set(state.contributions).add(event.data.contributionId),
        receivedFen: state.receivedFen + event.data.moneyFen,
      };
    case 'RevenueShareStarted':
      return { ...state, status: 'sharing', revenueSharePercent: event.data.compoundSharePercent };
    case 'PartnershipEnded':
      return { ...state, status: 'ended' };
  }
};

/**
 * The Partnership decider ("space for resources"): community staff or an administrator over the community
 * agree what the compound and the partner give and for how long, record what the partner hands over, start
 * revenue sharing no earlier than the end of the term, and end the partnership.
 */
export const partnershipDecider: Decider<PartnershipCommand, PartnershipEvent, PartnershipState> = {
  initialState: initialPartnershipState,
  evolve: evolvePartnership,
  decide: (command, state, context) => {
    if (command.type === 'AgreePartnership') return agree(command, state, context);
    if (state.status === 'unagreed') return reject('not-found', 'no such partnership');
    return decideOnPartnership(state, command, context);
  },
};
