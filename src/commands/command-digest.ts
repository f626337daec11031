import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { canonicalJson, jsonString } from '../audit/canonical.js';
import { sha256Hex } from '../audit/sha256.js';
import { domainError, type DomainError } from '../domain/shared/errors.js';
import type { DomainCommand, EventMetadata } from '../domain/shared/events.js';
import type { CommandContext } from '../domain/shared/context.js';

/**
 * The fingerprint the handler records with a command's events (`metadata.commandDigest`): the sha256 of the
 * canonical JSON of the parsed command's type and data (defaults applied, so `{ by: 1 }` and `{}` under a
 * default of 1 are the same command) and the acting actor's id (the same key sent by someone else is someone
 * else's command). Time, correlation and the actor's role and scope are left out: a retry is sent later, and
 * may be sent with a refreshed scope, and is still the same command. `invalid-command` for data canonical
 * JSON cannot hold (a function, `undefined` in an array), which no catalogue schema produces.
 */
export const commandDigest = (command: DomainCommand, actorId: string): Either<DomainError, string> => {
  try {
    // Exactly canonicalJson({ type, data, actor }), its three keys written in sorted order: no object to
    // build and sort on every command (a property test holds the two to the same bytes).
    const data = command.data === undefined ? '' : `"data":${canonicalJson(command.data)},`;
    const canonical = `{"actor":${jsonString(actorId)},${data}"type":${jsonString(command.type)}}`;
    return right(sha256Hex(canonical));
  } catch (error) {
    return left(domainError('invalid-command', `the command cannot be fingerprinted: ${String(error)}`));
  }
};

/** The validated context with the command's fingerprint, which the handler records with the events. */
export interface SubmittedContext extends CommandContext {
  readonly commandDigest: string;
}

/** What {@link refuseReusedKey} reads of a command result. */
interface DuplicateCandidate {
  readonly streamId: string;
  readonly duplicate: boolean;
  readonly events: readonly { readonly metadata: EventMetadata }[];
}

/**
 * A duplicate's answer, unless the command id's events were recorded for another command: a key reused with
 * another payload is refused rather than answered with the first command's events. Events recorded before
 * digests existed carry none and are taken to match.
 */
export const refuseReusedKey = <R extends DuplicateCandidate>(
  result: Either<DomainError, R>,
  context: SubmittedContext,
): Either<DomainError, R> => {
  if (isLeft(result) || !result.right.duplicate) return result;
  const { streamId, events } = result.right;
  const other = events.find(
    ({ metadata }) =>
      metadata.commandDigest !== undefined && metadata.commandDigest !== context.commandDigest,
  );
  if (other === undefined) return result;
  return left(
    domainError(
      'idempotency-conflict',
      `command id ${context.commandId} was already used on ${streamId} for a different command`,
      {
        streamId,
        commandId: context.commandId,
        recordedDigest: other.metadata.commandDigest,
        commandDigest: context.commandDigest,
      },
    ),
  );
};
