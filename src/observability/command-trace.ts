import type { Either } from 'fp-ts/lib/Either.js';
import { isPlainRecord } from '../domain/shared/plain-record.js';
import type { DomainError } from '../domain/shared/errors.js';
import type { ExpectedRevision } from '../store/event-store.js';
import type { LinliAttributes, LinliSpan } from './tracer.js';
import { markRefused, type Tracing } from './tracing.js';

/** What the command span reads of a handler's result. */
interface HandledCommand {
  readonly duplicate: boolean;
  readonly events: readonly unknown[];
}

/** The `linli.command` span of one command, as the handler fills it in, and its `linli.append` children. */
export class CommandTrace {
  /** Wraps the command's (recording) span. */
  constructor(
    private readonly tracing: Tracing,
    private readonly span: LinliSpan,
  ) {}

  /** Records the stream the command goes to. */
  stream(streamId: string): void {
    this.span.setAttribute('linli.stream.id', streamId);
  }

  /** Records how many times the command has been decided again after a concurrency conflict. */
  retries(count: number): void {
    this.span.setAttribute('linli.retries', count);
  }

  /** Runs `write`, one append of `count` events to `streamId`, inside a `linli.append` span. */
  append<T>(
    streamId: string,
    count: number,
    expected: ExpectedRevision,
    write: () => Promise<T>,
  ): Promise<T> {
    const attributes = {
      'linli.stream.id': streamId,
      'linli.append.events': count,
      'linli.append.expected_revision': String(expected),
    };
    return this.tracing.span('linli.append', attributes, this.span, write);
  }
}

/**
 * Runs `handle` inside a `linli.command` span: the command's type, then (from the handler) its stream and
 * retries, and from the result its outcome (`appended`, `unchanged` when it decided nothing, `duplicate`, or
 * `refused` with `linli.error.code` and the error status).
 */
export const traceCommand = <R extends HandledCommand>(
  tracing: Tracing,
  command: unknown,
  handle: (trace: CommandTrace | undefined) => Promise<Either<DomainError, R>>,
): Promise<Either<DomainError, R>> => {
  const type = isPlainRecord(command) ? command['type'] : undefined;
  const attributes: LinliAttributes = typeof type === 'string' ? { 'linli.command.type': type } : {};
  return tracing.span(
    'linli.command',
    attributes,
    undefined,
    (span) => handle(span === undefined ? undefined : new CommandTrace(tracing, span)),
    (span, result) => {
      if (result._tag === 'Left') {
        span.setAttribute('linli.command.outcome', 'refused');
        markRefused(span, result.left);
        return;
      }
      const { duplicate, events } = result.right;
      span.setAttribute(
        'linli.command.outcome',
        duplicate ? 'duplicate' : events.length > 0 ? 'appended' : 'unchanged',
      );
      span.setAttribute('linli.command.events', events.length);
    },
  );
};
