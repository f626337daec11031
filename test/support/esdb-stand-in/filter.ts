/**
 * STAND-IN, NOT EventStoreDB. Server-side `$all` filters of the EventStoreDB protocol stand-in: a stream-name
 * or event-type expression, either a list of prefixes or a regular expression (JavaScript's dialect here,
 * .NET's on the real server; the two agree on the simple patterns clients send, such as `^[^$].*`).
 */
import type streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import type { StoredEvent } from './log.js';

type FilterOptions = InstanceType<typeof streamsPb.ReadReq.Options.FilterOptions>;
type Expression = InstanceType<typeof streamsPb.ReadReq.Options.FilterOptions.Expression>;

/** A compiled filter, with the checkpoint interval the server derives from the request. */
export interface EventFilter {
  matches(event: StoredEvent): boolean;
  /** Events scanned between two checkpoint messages. */
  readonly checkpointInterval: number;
}

// The server's search window when the client asks for `count` rather than a maximum.
const DEFAULT_SEARCH_WINDOW = 32;

const expressionMatcher = (expression: Expression): ((value: string) => boolean) => {
  const regex = expression.getRegex();
  if (regex !== '') {
    const compiled = new RegExp(regex);
    return (value) => compiled.test(value);
  }
  const prefixes = expression.getPrefixList();
  return (value) => prefixes.some((prefix) => value.startsWith(prefix));
};

/** Compiles the filter of a read request; throws on a request with no expression. */
export const compileFilter = (options: FilterOptions): EventFilter => {
  const window = options.hasMax() ? options.getMax() : DEFAULT_SEARCH_WINDOW;
  const checkpointInterval = window * Math.max(1, options.getCheckpointintervalmultiplier());
  const streamExpression = options.getStreamIdentifier();
  if (streamExpression !== undefined) {
    const matches = expressionMatcher(streamExpression);
    return { matches: (event) => matches(event.streamId), checkpointInterval };
  }
  const typeExpression = options.getEventType();
  if (typeExpression !== undefined) {
    const matches = expressionMatcher(typeExpression);
    return { matches: (event) => matches(event.type), checkpointInterval };
  }
  throw new Error('filter without a stream or event type expression');
};
