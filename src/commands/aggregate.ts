import type { MessageCatalogue, MessagesOf, SchemaMap } from '../domain/shared/catalogue.js';
import type { Decider } from '../domain/shared/decider.js';
import type { EventMetadata } from '../domain/shared/events.js';

/**
 * Everything the command handler needs to know about one aggregate: its command and event catalogues (the
 * schemas that parse what comes from outside), its decider, and which stream a command addresses.
 */
export interface Aggregate<CM extends SchemaMap, EM extends SchemaMap, S> {
  readonly name: string;
  readonly commands: MessageCatalogue<CM>;
  readonly events: MessageCatalogue<EM>;
  readonly decider: Decider<MessagesOf<CM>, MessagesOf<EM>, S>;
  readonly streamId: (command: MessagesOf<CM>) => string;
  /**
   * The command that records each event type, so that an audit can decide each recorded event again: the
   * event's data, read as that command (the command's schema keeps the fields it knows), with the recorded
   * actor and time as its context, must make the decider record the same event.
   */
  readonly recordedBy?: Readonly<Record<keyof EM & string, keyof CM & string>>;
}

/** Any aggregate, for code that handles them all alike. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- variance: a registry of heterogeneous aggregates
export type AnyAggregate = Aggregate<any, any, any>;

/** A domain event as recorded: the event plus its stream, revision, global position and metadata. */
export type Recorded<E> = E & {
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly metadata: EventMetadata;
};

/** A domain event as the handler appended it: the event plus its stream, revision and metadata. */
export type Appended<E> = E & {
  readonly streamId: string;
  readonly revision: bigint;
  readonly metadata: EventMetadata;
};
