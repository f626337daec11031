/**
 * Errors at the domain boundary are values, never thrown strings. Every rejection carries a stable
 * machine-readable `code` that callers can switch on, a human `message`, and optional structured details.
 */

/** The stable error codes the library returns. New codes may be added; existing ones never change meaning. */
export type ErrorCode =
  | 'invalid-command'
  | 'invalid-event'
  | 'forbidden'
  | 'not-found'
  | 'already-exists'
  | 'invalid-transition'
  | 'invalid-escalation'
  | 'conflict'
  | 'concurrency-conflict'
  /** A command id or an entry id (adjustment, redemption, award) reused for different content. */
  | 'idempotency-conflict'
  | 'limit-exceeded'
  | 'invalid-unit'
  | 'insufficient-points'
  | 'redemption-closed'
  | 'already-awarded'
  /** A ballot cast, changed or closed outside the time its ballot is open. */
  | 'ballot-closed'
  | 'store-error';

/** A rejected command or an unreadable event: a code, a message, and optional structured details. */
export interface DomainError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: unknown;
}

/** Builds a {@link DomainError} value. */
export const domainError = (code: ErrorCode, message: string, details?: unknown): DomainError =>
  details === undefined ? { code, message } : { code, message, details };
