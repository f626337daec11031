/**
 * Records the report tests' scripted commands, each at its own instant, failing loudly on any refusal. Most go
 * through the governance facade, as a host system sends them. The few that name a place in a community the
 * directory never recorded cannot: the facade refuses them (`forbidden`), by design. The report still has to
 * cope with such a community, because a history written below the facade holds them (an import of a history
 * from before the directory existed, or a host that writes through the CommandHandler, which checks no
 * places). So exactly those commands are recorded that way, and only for the communities a test names as
 * outside the directory: any other unrecorded place still fails the set-up.
 */
import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import type { Governance } from '../../../src/commands/governance.js';
import { namedPlace, placeCommunity } from '../../../src/domain/neighbourhood/places.js';
import { aggregateOfCommand, type LinliCommandInput } from '../../../src/domain/linli.js';
import type { Role } from '../../../src/domain/shared/actors.js';
import type { DomainError } from '../../../src/domain/shared/errors.js';

/** Who sends a scripted command. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  readonly scope: readonly string[];
}

/** One scripted command, sent by `actor` at the instant `at`. */
export interface Timed {
  readonly at: string;
  readonly actor: Actor;
  readonly command: LinliCommandInput;
}

/** How {@link recordCommands} records: command ids `<idPrefix>-<n>`, and the communities the directory lacks. */
export interface RecordOptions {
  readonly idPrefix: string;
  readonly outsideDirectory: ReadonlySet<string>;
}

/** Whether a command names a place in one of the given communities (a problem's path, a task's community). */
const namesPlaceIn = (command: LinliCommandInput, communities: ReadonlySet<string>): boolean => {
  const place = namedPlace(command);
  return place !== undefined && communities.has(placeCommunity(place));
};

/** Records commands in the order given; throws on the first refusal, since then the set-up itself is wrong. */
export const recordCommands = async (
  governance: Governance,
  steps: readonly Timed[],
  { idPrefix, outsideDirectory }: RecordOptions,
): Promise<void> => {
  for (const [index, { at, actor, command }] of steps.entries()) {
    const context = { actor, now: at, commandId: `${idPrefix}-${index}` };
    let result: Either<DomainError, unknown>;
    if (namesPlaceIn(command, outsideDirectory)) {
      const aggregate = aggregateOfCommand(governance.aggregates, command.type);
      if (aggregate === undefined) throw new Error(`no aggregate handles ${command.type}`);
      result = await governance.handler.handle(aggregate, command, context);
    } else {
      result = await governance.execute(command, context);
    }
    if (isLeft(result)) {
      throw new Error(`${command.type} at ${at} was refused: ${result.left.code} ${result.left.message}`);
    }
  }
};
