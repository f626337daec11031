/**
 * STAND-IN, NOT EventStoreDB. The commit check of the EventStoreDB protocol stand-in, modelled on the
 * server's `CheckCommit`: an expected version that is behind the stream is not an automatic conflict when
 * the proposed event ids are exactly the ones already written after it. That makes a retried append
 * idempotent: the server answers success with the original revision and writes nothing. A partial match
 * ("corrupted idempotency") is answered as a wrong expected version, as the server does.
 *
 * One difference: for `any` the real server looks event ids up in a bounded cache of recent writes, so an
 * old enough duplicate is written again; the stand-in remembers every id.
 */

/** The expected version of an append, in the server's terms. */
export type ExpectedVersion =
  | { readonly kind: 'any' }
  | { readonly kind: 'no-stream' }
  | { readonly kind: 'stream-exists' }
  | { readonly kind: 'revision'; readonly revision: bigint };

/** The decision: write, answer the earlier write again, or refuse. */
export type CommitDecision =
  | { readonly kind: 'ok' }
  | { readonly kind: 'idempotent'; readonly lastRevision: bigint }
  | { readonly kind: 'wrong-expected-version'; readonly current: bigint };

/** What the check needs to know about the stream (`current` is -1 for a stream with no events). */
export interface CommitCheckInput {
  readonly streamId: string;
  readonly current: bigint;
  readonly expected: ExpectedVersion;
  readonly eventIds: readonly string[];
  readonly eventAt: (revision: bigint) => { readonly id: string } | undefined;
  readonly eventById: (id: string) => { readonly streamId: string; readonly revision: bigint } | undefined;
}

const checkAny = (input: CommitCheckInput): CommitDecision => {
  let last: bigint | undefined;
  for (const id of input.eventIds) {
    const found = input.eventById(id);
    if (found === undefined || found.streamId !== input.streamId) {
      return last === undefined ? { kind: 'ok' } : { kind: 'wrong-expected-version', current: input.current };
    }
    last = found.revision;
  }
  return last === undefined ? { kind: 'ok' } : { kind: 'idempotent', lastRevision: last };
};

/** Decides an append the way the server's commit check does. */
export const commitDecision = (input: CommitCheckInput): CommitDecision => {
  const { current, expected } = input;
  if (expected.kind === 'any') return checkAny(input);
  if (expected.kind === 'stream-exists') {
    return current < 0n ? { kind: 'wrong-expected-version', current } : checkAny(input);
  }
  const expectedRevision = expected.kind === 'no-stream' ? -1n : expected.revision;
  if (expectedRevision < current) {
    let revision = expectedRevision;
    for (const id of input.eventIds) {
      revision += 1n;
      if (input.eventAt(revision)?.id !== id) return { kind: 'wrong-expected-version', current };
    }
    return input.eventIds.length === 0
      ? { kind: 'wrong-expected-version', current }
      : { kind: 'idempotent', lastRevision: revision };
  }
  if (expectedRevision > current) return { kind: 'wrong-expected-version', current };
  return { kind: 'ok' };
};
