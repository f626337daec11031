/**
 * The light-bulb task's people and helpers, shared by the facade's retry tests in memory and on PostgreSQL:
 * a community worker of Bairuijing who publishes and verifies, the resident who does the work, a context
 * builder and an unwrap that fails the test on a refusal.
 */
import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import type { CommandContextInput } from '../../src/domain/shared/context.js';
import type { DomainError } from '../../src/domain/shared/errors.js';

/** The community worker who publishes and verifies. */
export const staff = { id: 'staff-1', role: 'community-staff' as const, scope: ['bairuijing'] };

/** The resident who claims and proves the task. */
export const resident = { id: 'res-42', role: 'resident' as const };

/** A command context: who acts, when, under which command id. */
export const at = (
  commandId: string,
  actor: CommandContextInput['actor'],
  now: string,
): CommandContextInput => ({
  actor,
  now,
  commandId,
});

/** The events of an accepted command; throws with the code and message of a refused one. */
export const ok = <T>(result: Either<DomainError, T>): T => {
  if (isLeft(result)) throw new Error(`${result.left.code}: ${result.left.message}`);
  return result.right;
};
