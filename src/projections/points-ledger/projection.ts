import type { Draft } from 'immer';
import type { Recorded } from '../../commands/aggregate.js';
import type { LinliEvent } from '../../domain/linli.js';
import type { PointsEvent } from '../../domain/points/events.js';
import type { Projection } from '../projection.js';
import { entryOf } from '../id-record.js';
import {
  emptyCommunityPoints,
  initialPointsLedgerState,
  type CommunityPoints,
  type LedgerEntry,
  type PointsLedgerState,
  type ResidentAccount,
} from './state.js';

type LedgerDraft = Draft<PointsLedgerState>;
type PointsEntryEvent = Recorded<PointsEvent>;

/** The part of an entry that depends on its kind: the signed amount and the id that makes it unique. */
type EntryDetails = Pick<
  LedgerEntry,
  'kind' | 'amount' | 'taskId' | 'redemptionId' | 'adjustmentId' | 'reason'
>;

const entryDetails = (event: PointsEntryEvent): EntryDetails => {
  switch (event.type) {
    case 'PointsEarned':
      return { kind: 'earned', amount: event.data.points, taskId: event.data.taskId };
    case 'PointsRedeemed':
      return { kind: 'redeemed', amount: -event.data.total, redemptionId: event.data.redemptionId };
    case 'PointsAdjusted':
      return {
        kind: 'adjusted',
        amount: event.data.delta,
        adjustmentId: event.data.adjustmentId,
        reason: event.data.reason,
      };
  }
};

const communityDraft = (draft: LedgerDraft, community: string): Draft<CommunityPoints> => {
  const existing = entryOf(draft.communities, community);
  if (existing !== undefined) return existing;
  const created = emptyCommunityPoints(community);
  draft.communities[community] = created;
  return created;
};

const accountDraft = (draft: LedgerDraft, residentId: string, community: string): Draft<ResidentAccount> => {
  const existing = entryOf(draft.accounts, residentId);
  if (existing !== undefined) return existing;
  const account: Draft<ResidentAccount> = {
    residentId,
    balance: 0,
    earned: 0,
    redeemed: 0,
    adjusted: 0,
    community,
    revision: -1,
    entries: [],
  };
  draft.accounts[residentId] = account;
  communityDraft(draft, community).residents += 1;
  return account;
};

/**
 * Books one points entry: the resident's totals and history, the flows of the community it was made in, and
 * the outstanding balance, which leaves the resident's previous community whole and lands in this one. Every
 * step touches one account and at most two communities, whatever the length of the history.
 */
const book = (draft: LedgerDraft, event: PointsEntryEvent): void => {
  const { residentId, community } = event.data;
  const account = accountDraft(draft, residentId, community);
  const revision = Number(event.revision);
  if (revision <= account.revision) return;
  const details = entryDetails(event);
  const before = account.balance;
  account.balance += details.amount;
  if (details.kind === 'earned') account.earned += details.amount;
  else if (details.kind === 'redeemed') account.redeemed -= details.amount;
  else account.adjusted += details.amount;
  account.revision = revision;
  account.entries.push({
    position: event.position.toString(),
    revision,
    eventId: event.metadata.eventId,
    occurredAt: event.metadata.occurredAt,
    community,
    balanceAfter: account.balance,
    ...details,
  });

  const here = communityDraft(draft, community);
  if (details.kind === 'earned') here.issued += details.amount;
  else if (details.kind === 'redeemed') here.redeemed -= details.amount;
  else here.adjusted += details.amount;

  if (account.community !== community) {
    const previous = communityDraft(draft, account.community);
    previous.outstanding -= before;
    previous.residents -= 1;
    here.residents += 1;
    here.outstanding += account.balance;
    account.community = community;
  } else {
    here.outstanding += details.amount;
  }
};

/**
 * The points ledger (see {@link PointsLedgerState}): folds `PointsEarned`, `PointsRedeemed` and
 * `PointsAdjusted`. An entry at or below the revision already booked for its resident is a redelivery and
 * changes nothing, so the ledger comes out the same however often events are delivered.
 */
export const pointsLedgerProjection: Projection<Recorded<LinliEvent>, PointsLedgerState> = {
  name: 'points-ledger',
  initialState: initialPointsLedgerState,
  apply: (draft, event) => {
    switch (event.type) {
      case 'PointsEarned':
      case 'PointsRedeemed':
      case 'PointsAdjusted':
        book(draft, event);
        break;
      default:
        break;
    }
  },
};
