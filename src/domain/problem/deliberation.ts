import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { z } from 'zod';
import type { CommandContext } from '../shared/context.js';
import { domainError, type DomainError } from '../shared/errors.js';
import { deliberationDayFor } from '../meeting/calendar.js';
import type { deliberationCommandSchemas, deliberationEventSchemas } from './deliberation-schemas.js';
import type { ProblemEvent } from './events.js';
import { mayActForTier } from './permissions.js';
import type { ReportedProblem } from './state.js';

/** A deliberation command of the problem aggregate. */
export type DeliberationCommand =
  | {
      readonly type: 'ReferProblemToDeliberation';
      readonly data: z.output<typeof deliberationCommandSchemas.ReferProblemToDeliberation>;
    }
  | {
      readonly type: 'RecordDeliberation';
      readonly data: z.output<typeof deliberationCommandSchemas.RecordDeliberation>;
    };

/** A deliberation event of the problem aggregate. */
export type DeliberationEvent =
  | {
      readonly type: 'ProblemReferredToDeliberation';
      readonly data: z.output<typeof deliberationEventSchemas.ProblemReferredToDeliberation>;
    }
  | {
      readonly type: 'ProblemDeliberated';
      readonly data: z.output<typeof deliberationEventSchemas.ProblemDeliberated>;
    };

const DELIBERATION_COMMANDS: ReadonlySet<string> = new Set([
  'ReferProblemToDeliberation',
  'RecordDeliberation',
]);

/** True for the problem commands {@link decideDeliberation} decides. */
export const isDeliberationCommand = (command: { readonly type: string }): command is DeliberationCommand =>
  DELIBERATION_COMMANDS.has(command.type);

/**
 * Refers an open problem to the next deliberation day, or records what the day concluded. Only the tier
 * holding the problem (or one above it) may do either, and neither moves the problem off its tier.
 */
export const decideDeliberation = (
  deliberationDay: number,
  state: ReportedProblem,
  command: DeliberationCommand,
  context: CommandContext,
): Either<DomainError, readonly ProblemEvent[]> => {
  const { tier } = state;
  if (state.status !== 'triaged' || tier === undefined) {
    return left(domainError('invalid-transition', `a ${state.status} problem is not open for deliberation`));
  }
  if (!mayActForTier(context.actor, tier, state.path)) {
    return left(domainError('forbidden', `only staff of the ${tier} tier or above may refer this problem`));
  }
  if (command.type === 'ReferProblemToDeliberation') {
    if (state.referredTo !== undefined) {
      return left(
        domainError('already-exists', `the problem awaits the deliberation day of ${state.referredTo}`),
      );
    }
    const { problemId, meetingId } = command.data;
    const day = deliberationDayFor(context.now, deliberationDay);
    const data = { problemId, deliberationDay: day, ...(meetingId === undefined ? {} : { meetingId }) };
    return right([{ type: 'ProblemReferredToDeliberation', data }]);
  }
  if (state.referredTo === undefined) {
    return left(domainError('invalid-transition', 'the problem was not referred to a deliberation day'));
  }
  return right([{ type: 'ProblemDeliberated', data: command.data }]);
};
