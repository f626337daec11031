import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { coversPath, hasRole, type Role } from '../shared/actors.js';
import type { CommandContext } from '../shared/context.js';
import type { Decider } from '../shared/decider.js';
import { domainError, type DomainError } from '../shared/errors.js';
import type { AnchorCommand } from './commands.js';
import type { AnchorEvent } from './events.js';
import { initialAnchorState, type AnchorState } from './state.js';

/** The roles that may anchor the log. */
export const ANCHOR_ROLES: readonly Role[] = ['system', 'administrator'];

const decideAnchor = (
  command: AnchorCommand,
  state: AnchorState,
  context: CommandContext,
): Either<DomainError, readonly AnchorEvent[]> => {
  const { actor } = context;
  // An anchor speaks for the whole log, so only an actor whose scope is everywhere may record one.
  if (!hasRole(actor, ANCHOR_ROLES) || !coversPath(actor, [])) {
    return left(
      domainError('forbidden', 'only the system or an administrator over every unit anchors the log'),
    );
  }
  if (command.data.events <= state.covered) {
    return left(
      domainError(
        'invalid-transition',
        `the ledger's last anchor covers ${state.covered} events; a new one must cover more, not ${command.data.events}`,
      ),
    );
  }
  return right([{ type: 'HistoryAnchored', data: command.data }]);
};

/**
 * The HistoryAnchors decider: the system or an administrator whose scope holds every unit records a
 * checkpoint, each covering more of the log than the last. What the checkpoint says (digest, heads,
 * signature) is checked by the audit, which replays the log; the decider sees only the ledger's stream.
 */
export const anchorDecider: Decider<AnchorCommand, AnchorEvent, AnchorState> = {
  initialState: initialAnchorState,
  evolve: (state, event) => ({ anchors: state.anchors + 1, covered: event.data.events }),
  decide: decideAnchor,
};
