/** Why a history could not be read at all, as opposed to read and found wrong. */
export type HistoryReadFailure =
  'unreadable' | 'empty' | 'garbled' | 'truncated' | 'not-a-history' | 'unsupported-version';

/**
 * A history that cannot be read: the file is missing, not UTF-8, not JSON Lines, cut short, or not a linli
 * history. The message names the line, so a person can open the file there; callers report it as is, never
 * with a stack trace. Tampering that leaves the file readable is not this error but a violation.
 */
export class HistoryReadError extends Error {
  /** Creates the error; `line` is 1-based, absent when the problem is the whole file. */
  constructor(
    readonly failure: HistoryReadFailure,
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'HistoryReadError';
  }
}

/** True when `error` is a {@link HistoryReadError} (also across copies of the library). */
export const isHistoryReadError = (error: unknown): error is HistoryReadError =>
  error instanceof HistoryReadError ||
  (error instanceof Error && error.name === 'HistoryReadError' && 'failure' in error);
