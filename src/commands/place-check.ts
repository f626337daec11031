import { isLeft } from 'fp-ts/lib/Either.js';
import type { NeighbourhoodAggregate } from '../domain/neighbourhood/aggregate.js';
import { namedPlace, placeCommunity, placeMismatch } from '../domain/neighbourhood/places.js';
import { domainError, type DomainError } from '../domain/shared/errors.js';
import { neighbourhoodStream } from '../domain/shared/ids.js';
import type { CommandHandler } from './command-handler.js';

/** A check of a validated command against facts outside its stream, as `CommandHandler.handle` takes one. */
export type OutsideCheck = (command: {
  readonly type: string;
  readonly data: unknown;
}) => Promise<DomainError | undefined>;

/**
 * The check `createGovernance` runs before every command: the place a command names (a problem's path, a
 * task's unit) must be the directory's, as the neighbourhood stream of its community records it, or the
 * command is `forbidden`. Scope checks compare the actor's units with those ids, so a command naming one of
 * the actor's units under another community, or a grid under another street, would otherwise carry its own
 * authority. Units are never removed, so what is found here still holds when the command is appended. Pass it
 * to `handler.handle` when using the handler without the facade.
 */
export const directoryPlaceCheck =
  (handler: CommandHandler, neighbourhood: NeighbourhoodAggregate): OutsideCheck =>
  async (command) => {
    const place = namedPlace(command);
    if (place === undefined) return undefined;
    const register = await handler.stateOf(neighbourhood, neighbourhoodStream(placeCommunity(place)));
    if (isLeft(register)) return register.left;
    const mismatch = placeMismatch(register.right, place);
    return mismatch === undefined
      ? undefined
      : domainError('forbidden', `${command.type} names a place the directory does not: ${mismatch}`, {
          place,
        });
  };
