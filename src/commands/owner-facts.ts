import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { LinliAggregates } from '../domain/linli.js';
import { isRegisteredOwner, ownerCount, ownersOf } from '../domain/neighbourhood/owners.js';
import type { NeighbourhoodState } from '../domain/neighbourhood/state.js';
import { levelOf } from '../domain/neighbourhood/tree.js';
import { domainError, type DomainError } from '../domain/shared/errors.js';
import { neighbourhoodStream, proposalStream } from '../domain/shared/ids.js';
import { isPlainRecord } from '../domain/shared/plain-record.js';
import type { CommandHandler } from './command-handler.js';
import type { OutsideCheck } from './place-check.js';

type Aggregates = Pick<LinliAggregates, 'neighbourhood' | 'proposal'>;

/** Where a proposal command stands: the compound and the register of its community, as recorded now. */
interface Compound {
  readonly compoundId: string;
  readonly register: NeighbourhoodState;
}

const compoundOf = async (
  handler: CommandHandler,
  aggregates: Aggregates,
  data: Readonly<Record<string, unknown>>,
): Promise<Either<DomainError, Compound | undefined>> => {
  let community = data.community;
  let compoundId = data.compoundId;
  if (typeof data.proposalId === 'string' && compoundId === undefined) {
    const proposal = await handler.stateOf(aggregates.proposal, proposalStream(data.proposalId));
    if (isLeft(proposal)) return proposal;
    // An unknown proposal has no register facts; its decider answers not-found.
    if (proposal.right.status === 'unsubmitted') return right(undefined);
    community = proposal.right.community;
    compoundId = proposal.right.compoundId;
  }
  if (typeof community !== 'string' || typeof compoundId !== 'string') return right(undefined);
  const register = await handler.stateOf(aggregates.neighbourhood, neighbourhoodStream(community));
  return isLeft(register) ? register : right({ compoundId, register: register.right });
};

/**
 * Fills in the owners' register facts a proposal command leaves out (`registeredOwners` of a support or a
 * tabling, the roll of a ballot), from the register as recorded now; a command that gives them keeps its own,
 * which {@link ownerFactsCheck} then judges. Anything else passes through unchanged.
 */
export const fillOwnerFacts =
  (handler: CommandHandler, aggregates: Aggregates) =>
  async (command: Readonly<Record<string, unknown>>): Promise<Either<DomainError, unknown>> => {
    const { type, data } = command;
    if (!isPlainRecord(data)) return right(command);
    const field =
      type === 'SupportProposal' || type === 'TableProposal'
        ? 'registeredOwners'
        : type === 'OpenBallot'
          ? 'eligibleOwners'
          : undefined;
    if (field === undefined || data[field] !== undefined) return right(command);
    const compound = await compoundOf(handler, aggregates, data);
    if (isLeft(compound)) return compound;
    if (compound.right === undefined) return right(command);
    const { compoundId, register } = compound.right;
    const fact =
      field === 'registeredOwners' ? ownerCount(register, compoundId) : ownersOf(register, compoundId);
    return right({ ...command, data: { ...data, [field]: fact } });
  };

const sameMembers = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().every((id, i) => id === [...b].sort()[i]);

/**
 * The check `createGovernance` runs on proposal commands against the owners' register of the compound: the
 * compound must be one; an owner who submits or supports must be registered in it; the stated number of
 * registered owners and a ballot's roll must be the register's now (`conflict` when the register moved on).
 */
export const ownerFactsCheck =
  (handler: CommandHandler, aggregates: Aggregates): OutsideCheck =>
  async (command) => {
    const { type, data } = command;
    if (!isPlainRecord(data)) return undefined;
    if (!['SubmitProposal', 'SupportProposal', 'TableProposal', 'OpenBallot'].includes(type))
      return undefined;
    const found = await compoundOf(handler, aggregates, data);
    if (isLeft(found)) return found.left;
    if (found.right === undefined) return undefined;
    const { compoundId, register } = found.right;
    if (levelOf(register, compoundId) !== 'compound') {
      return domainError(
        'forbidden',
        `${type} names ${compoundId}, which the directory records as no compound`,
      );
    }
    const owner = isPlainRecord(data.proposer) ? data.proposer.ownerId : data.ownerId;
    if (typeof owner === 'string' && !isRegisteredOwner(register, compoundId, owner)) {
      return domainError('forbidden', `${owner} is not a registered owner of ${compoundId}`);
    }
    const count = ownerCount(register, compoundId);
    if (typeof data.registeredOwners === 'number' && data.registeredOwners !== count) {
      return domainError(
        'conflict',
        `${compoundId} has ${count} registered owners, not ${data.registeredOwners}`,
      );
    }
    const roll = data.eligibleOwners;
    if (Array.isArray(roll) && !sameMembers(roll as string[], ownersOf(register, compoundId))) {
      return domainError('conflict', `the roll is not the owners' register of ${compoundId} now`);
    }
    return undefined;
  };
