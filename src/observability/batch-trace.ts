import type { Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../domain/shared/errors.js';
import type { RecordedEvent } from '../store/event-store.js';
import { markRefused, type Tracing } from './tracing.js';

/**
 * Runs `apply` inside a `linli.projection.batch` span: the projection's name, how many of the batch's events
 * are new (after `applied`, the last position applied) and their first and last positions (as decimal
 * strings: positions are 64-bit). A batch with nothing new (the overlap a catch-up re-reads) gets no span.
 */
export const traceBatch = <S>(
  tracing: Tracing,
  projection: string,
  applied: bigint | undefined,
  batch: readonly RecordedEvent[],
  apply: () => Promise<Either<DomainError, S>>,
): Promise<Either<DomainError, S>> => {
  const fresh = applied === undefined ? batch : batch.filter((event) => event.position > applied);
  const first = fresh[0];
  const last = fresh[fresh.length - 1];
  if (first === undefined || last === undefined) return apply();
  const attributes = {
    'linli.projection.name': projection,
    'linli.projection.events': fresh.length,
    'linli.projection.from_position': String(first.position),
    'linli.projection.to_position': String(last.position),
  };
  return tracing.span('linli.projection.batch', attributes, undefined, apply, (span, result) => {
    if (result._tag === 'Left') markRefused(span, result.left);
  });
};
