/**
 * Errors at the edge of the EventStoreDB adapter. The client's errors are recognised by their `type` rather
 * than their class, so the checks hold for any client that follows the EventStoreDB client conventions (and
 * across duplicated installs).
 */

const typeOf = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;

/** A WrongExpectedVersionError: the stream was not at the expected revision. */
export const isWrongExpectedVersion = (error: unknown): error is { readonly actualVersion: unknown } =>
  typeOf(error) === 'wrong-expected-version';

/** A StreamNotFoundError: the stream has no events. */
export const isStreamNotFound = (error: unknown): boolean => typeOf(error) === 'stream-not-found';

/** Thrown when a server does not report `$all` positions for stream reads (servers before 22.6). */
export class PositionUnavailableError extends Error {
  /** Creates the error for the event that came without a position. */
  constructor(streamId: string, revision: bigint) {
    super(
      `EventStoreDB reported no $all position for ${streamId}@${revision}: linli needs EventStoreDB 22.6 or ` +
        'later, which reports positions on stream reads',
    );
    this.name = 'PositionUnavailableError';
  }
}
